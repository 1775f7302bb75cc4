-- District-scale dataset for deploy/bench/district-bench.sh, written straight into PostgreSQL
-- (not through the service): :villages villages in towns of 20, :hpv households per village in
-- 10 groups, :tph transfers per household (two ledger entries each) spread over the last 12
-- months: 70% awards (10-20 points) under 10 rule categories, 5% deductions (1-3), 25%
-- redemptions (1-8), so no household ends below zero.
-- Triggers are off for the load (session_replication_role = replica), so the entries'
-- hash chains and balance_after are not computed: this data is for measuring reads (the
-- dashboards and the naive GROUP BY beside them), not for the ledger verifier. CHECK and
-- unique constraints still hold; account balances are set to the sums of their entries.
-- Needs: the district :'district' (create-admin makes it) and psql variables villages, hpv, tph.
\set ON_ERROR_STOP on
set session_replication_role = replica;
set synchronous_commit = off;
set work_mem = '256MB';

select id as did from districts where name = :'district' \gset

insert into towns (district_id, name)
select :did, '基准镇' || lpad(t::text, 3, '0') from generate_series(1, ceil(:villages / 20.0)::int) t;

insert into villages (town_id, district_id, name, slug)
select t.id, :did, '基准村' || lpad(n::text, 4, '0'), 'bench' || n
from generate_series(1, :villages) n
join towns t on t.district_id = :did and t.name = '基准镇' || lpad(((n - 1) / 20 + 1)::text, 3, '0');

insert into household_groups (village_id, name, position)
select v.id, '第' || g || '组', g from villages v, generate_series(1, 10) g where v.district_id = :did;

insert into households (village_id, group_id, code, head_name)
select v.id, g.id, 'B' || lpad(((g.position - 1) * ceil(:hpv / 10.0)::int + i)::text, 5, '0'),
       '示例户主' || i
from villages v
join household_groups g on g.village_id = v.id
cross join generate_series(1, ceil(:hpv / 10.0)::int) i
where v.district_id = :did;

insert into ledger_accounts (village_id, kind, household_id)
select h.village_id, 'HOUSEHOLD', h.id from households h
join villages v on v.id = h.village_id where v.district_id = :did;
insert into ledger_accounts (village_id, kind)
select v.id, k from villages v, (values ('ISSUANCE'), ('SHOP')) s(k) where v.district_id = :did;

-- Ten template rules with one version each: the categories of the awards.
with r as (
  insert into rules (district_id) select :did from generate_series(1, 10) returning id)
insert into rule_versions (rule_id, version, category, name, points, created_by)
select id, 1, (array['环境卫生', '孝老爱亲', '邻里互助', '移风易俗', '志愿服务', '遵纪守法',
  '勤劳致富', '文明新风', '平安建设', '垃圾分类'])[row_number() over (order by id)],
  '基准细则' || id, 10, 'bench'
from r;
update rules r set current_version = v.id from rule_versions v
 where v.rule_id = r.id and r.district_id = :did and r.current_version is null;

create temporary table bench_households as
select (row_number() over (order by h.village_id, h.id) - 1) as ord, h.id household_id,
       h.village_id, ha.id ha, ia.id ia, sa.id sa,
       (row_number() over (partition by h.village_id order by h.id) - 1) as j
from households h
join villages v on v.id = h.village_id and v.district_id = :did
join ledger_accounts ha on ha.household_id = h.id
join ledger_accounts ia on ia.village_id = h.village_id and ia.kind = 'ISSUANCE'
join ledger_accounts sa on sa.village_id = h.village_id and sa.kind = 'SHOP';
create index on bench_households (ord);
analyze bench_households;

select coalesce(max(id), 0) + 1 as base from ledger_transfers \gset
select array_agg(v.id order by v.id) as versions from rule_versions v join rules r
  on r.id = v.rule_id where r.district_id = :did \gset

-- Transfer ids are base + ord * tph + (k - 1), so the entries below find their household and
-- sequence numbers by arithmetic; kinds, amounts and dates come from a hash of the id.
insert into ledger_transfers (id, village_id, kind, from_account_id, to_account_id, amount,
  reason, occurred_at, recorded_at, actor_username, source_type, source_id)
overriding system value
select x.id, b.village_id, x.kind,
       case x.kind when 'AWARD' then b.ia else b.ha end,
       case x.kind when 'AWARD' then b.ha when 'DEDUCTION' then b.ia else b.sa end,
       case x.kind when 'AWARD' then 10 + x.a % 11 when 'DEDUCTION' then 1 + x.a % 3
         else 1 + x.a % 8 end,
       'bench', x.at, x.at, 'bench',
       case when x.kind in ('AWARD', 'DEDUCTION') then 'RULE_VERSION' end,
       case when x.kind in ('AWARD', 'DEDUCTION')
         then ((:'versions'::bigint[])[1 + x.h % 10])::text end
from bench_households b
cross join generate_series(1, :tph) k
cross join lateral (
  select :base + b.ord * :tph + (k - 1) as id,
         abs(hashint8(:base + b.ord * :tph + (k - 1))::bigint) as h) hx
cross join lateral (
  select hx.id, hx.h, abs(hashint8(hx.id + 7919)::bigint) as a,
         case when hx.h % 100 < 70 then 'AWARD' when hx.h % 100 < 75 then 'DEDUCTION'
           else 'REDEMPTION' end as kind,
         now() - make_interval(secs => (hx.h % (365 * 86400))::double precision) as at) x;

insert into ledger_entries (transfer_id, account_id, village_id, account_seq, amount,
  balance_after, kind, occurred_at, recorded_at, prev_hash, hash)
select t.id, e.account, t.village_id, e.seq, e.amount, 0, t.kind, t.occurred_at, t.recorded_at,
       repeat('0', 64), repeat('0', 64)
from ledger_transfers t
join bench_households b on b.ord = (t.id - :base) / :tph
cross join lateral (values
  (t.from_account_id, -t.amount,
   case when t.from_account_id = b.ha then (t.id - :base) % :tph + 1
        else ((t.id - :base) % :tph) * :hpv + b.j + 1 end),
  (t.to_account_id, t.amount,
   case when t.to_account_id = b.ha then (t.id - :base) % :tph + 1
        else ((t.id - :base) % :tph) * :hpv + b.j + 1 end)) e(account, amount, seq)
where t.id >= :base;

select setval(pg_get_serial_sequence('ledger_transfers', 'id'), (select max(id) from ledger_transfers));

update ledger_accounts a set balance = s.balance, last_seq = s.seq
from (select account_id, sum(amount) balance, max(account_seq) seq from ledger_entries
      where transfer_id >= :base group by account_id) s
where a.id = s.account_id;

-- what the households trigger keeps while it is on
update villages v set active_households = (select count(*) from households h
  where h.village_id = v.id and h.status = 'ACTIVE') where v.district_id = :did;

-- what the villages trigger adds while it is on: each village's dashboard version (V017)
insert into village_versions (village_id, version)
select id, nextval('village_version_seq') from villages where district_id = :did
on conflict (village_id) do nothing;

reset session_replication_role;
analyze;
