-- How points are born: the rule catalogue (积分细则), meeting batches (评议), public notice (公示).

-- A rule belongs to a district's template (village_id null) or to one village. Its terms live
-- in versions: editing a rule adds a version, so posted points keep naming what applied.
create table rules (
  id               bigint generated always as identity primary key,
  district_id      bigint not null references districts (id),
  village_id       bigint references villages (id),
  template_rule_id bigint references rules (id),
  current_version  bigint,
  active           boolean not null default true,
  created_at       timestamptz not null default now(),
  constraint rules_template_uq unique (village_id, template_rule_id)
);
comment on table rules is '积分细则条目：区模板（village_id 为空）或某村采用/自建的条目';
create index rules_district_idx on rules (district_id);
create index rules_village_idx on rules (village_id);
create index rules_template_idx on rules (template_rule_id);

create table rule_versions (
  id                bigint generated always as identity primary key,
  rule_id           bigint not null references rules (id),
  version           integer not null,
  category          text not null,
  name              text not null,
  points            bigint not null,
  cap_period        text not null default 'NONE',
  cap_points        bigint,
  evidence_required boolean not null default false,
  created_at        timestamptz not null default now(),
  created_by        text not null,
  constraint rule_versions_uq unique (rule_id, version),
  constraint rule_versions_points_ck check (points <> 0 and abs(points) <= 1000),
  constraint rule_versions_cap_ck check ((cap_period = 'NONE') = (cap_points is null)
    and (cap_points is null or cap_points > 0)),
  constraint rule_versions_cap_period_ck check (cap_period in ('NONE', 'MONTH', 'QUARTER', 'YEAR')),
  constraint rule_versions_name_ck check (length(btrim(name)) between 1 and 100),
  constraint rule_versions_category_ck check (length(btrim(category)) between 1 and 30)
);
comment on table rule_versions is '细则版本：改分值只新增版本，已入账的积分仍指向当时的版本';
create index rule_versions_rule_idx on rule_versions (rule_id);
alter table rules add constraint rules_current_version_fk
  foreign key (current_version) references rule_versions (id);
create trigger rule_versions_append_only before update or delete on rule_versions
  for each row execute function ledger_append_only();

create table village_award_policies (
  village_id  bigint primary key references villages (id),
  notice_days integer not null default 3,
  constraint village_award_policies_days_ck check (notice_days between 0 and 30)
);
comment on table village_award_policies is '公示天数（0 表示审批后立即入账）';

create table award_batches (
  id               bigint generated always as identity primary key,
  village_id       bigint not null references villages (id),
  title            text not null,
  meeting_date     date not null,
  attendees        text,
  status           text not null default 'DRAFT',
  notice_days      integer,
  notice_starts_at timestamptz,
  notice_ends_at   timestamptz,
  approved_by      text,
  posted_at        timestamptz,
  created_by       text not null,
  created_at       timestamptz not null default now(),
  constraint award_batches_status_ck check (status in ('DRAFT', 'NOTICE', 'POSTED', 'CANCELLED')),
  constraint award_batches_title_ck check (length(btrim(title)) between 1 and 100),
  constraint award_batches_notice_ck check (status = 'DRAFT' or status = 'CANCELLED'
    or (notice_starts_at is not null and notice_ends_at is not null)),
  constraint award_batches_id_village_uq unique (id, village_id)
);
comment on table award_batches is '评议批次：村两委会议审定的一批加减分，公示期满后自动入账';
create index award_batches_village_idx on award_batches (village_id, meeting_date);
create index award_batches_due_idx on award_batches (notice_ends_at) where status = 'NOTICE';

create table award_items (
  id              bigint generated always as identity primary key,
  batch_id        bigint not null,
  village_id      bigint not null,
  household_id    bigint not null,
  rule_id         bigint not null references rules (id),
  rule_version_id bigint not null references rule_versions (id),
  points          bigint not null,
  note            text,
  evidence        text,
  occurred_at     timestamptz not null,
  status          text not null default 'ACTIVE',
  posted_points   bigint,
  cut_points      bigint,
  cut_reason      text,
  transfer_id     bigint references ledger_transfers (id),
  constraint award_items_batch_fk foreign key (batch_id, village_id)
    references award_batches (id, village_id),
  constraint award_items_household_fk foreign key (household_id, village_id)
    references households (id, village_id),
  constraint award_items_status_ck check (status in ('ACTIVE', 'HELD', 'DROPPED', 'POSTED')),
  constraint award_items_points_ck check (points <> 0),
  constraint award_items_posted_ck check ((status = 'POSTED') = (posted_points is not null))
);
comment on table award_items is '评议条目：一户、一条细则（版本）、分值；公示期间可因异议暂缓';
create index award_items_batch_idx on award_items (batch_id, village_id);
create index award_items_household_idx on award_items (household_id, village_id);
create index award_items_rule_idx on award_items (rule_id);
create index award_items_version_idx on award_items (rule_version_id);
create index award_items_transfer_idx on award_items (transfer_id);

create table award_objections (
  id          bigint generated always as identity primary key,
  item_id     bigint not null references award_items (id),
  village_id  bigint not null references villages (id),
  reason      text not null,
  raised_by   text not null,
  raised_at   timestamptz not null default now(),
  resolution  text,
  resolved_by text,
  resolved_at timestamptz,
  constraint award_objections_resolution_ck check (resolution is null or resolution in ('KEEP', 'DROP')),
  constraint award_objections_resolved_ck check ((resolution is null) = (resolved_at is null)),
  constraint award_objections_reason_ck check (length(btrim(reason)) between 1 and 500)
);
comment on table award_objections is '公示期间的异议：条目暂缓，处理结果为保留或撤销';
create index award_objections_item_idx on award_objections (item_id);
create index award_objections_village_idx on award_objections (village_id);
