-- Regions: district (区) → town/street (镇/街道) → village (村) → ten-household group (十户一组).
-- Every table carries its tenant key so the schema can later be distributed by village.

create table districts (
  id         bigint generated always as identity primary key,
  name       text not null,
  created_at timestamptz not null default now(),
  constraint districts_name_uq unique (name),
  constraint districts_name_ck check (length(btrim(name)) between 1 and 100)
);
comment on table districts is '区/县：拥有积分细则模板和九有六无标准';

create table towns (
  id          bigint generated always as identity primary key,
  district_id bigint not null references districts (id),
  name        text not null,
  created_at  timestamptz not null default now(),
  constraint towns_name_uq unique (district_id, name),
  constraint towns_name_ck check (length(btrim(name)) between 1 and 100)
);
comment on table towns is '乡镇/街道';
create index towns_district_idx on towns (district_id);

create table villages (
  id          bigint generated always as identity primary key,
  town_id     bigint not null references towns (id),
  district_id bigint not null references districts (id),
  name        text not null,
  slug        text not null,
  created_at  timestamptz not null default now(),
  constraint villages_name_uq unique (town_id, name),
  constraint villages_slug_uq unique (slug),
  constraint villages_slug_ck check (slug ~ '^[a-z][a-z0-9]{1,30}$'),
  constraint villages_name_ck check (length(btrim(name)) between 1 and 100)
);
comment on table villages is '行政村；slug 用于村民登录名（如 lixin-h001）';
comment on column villages.district_id is '冗余的区 id：按区范围查询时不必再连 towns 表';
create index villages_town_idx on villages (town_id);
create index villages_district_idx on villages (district_id);

-- Keep villages.district_id equal to the town's district.
create function villages_district_matches_town() returns trigger language plpgsql as $$
begin
  if new.district_id <> (select district_id from towns where id = new.town_id) then
    raise exception 'village % district % does not match town %', new.id, new.district_id, new.town_id
      using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger villages_district_matches_town before insert or update on villages
  for each row execute function villages_district_matches_town();

create table household_groups (
  id          bigint generated always as identity primary key,
  village_id  bigint not null references villages (id),
  name        text not null,
  leader_name text,
  position    integer not null default 0,
  created_at  timestamptz not null default now(),
  constraint household_groups_name_uq unique (village_id, name),
  constraint household_groups_name_ck check (length(btrim(name)) between 1 and 50),
  constraint household_groups_id_village_uq unique (id, village_id)
);
comment on table household_groups is '十户一组：约十户一组，由十户长（组长）联系';
create index household_groups_village_idx on household_groups (village_id);

create table households (
  id         bigint generated always as identity primary key,
  village_id bigint not null references villages (id),
  group_id   bigint not null,
  code       text not null,
  head_name  text not null,
  address    text,
  phone      text,
  status     text not null default 'ACTIVE',
  created_at timestamptz not null default now(),
  constraint households_code_uq unique (village_id, code),
  constraint households_code_ck check (code ~ '^[A-Za-z0-9-]{1,20}$'),
  constraint households_head_name_ck check (length(btrim(head_name)) between 1 and 50),
  constraint households_status_ck check (status in ('ACTIVE', 'ARCHIVED')),
  -- the group must belong to the same village
  constraint households_group_fk foreign key (group_id, village_id)
    references household_groups (id, village_id),
  constraint households_id_village_uq unique (id, village_id)
);
comment on table households is '户：积分以户为单位（一户一档）';
create index households_village_idx on households (village_id);
create index households_group_idx on households (group_id, village_id);

create table household_members (
  id           bigint generated always as identity primary key,
  household_id bigint not null,
  village_id   bigint not null,
  name         text not null,
  relation     text not null,
  position     integer not null default 0,
  constraint household_members_household_fk foreign key (household_id, village_id)
    references households (id, village_id),
  constraint household_members_relation_ck check (relation in
    ('HEAD', 'SPOUSE', 'CHILD', 'CHILD_IN_LAW', 'PARENT', 'GRANDCHILD', 'SIBLING', 'OTHER')),
  constraint household_members_name_ck check (length(btrim(name)) between 1 and 50)
);
comment on table household_members is '家庭成员及与户主关系';
create index household_members_household_idx on household_members (household_id, village_id);

