-- Aggregates behind the dashboards (issue #7), kept up to date inside the posting transaction
-- (PostingService → LedgerRollups) so a district's figures never scan the ledger.
-- Months are calendar months in Asia/Shanghai of the transfer's occurred_at. A reversal or
-- refund is counted in the month, kind and category of the transfer it undoes, so a month's
-- figures are "as corrected" and an award that was reversed no longer counts as taking part.

create table village_months (
  village_id      bigint not null references villages (id),
  month           date not null,
  points_issued   bigint not null default 0,
  points_deducted bigint not null default 0,
  points_redeemed bigint not null default 0,
  points_expired  bigint not null default 0,
  points_adjusted bigint not null default 0,
  awards          bigint not null default 0,
  redemptions     bigint not null default 0,
  household_delta bigint not null default 0,
  constraint village_months_pk primary key (village_id, month),
  constraint village_months_month_ck check (extract(day from month) = 1)
);
comment on table village_months is '看板汇总：每村每月的发放、扣减、兑换、过期、调整积分（冲正、退还计入原交易所在月份）';
comment on column village_months.points_adjusted is 'net points of manual adjustments and opening balances';
comment on column village_months.household_delta is 'net change of the village''s household balances';

create table category_months (
  village_id      bigint not null references villages (id),
  month           date not null,
  category        text not null,
  points_issued   bigint not null default 0,
  points_deducted bigint not null default 0,
  transfers       bigint not null default 0,
  constraint category_months_pk primary key (village_id, month, category)
);
comment on table category_months is '看板汇总：每村每月按细则类别的加分与扣分';

-- Households that received at least one award in a month, quarter or year (participation).
create table household_activity (
  household_id bigint not null,
  village_id   bigint not null,
  period_kind  char(1) not null,
  period_start date not null,
  awards       integer not null default 0,
  points       bigint not null default 0,
  constraint household_activity_pk primary key (household_id, period_kind, period_start),
  constraint household_activity_household_fk foreign key (household_id, village_id)
    references households (id, village_id),
  constraint household_activity_kind_ck check (period_kind in ('M', 'Q', 'Y'))
);
comment on table household_activity is '每户每月/季/年获得奖励的次数与分数（参与率的依据）';
create index household_activity_village_idx on household_activity (village_id, period_kind,
  period_start);

-- Number of households with awards > 0 per village and period, moved when a household's count
-- crosses zero, so the district's participation rates read one row per village.
create table village_participation (
  village_id   bigint not null references villages (id),
  period_kind  char(1) not null,
  period_start date not null,
  households   integer not null default 0,
  constraint village_participation_pk primary key (village_id, period_kind, period_start),
  constraint village_participation_kind_ck check (period_kind in ('M', 'Q', 'Y'))
  -- no CHECK (households >= 0): PostgreSQL checks the proposed row of an upsert, and the
  -- decrement arrives as a row of -1 before it merges into the existing count
);
comment on table village_participation is '每村每月/季/年有奖励记录的户数';
create index village_participation_period_idx on village_participation (period_kind,
  period_start);

-- One row per closed rating round: the clean-household rate and star distribution.
create table rating_round_stats (
  round_id    bigint primary key references rating_rounds (id),
  village_id  bigint not null references villages (id),
  period_end  date not null,
  rated       integer not null,
  clean       integer not null,
  stars       integer[] not null,
  constraint rating_round_stats_ck check (clean between 0 and rated and cardinality(stars) = 6)
);
comment on table rating_round_stats is '已结束评比轮次的汇总：参评户、干净人家（≥1星）户数、0–5星分布';
create index rating_round_stats_village_idx on rating_round_stats (village_id, period_end desc);

insert into rating_round_stats (round_id, village_id, period_end, rated, clean, stars)
select r.id, r.village_id, r.period_end, count(x.id), count(x.id) filter (where x.stars >= 1),
  array[count(x.id) filter (where x.stars = 0), count(x.id) filter (where x.stars = 1),
        count(x.id) filter (where x.stars = 2), count(x.id) filter (where x.stars = 3),
        count(x.id) filter (where x.stars = 4), count(x.id) filter (where x.stars = 5)]::integer[]
from rating_rounds r left join ratings x on x.round_id = r.id
where r.status = 'CLOSED'
group by r.id;

-- Backfill from the ledger already posted (same rules as LedgerRollups.java).
create temporary table rollup_basis on commit drop as
select t.village_id, t.amount,
  case when t.reverses_transfer_id is null then 1 else -1 end as sign,
  coalesce(o.kind, t.kind) as kind,
  date_trunc('month', coalesce(o.occurred_at, t.occurred_at) at time zone 'Asia/Shanghai')::date
    as month,
  coalesce(rv.category, '') as category,
  case when ta.kind = 'HOUSEHOLD' then t.amount else 0 end
    - case when fa.kind = 'HOUSEHOLD' then t.amount else 0 end as household_delta,
  case when t.reverses_transfer_id is null then ta.household_id else fa.household_id end
    as household_id
from ledger_transfers t
left join ledger_transfers o on o.id = t.reverses_transfer_id
join ledger_accounts fa on fa.id = t.from_account_id
join ledger_accounts ta on ta.id = t.to_account_id
left join rule_versions rv on rv.id = case
  when coalesce(o.source_type, t.source_type) = 'RULE_VERSION'
  then coalesce(o.source_id, t.source_id)::bigint end;

insert into village_months (village_id, month, points_issued, points_deducted, points_redeemed,
  points_expired, points_adjusted, awards, redemptions, household_delta)
select village_id, month,
  coalesce(sum(sign * amount) filter (where kind = 'AWARD'), 0),
  coalesce(sum(sign * amount) filter (where kind = 'DEDUCTION'), 0),
  coalesce(sum(sign * amount) filter (where kind = 'REDEMPTION'), 0),
  coalesce(sum(sign * amount) filter (where kind = 'EXPIRY'), 0),
  coalesce(sum(household_delta) filter (where kind in ('ADJUSTMENT', 'OPENING')), 0),
  coalesce(sum(sign) filter (where kind = 'AWARD'), 0),
  coalesce(sum(sign) filter (where kind = 'REDEMPTION'), 0),
  sum(household_delta)
from rollup_basis group by village_id, month;

insert into category_months (village_id, month, category, points_issued, points_deducted,
  transfers)
select village_id, month, category,
  coalesce(sum(sign * amount) filter (where kind = 'AWARD'), 0),
  coalesce(sum(sign * amount) filter (where kind = 'DEDUCTION'), 0), sum(sign)
from rollup_basis where kind in ('AWARD', 'DEDUCTION')
group by village_id, month, category;

insert into household_activity (household_id, village_id, period_kind, period_start, awards,
  points)
select b.household_id, b.village_id, p.kind,
  case p.kind when 'M' then b.month
              when 'Q' then date_trunc('quarter', b.month)::date
              else date_trunc('year', b.month)::date end,
  sum(b.sign), sum(b.sign * b.amount)
from rollup_basis b cross join (values ('M'), ('Q'), ('Y')) as p(kind)
where b.kind = 'AWARD' and b.household_id is not null
group by 1, 2, 3, 4;

insert into village_participation (village_id, period_kind, period_start, households)
select village_id, period_kind, period_start, count(*) from household_activity
where awards > 0 group by 1, 2, 3;

-- Active households per village, kept by a trigger, so a district's figures need no count
-- over every household.
alter table villages add column active_households integer not null default 0;
update villages v set active_households = (select count(*) from households h
  where h.village_id = v.id and h.status = 'ACTIVE');
create function households_count_active() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and old.status = 'ACTIVE' then
    update villages set active_households = active_households - 1 where id = old.village_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.status = 'ACTIVE' then
    update villages set active_households = active_households + 1 where id = new.village_id;
  end if;
  return null;
end $$;
create trigger households_count_active after insert or update of status, village_id or delete
  on households for each row execute function households_count_active();
