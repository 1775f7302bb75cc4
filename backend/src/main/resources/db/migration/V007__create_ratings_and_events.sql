-- Clean-home ratings (干净人家) and event check-in (活动签到).

create table rating_sheets (
  village_id  bigint primary key references villages (id),
  areas       jsonb not null,
  bands       jsonb not null,
  star_points jsonb not null,
  flag_below  integer not null default 60,
  updated_at  timestamptz not null default now(),
  constraint rating_sheets_areas_ck check (jsonb_typeof(areas) = 'array'
    and jsonb_array_length(areas) between 1 and 12),
  constraint rating_sheets_bands_ck check (jsonb_typeof(bands) = 'array'),
  constraint rating_sheets_flag_ck check (flag_below between 0 and 100)
);
comment on table rating_sheets is '评分表：区域与权重、星级分段、星级对应积分、低于多少分需整改';

create table rating_rounds (
  id           bigint generated always as identity primary key,
  village_id   bigint not null references villages (id),
  name         text not null,
  period_start date not null,
  period_end   date not null,
  status       text not null default 'OPEN',
  batch_id     bigint references award_batches (id),
  created_by   text not null,
  created_at   timestamptz not null default now(),
  constraint rating_rounds_status_ck check (status in ('OPEN', 'CLOSED')),
  constraint rating_rounds_period_ck check (period_start <= period_end),
  constraint rating_rounds_name_ck check (length(btrim(name)) between 1 and 60),
  constraint rating_rounds_closed_ck check ((status = 'CLOSED') = (batch_id is not null)),
  constraint rating_rounds_id_village_uq unique (id, village_id)
);
comment on table rating_rounds is '干净人家评比轮次（按月或按季）；关闭后星级积分进入评议、公示、入账';
create index rating_rounds_village_idx on rating_rounds (village_id, period_end desc);
create index rating_rounds_batch_idx on rating_rounds (batch_id);

create table ratings (
  id           bigint generated always as identity primary key,
  round_id     bigint not null,
  village_id   bigint not null,
  household_id bigint not null,
  scores       jsonb not null,
  total        integer not null,
  stars        integer not null,
  flagged      boolean not null,
  follow_up_on date,
  note         text,
  inspector    text not null,
  rated_at     timestamptz not null default now(),
  constraint ratings_round_fk foreign key (round_id, village_id)
    references rating_rounds (id, village_id),
  constraint ratings_household_fk foreign key (household_id, village_id)
    references households (id, village_id),
  constraint ratings_uq unique (round_id, household_id),
  constraint ratings_total_ck check (total between 0 and 100),
  constraint ratings_stars_ck check (stars between 0 and 5),
  constraint ratings_flag_ck check (not flagged or follow_up_on is not null)
);
comment on table ratings is '入户评分：一轮一户一张，星级随最新一轮变化（可升可降）';
create index ratings_household_idx on ratings (household_id, village_id);
create index ratings_village_idx on ratings (village_id);

create table events (
  id         bigint generated always as identity primary key,
  village_id bigint not null references villages (id),
  title      text not null,
  rule_id    bigint not null references rules (id),
  starts_at  timestamptz not null,
  ends_at    timestamptz not null,
  batch_id   bigint references award_batches (id),
  created_by text not null,
  created_at timestamptz not null default now(),
  constraint events_window_ck check (starts_at < ends_at),
  constraint events_title_ck check (length(btrim(title)) between 1 and 100),
  constraint events_id_village_uq unique (id, village_id)
);
comment on table events is '会议或活动（志愿服务日、文化广场活动）：限定时间内扫码签到';
create index events_village_idx on events (village_id, starts_at desc);
create index events_rule_idx on events (rule_id);
create index events_batch_idx on events (batch_id);

create table event_attendance (
  id            bigint generated always as identity primary key,
  event_id      bigint not null,
  village_id    bigint not null,
  household_id  bigint not null,
  checked_in_by text not null,
  checked_in_at timestamptz not null default now(),
  constraint event_attendance_event_fk foreign key (event_id, village_id)
    references events (id, village_id),
  constraint event_attendance_household_fk foreign key (household_id, village_id)
    references households (id, village_id),
  constraint event_attendance_uq unique (event_id, household_id)
);
comment on table event_attendance is '签到：每户每场一次；签到本身不加分，由村委审定后入账';
create index event_attendance_household_idx on event_attendance (household_id, village_id);
