-- Every village gets its system accounts up front (new villages get them when created), so
-- posting never has to create one while another transaction holds the village's hot rows.
insert into ledger_accounts (village_id, kind)
select v.id, k.kind from villages v
cross join (values ('ISSUANCE'), ('SHOP'), ('EXPIRY')) as k(kind)
on conflict (village_id, kind) where kind <> 'HOUSEHOLD' do nothing;

-- The commit-time balance check as two unique-index lookups. The former join could keep a
-- plan made while ledger_entries was empty and then walk an account's whole history.
create or replace function ledger_transfer_balanced() returns trigger language plpgsql as $$
declare
  n int;
  total bigint;
  v_balance bigint;
  v_seq bigint;
  v_newest bigint;
begin
  select count(*), coalesce(sum(amount), 0) into n, total from ledger_entries
    where transfer_id = new.transfer_id;
  if n <> 2 or total <> 0 then
    raise exception 'transfer % is not balanced (% entries, sum %)', new.transfer_id, n, total
      using errcode = 'check_violation';
  end if;
  select a.balance, a.last_seq into v_balance, v_seq from ledger_accounts a
    where a.id = new.account_id;
  select e.balance_after into v_newest from ledger_entries e
    where e.account_id = new.account_id and e.account_seq = v_seq;
  if v_newest is null or v_balance <> v_newest then
    raise exception 'account % balance does not match its newest entry', new.account_id
      using errcode = 'check_violation';
  end if;
  return null;
end $$;
