-- The village points shop (爱心积分超市): products, a stock book, donations, redemptions.

create table products (
  id                  bigint generated always as identity primary key,
  village_id          bigint not null references villages (id),
  name                text not null,
  unit                text not null default '件',
  category            text not null default '日用品',
  price_points        bigint not null,
  stock               bigint not null default 0,
  active              boolean not null default true,
  low_stock_threshold integer not null default 5,
  created_at          timestamptz not null default now(),
  constraint products_name_uq unique (village_id, name),
  constraint products_name_ck check (length(btrim(name)) between 1 and 60),
  constraint products_unit_ck check (length(btrim(unit)) between 1 and 10),
  constraint products_category_ck check (length(btrim(category)) between 1 and 30),
  constraint products_price_ck check (price_points between 1 and 1000000),
  constraint products_stock_ck check (stock >= 0),
  constraint products_threshold_ck check (low_stock_threshold >= 0),
  constraint products_id_village_uq unique (id, village_id)
);
comment on table products is '积分超市商品；stock 只由库存流水（stock_movements）的触发器维护';
create index products_village_idx on products (village_id);

-- The stock book: every change of stock is a movement; products.stock is their running sum.
create table stock_movements (
  id             bigint generated always as identity primary key,
  village_id     bigint not null,
  product_id     bigint not null,
  kind           text not null,
  quantity       bigint not null,
  stock_after    bigint not null default 0,
  reason         text,
  source_type    text,
  source_id      bigint,
  actor_username text not null,
  occurred_at    timestamptz not null default now(),
  recorded_at    timestamptz not null default now(),
  constraint stock_movements_product_fk foreign key (product_id, village_id)
    references products (id, village_id),
  constraint stock_movements_kind_ck check (kind in ('DONATION_IN', 'PURCHASE_IN',
    'REDEMPTION_OUT', 'REFUND_IN', 'ADJUSTMENT', 'STOCKTAKE')),
  constraint stock_movements_quantity_ck check (quantity <> 0),
  constraint stock_movements_direction_ck check (
    (kind in ('DONATION_IN', 'PURCHASE_IN', 'REFUND_IN') and quantity > 0)
    or (kind = 'REDEMPTION_OUT' and quantity < 0)
    or kind in ('ADJUSTMENT', 'STOCKTAKE')),
  constraint stock_movements_reason_ck check (kind not in ('ADJUSTMENT', 'STOCKTAKE')
    or length(btrim(coalesce(reason, ''))) > 0)
);
comment on table stock_movements is '库存台账：捐赠入库、采购入库、兑换出库、退还入库、调整、盘点';
create index stock_movements_product_idx on stock_movements (product_id, village_id);
create index stock_movements_village_idx on stock_movements (village_id, occurred_at);

-- Applying a movement is the only way stock changes; the CHECK on products refuses < 0.
create function stock_movement_apply() returns trigger language plpgsql as $$
begin
  update products set stock = stock + new.quantity where id = new.product_id
    returning stock into new.stock_after;
  return new;
end $$;
create trigger stock_movements_apply before insert on stock_movements
  for each row execute function stock_movement_apply();

create function products_stock_only_by_movement() returns trigger language plpgsql as $$
begin
  if new.stock <> old.stock and pg_trigger_depth() < 2 then
    raise exception 'products.stock changes only through stock_movements'
      using errcode = 'insufficient_privilege';
  end if;
  return new;
end $$;
create trigger products_stock_only_by_movement before update on products
  for each row execute function products_stock_only_by_movement();

create function products_no_initial_stock() returns trigger language plpgsql as $$
begin
  if new.stock <> 0 then
    raise exception 'a new product starts with stock 0; record a movement'
      using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger products_no_initial_stock before insert on products
  for each row execute function products_no_initial_stock();

create trigger stock_movements_append_only before update or delete on stock_movements
  for each row execute function ledger_append_only();

-- Donations (捐赠) and purchases from village funds (采购), with the goods they brought.
create table donations (
  id          bigint generated always as identity primary key,
  village_id  bigint not null references villages (id),
  kind        text not null,
  donor_name  text not null,
  donor_type  text not null,
  occurred_on date not null,
  value_yuan  numeric(12, 2) not null default 0,
  note        text,
  actor_username text not null,
  created_at  timestamptz not null default now(),
  constraint donations_kind_ck check (kind in ('DONATION', 'PURCHASE')),
  constraint donations_donor_type_ck check (donor_type in ('ENTERPRISE', 'PAIRED_UNIT',
    'PERSON', 'VILLAGE_FUNDS', 'OTHER')),
  constraint donations_donor_name_ck check (length(btrim(donor_name)) between 1 and 100),
  constraint donations_value_ck check (value_yuan >= 0)
);
comment on table donations is '捐赠与采购登记（企业、结对帮扶单位、个人、村集体资金）';
create index donations_village_idx on donations (village_id, occurred_on);

-- Redemptions (兑换) and their lines.
create table redemptions (
  id                 bigint generated always as identity primary key,
  village_id         bigint not null references villages (id),
  household_id       bigint not null,
  points             bigint not null,
  method             text not null,
  transfer_id        bigint references ledger_transfers (id),
  attendant_user_id  bigint references users (id),
  attendant_username text not null,
  created_at         timestamptz not null default now(),
  refunded_at        timestamptz,
  refund_transfer_id bigint references ledger_transfers (id),
  constraint redemptions_household_fk foreign key (household_id, village_id)
    references households (id, village_id),
  constraint redemptions_points_ck check (points > 0),
  constraint redemptions_method_ck check (method in ('QR', 'CARD')),
  constraint redemptions_refund_ck check ((refunded_at is null) = (refund_transfer_id is null)),
  constraint redemptions_transfer_uq unique (transfer_id),
  constraint redemptions_refund_uq unique (refund_transfer_id)
);
comment on table redemptions is '兑换记录：一次兑换一笔积分转账（户 → 超市）';
create index redemptions_village_idx on redemptions (village_id, created_at);
create index redemptions_household_idx on redemptions (household_id, village_id);
create index redemptions_attendant_idx on redemptions (attendant_user_id);

create table redemption_items (
  id            bigint generated always as identity primary key,
  redemption_id bigint not null references redemptions (id),
  product_id    bigint not null references products (id),
  quantity      bigint not null,
  price_points  bigint not null,
  constraint redemption_items_quantity_ck check (quantity between 1 and 1000),
  constraint redemption_items_price_ck check (price_points > 0)
);
create index redemption_items_redemption_idx on redemption_items (redemption_id);
create index redemption_items_product_idx on redemption_items (product_id);

-- Phone QR tokens: signed, short-lived, single use.
create table qr_tokens (
  id           bigint generated always as identity primary key,
  household_id bigint not null,
  village_id   bigint not null,
  nonce        text not null,
  expires_at   timestamptz not null,
  used_at      timestamptz,
  constraint qr_tokens_household_fk foreign key (household_id, village_id)
    references households (id, village_id),
  constraint qr_tokens_nonce_uq unique (nonce)
);
comment on table qr_tokens is '手机兑换码：服务器签名，约 60 秒有效，只能用一次';
create index qr_tokens_household_idx on qr_tokens (household_id, village_id);
create index qr_tokens_expires_idx on qr_tokens (expires_at);

create table shop_policies (
  village_id  bigint primary key references villages (id),
  card_factor text not null default 'PIN',
  constraint shop_policies_card_factor_ck check (card_factor in ('PIN', 'CONFIRM_NAME'))
);
comment on table shop_policies is '户卡兑换的第二重确认：户密码(PIN)或核对户主姓名(CONFIRM_NAME)';
