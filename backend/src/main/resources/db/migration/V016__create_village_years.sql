-- The village_months sums per calendar year (issue #7). A district's year, or the balance
-- outstanding at a period's end (every month before it), then reads one row per village and
-- year instead of twelve, and the cost of a district answer stops growing with each month of
-- history. Kept in the posting transaction with village_months (LedgerRollups, the same
-- statement), so the two never disagree.

create table village_years (
  village_id      bigint not null references villages (id),
  year            date not null,
  points_issued   bigint not null default 0,
  points_deducted bigint not null default 0,
  points_redeemed bigint not null default 0,
  points_expired  bigint not null default 0,
  points_adjusted bigint not null default 0,
  awards          bigint not null default 0,
  redemptions     bigint not null default 0,
  household_delta bigint not null default 0,
  constraint village_years_pk primary key (village_id, year),
  constraint village_years_year_ck check (extract(doy from year) = 1)
);
comment on table village_years is '看板汇总：每村每年的发放、扣减、兑换、过期、调整积分（village_months 按年合计）';

-- Backfill: the years of the months already summed.
insert into village_years (village_id, year, points_issued, points_deducted, points_redeemed,
  points_expired, points_adjusted, awards, redemptions, household_delta)
select village_id, date_trunc('year', month)::date, sum(points_issued), sum(points_deducted),
  sum(points_redeemed), sum(points_expired), sum(points_adjusted), sum(awards),
  sum(redemptions), sum(household_delta)
from village_months group by 1, 2;
