-- Inspections (巡检 / 暗访 / 回访): visits of town and district staff to a village, the problems
-- found on them, and the rectification tasks (整改任务) they become at once (即查即改). The
-- village's weak points (短板弱项) and per-household plans (一户一策) are tasks of the same kind
-- with the same workflow: OPEN → DONE (the committee) → VERIFIED (town or district), or back
-- to OPEN when the town reopens a task marked done.

create table inspections (
  id             bigint generated always as identity primary key,
  village_id     bigint not null references villages (id),
  kind           text not null,
  visited_on     date not null,
  level          text not null,
  inspector      text not null,
  inspector_name text not null,
  follows_id     bigint references inspections (id),
  notes          text not null default '',
  created_at     timestamptz not null default now(),
  constraint inspections_kind_ck check (kind in ('ROUTINE', 'UNANNOUNCED', 'FOLLOW_UP')),
  constraint inspections_level_ck check (level in ('TOWN', 'DISTRICT')),
  constraint inspections_follows_ck check (follows_id is null or kind = 'FOLLOW_UP'),
  constraint inspections_notes_ck check (length(notes) <= 2000)
);
-- the dashboards read the latest visit and the visited months per village from this index
create index inspections_village_idx on inspections (village_id, visited_on desc);
create index inspections_follows_idx on inspections (follows_id);
comment on table inspections is '镇、区到村检查：ROUTINE=巡检，UNANNOUNCED=暗访，FOLLOW_UP=回访（可注明回访哪一次）';
comment on column inspections.level is '检查单位：TOWN=镇（街道），DISTRICT=区';
comment on column inspections.inspector is '记录检查的人（登录名）；inspector_name 为其姓名';

create table inspection_findings (
  id            bigint generated always as identity primary key,
  inspection_id bigint not null references inspections (id),
  village_id    bigint not null references villages (id),
  position      integer not null,
  category      text not null,
  severity      text not null,
  description   text not null,
  constraint inspection_findings_position_uq unique (inspection_id, position),
  constraint inspection_findings_category_ck check (category in ('SANITATION', 'FACILITIES',
    'RECORDS', 'DISCLOSURE', 'SHOP', 'OTHER')),
  constraint inspection_findings_severity_ck check (severity in ('LOW', 'MEDIUM', 'HIGH')),
  constraint inspection_findings_description_ck check (length(btrim(description)) between 1 and 500)
);
create index inspection_findings_village_idx on inspection_findings (village_id);
comment on table inspection_findings is '检查发现的问题：类别（环境卫生、设施、台账、制度公示、积分超市、其他）与轻重程度';

create table rectification_tasks (
  id            bigint generated always as identity primary key,
  village_id    bigint not null references villages (id),
  kind          text not null,
  finding_id    bigint references inspection_findings (id),
  household_id  bigint references households (id),
  title         text,
  detail        text not null default '',
  owner         text not null,
  owner_user_id bigint references users (id),
  deadline      date not null,
  status        text not null default 'OPEN',
  done_note     text,
  done_by       text,
  done_at       timestamptz,
  verified_by   text,
  verified_at   timestamptz,
  review_note   text,
  reopened_by   text,
  reopened_at   timestamptz,
  created_by    text not null,
  created_at    timestamptz not null default now(),
  constraint rectification_tasks_finding_uq unique (finding_id),
  constraint rectification_tasks_kind_ck check (kind in ('FINDING', 'WEAK_POINT', 'HOUSEHOLD_PLAN')),
  constraint rectification_tasks_finding_ck check ((kind = 'FINDING') = (finding_id is not null)),
  constraint rectification_tasks_household_ck check ((kind = 'HOUSEHOLD_PLAN') = (household_id is not null)),
  constraint rectification_tasks_title_ck check ((kind = 'FINDING' and title is null)
    or (kind <> 'FINDING' and title is not null and length(btrim(title)) between 1 and 200)),
  constraint rectification_tasks_owner_ck check (length(btrim(owner)) between 1 and 100),
  constraint rectification_tasks_status_ck check (status in ('OPEN', 'DONE', 'VERIFIED')),
  constraint rectification_tasks_done_ck check ((status = 'OPEN') = (done_at is null)),
  constraint rectification_tasks_verified_ck check ((status = 'VERIFIED') = (verified_at is not null))
);
-- open and overdue counts per village (status = 'OPEN' and deadline < today) use this index
create index rectification_tasks_village_idx on rectification_tasks (village_id, status, deadline);
create index rectification_tasks_household_idx on rectification_tasks (household_id);
create index rectification_tasks_owner_idx on rectification_tasks (owner_user_id);
comment on table rectification_tasks is '整改任务：FINDING=检查发现的问题（即查即改），WEAK_POINT=短板弱项，HOUSEHOLD_PLAN=一户一策';
comment on column rectification_tasks.status is 'OPEN=整改中，DONE=村里已整改（待核实），VERIFIED=镇或区已核实';
comment on column rectification_tasks.owner is '责任人：姓名或职务（如 村党支部书记）；owner_user_id 为本村的用户时填';

-- One photo of a finding (taken on the visit) and one of a task's rectification (整改后),
-- checked by common/PhotoUpload like every other photo; a new upload replaces the old one.
create table inspection_photos (
  id           bigint generated always as identity primary key,
  village_id   bigint not null references villages (id),
  finding_id   bigint references inspection_findings (id),
  task_id      bigint references rectification_tasks (id),
  content_type text not null,
  bytes        bytea not null,
  uploaded_by  text not null,
  uploaded_at  timestamptz not null default now(),
  constraint inspection_photos_finding_uq unique (finding_id),
  constraint inspection_photos_task_uq unique (task_id),
  constraint inspection_photos_target_ck check (num_nonnulls(finding_id, task_id) = 1),
  constraint inspection_photos_type_ck check (content_type in ('image/jpeg', 'image/png',
    'image/webp')),
  constraint inspection_photos_size_ck check (octet_length(bytes) between 1 and 5242880)
);
create index inspection_photos_village_idx on inspection_photos (village_id);
comment on table inspection_photos is '检查照片：问题照片（finding_id）或整改后照片（task_id），各一张，不超过 5 MB';
