-- The household points ledger (道德银行). Double entry: every movement is a transfer between
-- two accounts written as two entries whose amounts sum to zero. The rules that protect
-- villagers' points live here, in the database, not only in Java.

create table ledger_accounts (
  id            bigint generated always as identity primary key,
  village_id    bigint not null references villages (id),
  kind          text not null,
  household_id  bigint,
  balance       bigint not null default 0,
  version       bigint not null default 0,
  last_seq      bigint not null default 0,
  last_hash     text not null default repeat('0', 64),
  created_at    timestamptz not null default now(),
  constraint ledger_accounts_kind_ck check (kind in ('HOUSEHOLD', 'ISSUANCE', 'SHOP', 'EXPIRY')),
  constraint ledger_accounts_household_ck check ((kind = 'HOUSEHOLD') = (household_id is not null)),
  -- Points are issued from ISSUANCE, which therefore runs negative; no other account may.
  constraint ledger_accounts_balance_ck check (kind = 'ISSUANCE' or balance >= 0),
  constraint ledger_accounts_household_fk foreign key (household_id, village_id)
    references households (id, village_id),
  constraint ledger_accounts_household_uq unique (household_id),
  constraint ledger_accounts_id_village_uq unique (id, village_id)
);
comment on table ledger_accounts is '积分账户：每户一个，另有每村的发放(ISSUANCE)、超市(SHOP)、过期(EXPIRY)系统账户';
comment on column ledger_accounts.last_hash is 'hash of the newest entry: the head of this account''s hash chain';
create unique index ledger_accounts_system_uq on ledger_accounts (village_id, kind)
  where kind <> 'HOUSEHOLD';
create index ledger_accounts_village_idx on ledger_accounts (village_id);

create table ledger_transfers (
  id                   bigint generated always as identity primary key,
  village_id           bigint not null references villages (id),
  kind                 text not null,
  from_account_id      bigint not null,
  to_account_id        bigint not null,
  amount               bigint not null,
  reason               text not null,
  occurred_at          timestamptz not null,
  recorded_at          timestamptz not null,
  actor_user_id        bigint references users (id),
  actor_username       text not null,
  source_type          text,
  source_id            text,
  reverses_transfer_id bigint references ledger_transfers (id),
  constraint ledger_transfers_kind_ck check (kind in ('AWARD', 'DEDUCTION', 'REDEMPTION',
    'REFUND', 'REVERSAL', 'EXPIRY', 'OPENING', 'ADJUSTMENT')),
  constraint ledger_transfers_amount_ck check (amount > 0),
  constraint ledger_transfers_accounts_ck check (from_account_id <> to_account_id),
  constraint ledger_transfers_reason_ck check (length(btrim(reason)) between 1 and 200),
  constraint ledger_transfers_from_fk foreign key (from_account_id, village_id)
    references ledger_accounts (id, village_id),
  constraint ledger_transfers_to_fk foreign key (to_account_id, village_id)
    references ledger_accounts (id, village_id),
  -- A transfer is reversed (or refunded) at most once.
  constraint ledger_transfers_reverses_uq unique (reverses_transfer_id),
  constraint ledger_transfers_reversal_ck check (
    reverses_transfer_id is null or kind in ('REVERSAL', 'REFUND'))
);
comment on table ledger_transfers is '转账：一笔积分变动（发放、扣分、兑换、退还、冲正、过期、期初、调整）';
comment on column ledger_transfers.occurred_at is 'when the deed or sale happened (may be earlier than recorded_at)';
comment on column ledger_transfers.source_type is 'what produced it: RULE_VERSION, AWARD_ITEM, REDEMPTION, ADJUSTMENT, EXPIRY_YEAR, IMPORT';
create index ledger_transfers_village_idx on ledger_transfers (village_id, occurred_at);
create index ledger_transfers_from_idx on ledger_transfers (from_account_id);
create index ledger_transfers_to_idx on ledger_transfers (to_account_id);
create index ledger_transfers_actor_idx on ledger_transfers (actor_user_id);
-- Expiry of one earning year posts at most once per account.
create unique index ledger_transfers_expiry_uq on ledger_transfers (from_account_id, source_id)
  where kind = 'EXPIRY';

