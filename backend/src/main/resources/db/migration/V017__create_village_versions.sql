-- A version per village that changes, in the same transaction, with every row a village's
-- dashboard is computed from. The service keeps computed village dashboards in memory and
-- answers from them only while the village's version is the one they were computed at
-- (dashboard.VillageAnswers), so a reused answer is never older than the database.
--
-- Versions come from one sequence: a village's version never repeats, not even after a
-- row is deleted and made again.
create sequence village_version_seq;

create table village_versions (
  village_id bigint primary key references villages (id) on delete cascade,
  version    bigint not null
);

insert into village_versions (village_id, version)
select id, nextval('village_version_seq') from villages;

create function village_versions_add() returns trigger language plpgsql as $$
begin
  insert into village_versions (village_id, version)
  values (new.id, nextval('village_version_seq'));
  return null;
end $$;

create trigger villages_version_row after insert on villages
  for each row execute function village_versions_add();

-- New versions are taken at commit (deferred constraint triggers), after every other lock of
-- the transaction: a posting locks its accounts, product rows and rollup rows first, so the
-- version row, locked last and held only while committing, adds no lock-order cycle.
create function village_versions_bump() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then
    update village_versions set version = nextval('village_version_seq')
    where village_id = old.village_id;
  end if;
  if tg_op = 'INSERT' then
    update village_versions set version = nextval('village_version_seq')
    where village_id = new.village_id;
  elsif tg_op = 'UPDATE' then
    if new.village_id <> old.village_id then
      update village_versions set version = nextval('village_version_seq')
      where village_id = new.village_id;
    end if;
  end if;
  return null;
end $$;

-- The sources of a village dashboard (dashboard.Figures and dashboard.VillageDetails).
-- village_months stands for every rollup: each posting writes its village_months row in the
-- same transaction as village_years, category_months, household_activity,
-- village_participation and product_months (ledger.RollupUpserts, V015's triggers).
create constraint trigger village_months_version after insert or update or delete
  on village_months deferrable initially deferred
  for each row execute function village_versions_bump();
create constraint trigger households_version after insert or update or delete
  on households deferrable initially deferred
  for each row execute function village_versions_bump();
create constraint trigger household_groups_version after insert or update or delete
  on household_groups deferrable initially deferred
  for each row execute function village_versions_bump();
create constraint trigger products_version after insert or update or delete
  on products deferrable initially deferred
  for each row execute function village_versions_bump();
create constraint trigger donations_version after insert or update or delete
  on donations deferrable initially deferred
  for each row execute function village_versions_bump();
create constraint trigger rating_rounds_version after insert or update or delete
  on rating_rounds deferrable initially deferred
  for each row execute function village_versions_bump();
create constraint trigger rating_round_stats_version after insert or update or delete
  on rating_round_stats deferrable initially deferred
  for each row execute function village_versions_bump();
create constraint trigger inspections_version after insert or update or delete
  on inspections deferrable initially deferred
  for each row execute function village_versions_bump();
create constraint trigger rectification_tasks_version after insert or update or delete
  on rectification_tasks deferrable initially deferred
  for each row execute function village_versions_bump();

-- A village's own row (name, town, active households) and its town's name.
create function village_versions_bump_village() returns trigger language plpgsql as $$
begin
  update village_versions set version = nextval('village_version_seq') where village_id = new.id;
  return null;
end $$;

create constraint trigger villages_version after update on villages
  deferrable initially deferred
  for each row execute function village_versions_bump_village();

create function village_versions_bump_town() returns trigger language plpgsql as $$
begin
  update village_versions set version = nextval('village_version_seq')
  where village_id in (select id from villages where town_id = new.id);
  return null;
end $$;

create constraint trigger towns_version after update on towns
  deferrable initially deferred
  for each row execute function village_versions_bump_town();