-- Users: each has exactly one role and one scope.
create table users (
  id            bigint generated always as identity primary key,
  username      text not null,
  password_hash text not null,
  display_name  text not null,
  role          text not null,
  district_id   bigint references districts (id),
  town_id       bigint references towns (id),
  village_id    bigint references villages (id),
  group_id      bigint references household_groups (id),
  household_id  bigint references households (id),
  enabled       boolean not null default true,
  created_at    timestamptz not null default now(),
  constraint users_username_uq unique (username),
  constraint users_username_ck check (username ~ '^[a-z0-9][a-z0-9_.-]{1,40}$'),
  constraint users_role_ck check (role in ('DISTRICT_ADMIN', 'TOWN_ADMIN', 'VILLAGE_COMMITTEE',
    'GROUP_LEADER', 'SHOP_ATTENDANT', 'VILLAGER')),
  -- the scope columns that must be set for each role, and only those
  constraint users_scope_ck check (
    (role = 'DISTRICT_ADMIN' and district_id is not null and town_id is null and village_id is null
       and group_id is null and household_id is null)
    or (role = 'TOWN_ADMIN' and town_id is not null and district_id is null and village_id is null
       and group_id is null and household_id is null)
    or (role in ('VILLAGE_COMMITTEE', 'SHOP_ATTENDANT') and village_id is not null
       and district_id is null and town_id is null and group_id is null and household_id is null)
    or (role = 'GROUP_LEADER' and village_id is not null and group_id is not null
       and district_id is null and town_id is null and household_id is null)
    or (role = 'VILLAGER' and village_id is not null and household_id is not null
       and district_id is null and town_id is null and group_id is null))
);
comment on table users is '登录用户：角色 + 唯一范围（区、镇、村、组或一户）';
create index users_district_idx on users (district_id);
create index users_town_idx on users (town_id);
create index users_village_idx on users (village_id);
create index users_group_idx on users (group_id);
create index users_household_idx on users (household_id);

create table refresh_tokens (
  id         bigint generated always as identity primary key,
  user_id    bigint not null references users (id),
  token_hash text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  constraint refresh_tokens_hash_uq unique (token_hash)
);
comment on column refresh_tokens.token_hash is 'SHA-256 of the token: a database leak does not leak usable tokens';
create index refresh_tokens_user_idx on refresh_tokens (user_id);

create table login_attempts (
  id           bigint generated always as identity primary key,
  username     text not null,
  client_ip    text not null,
  attempted_at timestamptz not null default now(),
  succeeded    boolean not null
);
comment on table login_attempts is 'Login throttling: failures per username and per IP in a sliding window';
create index login_attempts_username_idx on login_attempts (username, attempted_at);
create index login_attempts_ip_idx on login_attempts (client_ip, attempted_at);

create table audit_events (
  id             bigint generated always as identity primary key,
  occurred_at    timestamptz not null default now(),
  actor_user_id  bigint references users (id),
  actor_username text not null,
  action         text not null,
  target_type    text not null,
  target_id      text,
  district_id    bigint references districts (id),
  town_id        bigint references towns (id),
  village_id     bigint references villages (id),
  details        jsonb not null default '{}'::jsonb,
  constraint audit_events_action_ck check (action ~ '^[A-Z_]{2,60}$')
);
comment on table audit_events is '操作日志：谁、何时、做了什么、对象、所属村';
create index audit_events_village_idx on audit_events (village_id, occurred_at desc);
create index audit_events_town_idx on audit_events (town_id, occurred_at desc);
create index audit_events_district_idx on audit_events (district_id, occurred_at desc);
create index audit_events_actor_idx on audit_events (actor_user_id);

create function audit_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only' using errcode = 'insufficient_privilege';
end $$;
create trigger audit_events_append_only before update or delete on audit_events
  for each row execute function audit_events_append_only();