create table ledger_entries (
  id            bigint generated always as identity primary key,
  transfer_id   bigint not null references ledger_transfers (id),
  account_id    bigint not null references ledger_accounts (id),
  village_id    bigint not null references villages (id),
  account_seq   bigint not null,
  amount        bigint not null,
  balance_after bigint not null,
  kind          text not null,
  occurred_at   timestamptz not null,
  recorded_at   timestamptz not null,
  prev_hash     text not null,
  hash          text not null,
  constraint ledger_entries_amount_ck check (amount <> 0),
  constraint ledger_entries_seq_uq unique (account_id, account_seq),
  constraint ledger_entries_seq_ck check (account_seq > 0)
);
comment on table ledger_entries is '分录：每笔转账两条，金额有正负，合计为零；按账户串成哈希链，防篡改';
comment on column ledger_entries.hash is 'sha256 of prev_hash and this entry''s canonical fields (see LedgerHash.java)';
create index ledger_entries_transfer_idx on ledger_entries (transfer_id);
create index ledger_entries_village_idx on ledger_entries (village_id);

-- Append-only: entries and transfers are never changed or removed; mistakes are reversed.
create function ledger_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: post a reversal instead', tg_table_name
    using errcode = 'insufficient_privilege';
end $$;
create trigger ledger_entries_append_only before update or delete on ledger_entries
  for each row execute function ledger_append_only();
create trigger ledger_transfers_append_only before update or delete on ledger_transfers
  for each row execute function ledger_append_only();
create trigger ledger_entries_no_truncate before truncate on ledger_entries
  for each statement execute function ledger_append_only();
create trigger ledger_transfers_no_truncate before truncate on ledger_transfers
  for each statement execute function ledger_append_only();

-- Each entry continues its account: next sequence number, running balance, chained hash.
create function ledger_entry_continues_account() returns trigger language plpgsql as $$
declare
  prev record;
begin
  if new.account_seq = 1 then
    if new.balance_after <> new.amount or new.prev_hash <> repeat('0', 64) then
      raise exception 'first entry of account % does not start the chain', new.account_id
        using errcode = 'check_violation';
    end if;
    return new;
  end if;
  select balance_after, hash into prev from ledger_entries
    where account_id = new.account_id and account_seq = new.account_seq - 1;
  if not found or prev.balance_after + new.amount <> new.balance_after
      or prev.hash <> new.prev_hash then
    raise exception 'entry does not continue account % at seq %', new.account_id, new.account_seq
      using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger ledger_entries_continue_account before insert on ledger_entries
  for each row execute function ledger_entry_continues_account();

-- At commit: every transfer has exactly two entries summing to zero, and every touched
-- account's balance equals its newest entry's balance_after.
create function ledger_transfer_balanced() returns trigger language plpgsql as $$
declare
  n int;
  total bigint;
  acct record;
begin
  select count(*), coalesce(sum(amount), 0) into n, total from ledger_entries
    where transfer_id = new.transfer_id;
  if n <> 2 or total <> 0 then
    raise exception 'transfer % is not balanced (% entries, sum %)', new.transfer_id, n, total
      using errcode = 'check_violation';
  end if;
  select a.balance, a.last_seq, e.balance_after, e.account_seq into acct
    from ledger_accounts a
    join ledger_entries e on e.account_id = a.id and e.account_seq = a.last_seq
    where a.id = new.account_id;
  if not found or acct.balance <> acct.balance_after then
    raise exception 'account % balance does not match its newest entry', new.account_id
      using errcode = 'check_violation';
  end if;
  return null;
end $$;
create constraint trigger ledger_entries_balanced after insert on ledger_entries
  deferrable initially deferred
  for each row execute function ledger_transfer_balanced();

-- Per-village ledger policy: expiry of points.
create table village_ledger_policies (
  village_id       bigint primary key references villages (id),
  expiry           text not null default 'NONE',
  expiry_month_day text not null default '03-31',
  updated_at       timestamptz not null default now(),
  constraint village_ledger_policies_expiry_ck check (expiry in ('NONE', 'YEARLY')),
  constraint village_ledger_policies_month_day_ck check (
    expiry_month_day ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$')
);
comment on table village_ledger_policies is '积分有效期：NONE 不过期；YEARLY 第 Y 年所得积分于 Y+1 年的 expiry_month_day 过期';

-- Idempotency for every effectful POST: same key and same request → the stored answer.
create table idempotency_keys (
  id              bigint generated always as identity primary key,
  village_id      bigint not null references villages (id),
  key             text not null,
  fingerprint     text not null,
  user_id         bigint references users (id),
  response_status integer,
  response_body   text,
  created_at      timestamptz not null default now(),
  constraint idempotency_keys_uq unique (village_id, key),
  constraint idempotency_keys_key_ck check (key ~ '^[A-Za-z0-9_.:-]{8,100}$')
);
comment on table idempotency_keys is 'Idempotency-Key 去重：同一村内唯一；重试得到首次的答复';
create index idempotency_keys_user_idx on idempotency_keys (user_id);
