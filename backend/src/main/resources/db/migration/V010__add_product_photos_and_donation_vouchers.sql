-- Product photos (one per product, replaceable) and voucher photos of donations and purchases
-- (receipts, donation certificates). Bytes live in PostgreSQL like application photos (V006),
-- so a backup of the database is a backup of the photos. The type is the one detected from
-- the file's first bytes; sha256 is the version the URLs and ETags carry.

create table product_photos (
  product_id   bigint primary key,
  village_id   bigint not null,
  content_type text not null,
  bytes        bytea not null,
  sha256       text not null,
  uploaded_by  text not null,
  uploaded_at  timestamptz not null default now(),
  -- the primary key's index (product_id) also serves this foreign key
  constraint product_photos_product_fk foreign key (product_id, village_id)
    references products (id, village_id),
  constraint product_photos_type_ck check (content_type in ('image/jpeg', 'image/png',
    'image/webp')),
  constraint product_photos_size_ck check (octet_length(bytes) between 1 and 2097152),
  constraint product_photos_sha256_ck check (sha256 ~ '^[0-9a-f]{64}$')
);
comment on table product_photos is '商品照片：每件商品一张，可更换、可删除，不超过 2 MB';
create index product_photos_village_idx on product_photos (village_id);

alter table donations add constraint donations_id_village_uq unique (id, village_id);

create table donation_vouchers (
  id           bigint generated always as identity primary key,
  donation_id  bigint not null,
  village_id   bigint not null,
  content_type text not null,
  bytes        bytea not null,
  sha256       text not null,
  uploaded_by  text not null,
  uploaded_at  timestamptz not null default now(),
  constraint donation_vouchers_donation_fk foreign key (donation_id, village_id)
    references donations (id, village_id),
  constraint donation_vouchers_type_ck check (content_type in ('image/jpeg', 'image/png',
    'image/webp')),
  constraint donation_vouchers_size_ck check (octet_length(bytes) between 1 and 5242880),
  constraint donation_vouchers_sha256_ck check (sha256 ~ '^[0-9a-f]{64}$'),
  -- the same file sent twice (a retry) is one voucher
  constraint donation_vouchers_file_uq unique (donation_id, sha256)
);
comment on table donation_vouchers is '入库凭证照片：收据、发票、捐赠证书（每笔最多 5 张，每张不超过 5 MB）';
create index donation_vouchers_donation_idx on donation_vouchers (donation_id, village_id);
create index donation_vouchers_village_idx on donation_vouchers (village_id);
