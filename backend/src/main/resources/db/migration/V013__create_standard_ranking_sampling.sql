-- 九有六无: the district's checklist, each village's yearly self-check reviewed by its town,
-- ranking rounds (擂台赛) and sampling acceptance (抽查验收).

create table standard_items (
  id          bigint generated always as identity primary key,
  district_id bigint not null references districts (id),
  kind        text not null,
  position    integer not null,
  title       text not null,
  description text not null default '',
  evidence    text not null default '',
  weight      integer not null,
  link        text,
  threshold   numeric(12, 2),
  active      boolean not null default true,
  updated_at  timestamptz not null default now(),
  constraint standard_items_kind_ck check (kind in ('YOU', 'WU')),
  constraint standard_items_title_ck check (length(btrim(title)) between 1 and 200),
  constraint standard_items_weight_ck check (weight between 0 and 1000),
  constraint standard_items_link_ck check (link in ('PARTICIPATION_RATE', 'CLEAN_HOUSEHOLD_RATE',
    'POINTS_PER_HOUSEHOLD', 'NOTICE_EVERY_MONTH'))
);
create index standard_items_district_idx on standard_items (district_id, kind, position);
comment on table standard_items is '九有六无清单：YOU=“有”项，WU=“无”项；由区里录入，正式措辞以区里为准';
comment on column standard_items.threshold is '关联平台数据的达标线：比率按百分数（80 = 80%），户均积分按分';

create table self_checks (
  id           bigint generated always as identity primary key,
  village_id   bigint not null references villages (id),
  year         integer not null,
  status       text not null default 'DRAFT',
  score        integer,
  max_score    integer,
  submitted_by text,
  submitted_at timestamptz,
  reviewed_by  text,
  reviewed_at  timestamptz,
  review_note  text,
  created_at   timestamptz not null default now(),
  constraint self_checks_village_year_uq unique (village_id, year),
  constraint self_checks_year_ck check (year between 2000 and 2100),
  constraint self_checks_status_ck check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED')),
  constraint self_checks_score_ck check ((status = 'APPROVED') = (score is not null))
);
comment on table self_checks is '九有六无年度自查：村委自评，镇里审核，通过后计分';

-- Each answer keeps a copy of its item (text and weight) as it was answered, so that editing
-- the checklist never rewrites a submitted self-check.
create table self_check_answers (
  id            bigint generated always as identity primary key,
  self_check_id bigint not null references self_checks (id),
  item_id       bigint not null references standard_items (id),
  kind          text not null,
  position      integer not null,
  title         text not null,
  description   text not null,
  evidence      text not null,
  weight        integer not null,
  link          text,
  threshold     numeric(12, 2),
  met           boolean,
  note          text not null default '',
  town_agrees   boolean,
  town_note     text not null default '',
  constraint self_check_answers_item_uq unique (self_check_id, item_id),
  constraint self_check_answers_kind_ck check (kind in ('YOU', 'WU'))
);
create index self_check_answers_item_idx on self_check_answers (item_id);
comment on column self_check_answers.met is '村里自评：有项=已做到，无项=无此问题（守住了）';
comment on column self_check_answers.town_agrees is '镇里审核：同意村里的自评，或不同意（结论反过来）';

create table self_check_photos (
  id           bigint generated always as identity primary key,
  answer_id    bigint not null references self_check_answers (id),
  content_type text not null,
  bytes        bytea not null,
  uploaded_at  timestamptz not null default now(),
  constraint self_check_photos_type_ck check (content_type in ('image/jpeg', 'image/png', 'image/webp'))
);
create index self_check_photos_answer_idx on self_check_photos (answer_id);

create table ranking_rounds (
  id                  bigint generated always as identity primary key,
  district_id         bigint not null references districts (id),
  name                text not null,
  month_from          date not null,
  month_to            date not null,
  w_self_check        numeric(6, 2) not null,
  w_participation     numeric(6, 2) not null,
  w_clean             numeric(6, 2) not null,
  w_points            numeric(6, 2) not null,
  w_inspection        numeric(6, 2) not null,
  champion_village_id bigint references villages (id),
  created_by          text not null,
  created_at          timestamptz not null default now(),
  constraint ranking_rounds_months_ck check (month_from <= month_to
    and extract(day from month_from) = 1 and extract(day from month_to) = 1),
  constraint ranking_rounds_weights_ck check (w_self_check >= 0 and w_participation >= 0
    and w_clean >= 0 and w_points >= 0 and w_inspection >= 0
    and w_self_check + w_participation + w_clean + w_points + w_inspection > 0)
);
create index ranking_rounds_district_idx on ranking_rounds (district_id, id desc);
create index ranking_rounds_champion_idx on ranking_rounds (champion_village_id);
comment on table ranking_rounds is '擂台赛：一轮比什么、比哪些村、各项权重；擂主村由区里选定';

create table ranking_round_villages (
  round_id   bigint not null references ranking_rounds (id),
  village_id bigint not null references villages (id),
  primary key (round_id, village_id)
);
create index ranking_round_villages_village_idx on ranking_round_villages (village_id);

create table demonstration_villages (
  district_id bigint not null references districts (id),
  year        integer not null,
  village_id  bigint not null references villages (id),
  primary key (year, village_id)
);
create index demonstration_villages_district_idx on demonstration_villages (district_id, year);
create index demonstration_villages_village_idx on demonstration_villages (village_id);
comment on table demonstration_villages is '某年的示范村名单：抽查验收从这里抽';

create table samples (
  id          bigint generated always as identity primary key,
  district_id bigint not null references districts (id),
  year        integer not null,
  seed        bigint not null,
  percent     integer not null,
  candidates  bigint[] not null,
  drawn       bigint[] not null,
  created_by  text not null,
  created_at  timestamptz not null default now(),
  constraint samples_percent_ck check (percent between 1 and 100),
  constraint samples_drawn_ck check (cardinality(drawn) >= 1)
);
create index samples_district_idx on samples (district_id, id desc);
comment on table samples is '抽查验收：种子和候选名单（按 id 升序）都记下，谁都能重抽核对';

create table sample_results (
  sample_id   bigint not null references samples (id),
  village_id  bigint not null references villages (id),
  position    integer not null,
  result      text not null default 'PENDING',
  note        text not null default '',
  recorded_by text,
  recorded_at timestamptz,
  primary key (sample_id, village_id),
  constraint sample_results_result_ck check (result in ('PENDING', 'PASSED', 'FAILED'))
);
create index sample_results_village_idx on sample_results (village_id);
