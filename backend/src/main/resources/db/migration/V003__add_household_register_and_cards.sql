-- The committee's household register (花名册) and printed household cards (户卡).

alter table households
  add column low_income boolean not null default false,
  add column note text,
  add column archived_at timestamptz,
  add constraint households_archived_ck check ((status = 'ARCHIVED') = (archived_at is not null)),
  add constraint households_note_ck check (note is null or length(note) <= 500),
  add constraint households_phone_ck check (phone is null or phone ~ '^[0-9+ -]{5,20}$');
comment on column households.low_income is '敏感标记（如低保户）：只有村委可见';

-- A printed card carries a server-signed serial; a lost card is revoked and a new one issued.
create table household_cards (
  id           bigint generated always as identity primary key,
  household_id bigint not null,
  village_id   bigint not null,
  serial       text not null,
  status       text not null default 'ACTIVE',
  issued_at    timestamptz not null default now(),
  revoked_at   timestamptz,
  constraint household_cards_household_fk foreign key (household_id, village_id)
    references households (id, village_id),
  constraint household_cards_serial_uq unique (serial),
  constraint household_cards_serial_ck check (serial ~ '^[A-Z0-9]{10,20}$'),
  constraint household_cards_status_ck check (status in ('ACTIVE', 'REVOKED')),
  constraint household_cards_revoked_ck check ((status = 'REVOKED') = (revoked_at is not null))
);
comment on table household_cards is '户卡：二维码内容为服务器签名的卡号，可挂失补办';
create unique index household_cards_one_active_uq on household_cards (household_id)
  where status = 'ACTIVE';
create index household_cards_village_idx on household_cards (village_id);
create index household_cards_household_idx on household_cards (household_id, village_id);

-- Server-side signing keys, generated on first use.
create table signing_keys (
  name       text primary key,
  secret     text not null,
  created_at timestamptz not null default now(),
  constraint signing_keys_name_ck check (name ~ '^[a-z_]{2,30}$')
);
comment on table signing_keys is 'HMAC keys (e.g. for card serials); never leave the database';

-- Households registered before cards existed get one now (new ones get one when opened).
insert into household_cards (household_id, village_id, serial)
select id, village_id, upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 16))
from households where status = 'ACTIVE';
