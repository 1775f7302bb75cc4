-- Applications (申报) from villagers and group leaders, checked first by the group leader (初审).

create table applications (
  id            bigint generated always as identity primary key,
  village_id    bigint not null,
  household_id  bigint not null,
  rule_id       bigint not null references rules (id),
  occurred_on   date not null,
  description   text not null,
  status        text not null default 'SUBMITTED',
  submitted_by  text not null,
  submitted_at  timestamptz not null default now(),
  checked_by    text,
  checked_at    timestamptz,
  return_reason text,
  award_item_id bigint references award_items (id),
  constraint applications_household_fk foreign key (household_id, village_id)
    references households (id, village_id),
  constraint applications_status_ck check (status in ('SUBMITTED', 'CHECKED', 'RETURNED',
    'AT_MEETING')),
  constraint applications_description_ck check (length(btrim(description)) between 1 and 500),
  constraint applications_returned_ck check (status <> 'RETURNED' or return_reason is not null),
  constraint applications_item_uq unique (award_item_id)
);
comment on table applications is '积分申报：村民或十户长提交，十户长初审，通过后进入月度评议';
create index applications_village_idx on applications (village_id, status);
create index applications_household_idx on applications (household_id, village_id);
create index applications_rule_idx on applications (rule_id);

create table application_photos (
  id             bigint generated always as identity primary key,
  application_id bigint not null references applications (id),
  content_type   text not null,
  bytes          bytea not null,
  created_at     timestamptz not null default now(),
  constraint application_photos_type_ck check (content_type in ('image/jpeg', 'image/png',
    'image/webp')),
  constraint application_photos_size_ck check (octet_length(bytes) between 1 and 5242880)
);
comment on table application_photos is '申报照片（每张不超过 5 MB，每份申报最多 3 张）';
create index application_photos_application_idx on application_photos (application_id);
