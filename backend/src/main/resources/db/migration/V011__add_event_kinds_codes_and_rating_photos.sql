-- Event check-in pages, the meeting screen's unusual-amount warning and rating photos.

-- Events: a kind, an optional rule (a meeting may only take attendance), and a 6-digit code
-- that villagers can type when the camera cannot read the QR code.
alter table events add column kind text not null default 'OTHER';
alter table events add constraint events_kind_ck
  check (kind in ('VOLUNTEER', 'CULTURE', 'MEETING', 'OTHER'));
comment on column events.kind is '活动类型：VOLUNTEER 志愿服务日, CULTURE 文化广场活动, MEETING 村民会议, OTHER 其他';
alter table events alter column rule_id drop not null;
comment on column events.rule_id is '签到转为评议时使用的积分细则；为空时只记考勤（转评议时再选）';
-- Events created before this migration have no typed code (their QR code still works).
alter table events add column check_in_code text;
alter table events add constraint events_check_in_code_ck check (check_in_code ~ '^[0-9]{6}$');
alter table events add constraint events_check_in_code_uq unique (village_id, check_in_code);
comment on column events.check_in_code is '手输签到码（6 位数字，本村唯一）；仍只在签到时间内有效';

-- Wrong typed check-in codes per villager login: guessing is throttled (see Events).
create table event_code_failures (
  id           bigint generated always as identity primary key,
  village_id   bigint not null references villages (id),
  username     text not null,
  attempted_at timestamptz not null default now()
);
comment on table event_code_failures is '输错签到码的记录：短时间内错太多次就暂停签到，防止猜码';
create index event_code_failures_user_idx on event_code_failures (username, attempted_at);
create index event_code_failures_village_idx on event_code_failures (village_id);

-- The meeting screen flags a household whose total in one batch is more than this many
-- times the batch's typical (median) household total.
alter table village_award_policies add column unusual_multiple integer not null default 3;
alter table village_award_policies add constraint village_award_policies_multiple_ck
  check (unusual_multiple between 2 and 20);
comment on column village_award_policies.unusual_multiple is '评议提醒：某户本批合计超过本批各户中位数的几倍时提醒';

-- One photo per household rating (e.g. evidence for rectification), replaced on re-upload.
create table rating_photos (
  rating_id    bigint primary key references ratings (id),
  village_id   bigint not null references villages (id),
  content_type text not null,
  bytes        bytea not null,
  uploaded_by  text not null,
  uploaded_at  timestamptz not null default now(),
  constraint rating_photos_type_ck check (content_type in ('image/jpeg', 'image/png',
    'image/webp')),
  constraint rating_photos_size_ck check (octet_length(bytes) between 1 and 5242880)
);
comment on table rating_photos is '入户评分照片（如整改前后对照），每户每轮一张，不超过 5 MB';
create index rating_photos_village_idx on rating_photos (village_id);
