-- The village dashboard's top products (issue #7) from an aggregate instead of the period's
-- redemptions: units and points per village, calendar month (Asia/Shanghai, of the
-- redemption's created_at) and product. Kept by triggers as redemption lines are written and
-- as redemptions are refunded (a refunded redemption leaves the figures of its own month, as
-- the dashboard has always counted it), so every path that writes them keeps it right.
-- Lines are written while their products are locked (RedemptionService), so the upsert adds
-- no lock another redemption could wait for beyond the product's own.

create table product_months (
  village_id bigint not null references villages (id),
  month      date not null,
  product_id bigint not null references products (id),
  quantity   bigint not null default 0,
  points     bigint not null default 0,
  constraint product_months_pk primary key (village_id, month, product_id),
  constraint product_months_month_ck check (extract(day from month) = 1)
);
comment on table product_months is '看板汇总：每村每月每种商品兑换的数量和积分（退还的兑换不计）';

create function product_months_add_line() returns trigger language plpgsql as $$
begin
  insert into product_months as m (village_id, month, product_id, quantity, points)
  select r.village_id, date_trunc('month', r.created_at at time zone 'Asia/Shanghai')::date,
    new.product_id, new.quantity, new.quantity * new.price_points
  from redemptions r where r.id = new.redemption_id and r.refunded_at is null
  on conflict (village_id, month, product_id) do update
    set quantity = m.quantity + excluded.quantity, points = m.points + excluded.points;
  return null;
end $$;
create trigger redemption_items_product_months after insert on redemption_items
  for each row execute function product_months_add_line();

create function product_months_refund() returns trigger language plpgsql as $$
begin
  update product_months m
     set quantity = m.quantity - i.quantity, points = m.points - i.points
    from (select product_id, sum(quantity) quantity, sum(quantity * price_points) points
            from redemption_items where redemption_id = new.id group by product_id) i
   where m.village_id = new.village_id
     and m.month = date_trunc('month', new.created_at at time zone 'Asia/Shanghai')::date
     and m.product_id = i.product_id;
  return null;
end $$;
create trigger redemptions_refund_product_months after update of refunded_at on redemptions
  for each row when (old.refunded_at is null and new.refunded_at is not null)
  execute function product_months_refund();

-- What is there already.
insert into product_months (village_id, month, product_id, quantity, points)
select r.village_id, date_trunc('month', r.created_at at time zone 'Asia/Shanghai')::date,
  i.product_id, sum(i.quantity), sum(i.quantity * i.price_points)
from redemptions r join redemption_items i on i.redemption_id = r.id
where r.refunded_at is null
group by 1, 2, 3;
