-- pgbench script: one manual adjustment (+1 point, village ISSUANCE -> household), the SQL
-- that POST /api/households/{id}/adjustments needs, in one transaction, one statement per
-- round trip like the service's JDBC calls. Same tables, same rows, same triggers and the
-- same hash chain as PostingService/LedgerHash (the ledger verifier accepts these entries).
-- No colon directly before a word inside string literals: in prepared mode pgbench takes
-- it for a variable.
-- Needs: -D nh=<rows in bench_targets>; table bench_targets(n, household_id, user_id,
-- username) made by ledger-bench.sh (which household, as which committee user: what the
-- HTTP client knows from the URL and its token).
\set n random(1, :nh)
BEGIN;
-- who and which household, its village and both accounts (the service: scope check,
-- idempotency village lookup, household account and ISSUANCE account lookups)
SELECT t.household_id AS hid, t.user_id AS uid, t.username AS uname, h.village_id AS vid,
       ha.id AS ha, ia.id AS ia
  FROM bench_targets t
  JOIN households h ON h.id = t.household_id
  JOIN ledger_accounts ha ON ha.household_id = h.id
  JOIN ledger_accounts ia ON ia.village_id = h.village_id AND ia.kind = 'ISSUANCE'
 WHERE t.n = :n \gset
-- claim the Idempotency-Key (IdempotencyStore.execute)
INSERT INTO idempotency_keys (village_id, key, fingerprint, user_id)
VALUES (:vid::bigint, 'pgb-' || gen_random_uuid(),
        'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeed', :uid::bigint)
ON CONFLICT (village_id, key) DO NOTHING RETURNING id AS ikey \gset
-- lock both accounts in id order (PostingService.lock)
SELECT max(a.balance) FILTER (WHERE a.id = :ha::bigint) AS hbal,
       max(a.last_seq) FILTER (WHERE a.id = :ha::bigint) AS hseq,
       max(a.last_hash) FILTER (WHERE a.id = :ha::bigint) AS hprev,
       max(a.balance) FILTER (WHERE a.id = :ia::bigint) AS ibal,
       max(a.last_seq) FILTER (WHERE a.id = :ia::bigint) AS iseq,
       max(a.last_hash) FILTER (WHERE a.id = :ia::bigint) AS iprev
  FROM (SELECT id, balance, last_seq, last_hash FROM ledger_accounts
         WHERE id IN (:ha::bigint, :ia::bigint) ORDER BY id FOR UPDATE) a \gset
-- the transfer (PostingService.insertTransfers)
INSERT INTO ledger_transfers (village_id, kind, from_account_id, to_account_id, amount, reason,
  occurred_at, recorded_at, actor_user_id, actor_username, source_type, source_id,
  reverses_transfer_id)
VALUES (:vid::bigint, 'ADJUSTMENT', :ia::bigint, :ha::bigint, 1, 'bench', now(), now(),
        :uid::bigint, :uname::text, 'ADJUSTMENT', NULL, NULL)
RETURNING id AS tid, (extract(epoch FROM now()) * 1000000)::bigint AS us \gset
-- both entries with the hash chain (PostingService.insertEntries, LedgerHash.of)
WITH e AS (
  INSERT INTO ledger_entries (transfer_id, account_id, village_id, account_seq, amount,
    balance_after, kind, occurred_at, recorded_at, prev_hash, hash)
  SELECT :tid::bigint, x.acct, :vid::bigint, x.seq, x.amt, x.bal, 'ADJUSTMENT', now(), now(),
         x.prev,
         encode(sha256(convert_to(concat_ws('|', x.prev, x.acct, x.seq, :tid::bigint, x.amt,
           x.bal, 'ADJUSTMENT', :us::bigint, :us::bigint), 'UTF8')), 'hex')
    FROM (VALUES (:ia::bigint, :iseq::bigint + 1, -1::bigint, :ibal::bigint - 1, :iprev::text),
                 (:ha::bigint, :hseq::bigint + 1, 1::bigint, :hbal::bigint + 1, :hprev::text))
         AS x (acct, seq, amt, bal, prev)
  RETURNING account_id, hash)
SELECT max(hash) FILTER (WHERE account_id = :ia::bigint) AS ihash,
       max(hash) FILTER (WHERE account_id = :ha::bigint) AS hhash
  FROM e \gset
-- new heads of both accounts (PostingService.updateAccounts)
UPDATE ledger_accounts a
   SET balance = x.bal, last_seq = x.seq, last_hash = x.h, version = a.version + 1
  FROM (VALUES (:ia::bigint, :ibal::bigint - 1, :iseq::bigint + 1, :ihash::text),
               (:ha::bigint, :hbal::bigint + 1, :hseq::bigint + 1, :hhash::text))
       AS x (id, bal, seq, h)
 WHERE a.id = x.id;
-- the dashboard rollups of this month and year, one statement (LedgerRollups.apply)
WITH mo AS (
  INSERT INTO village_months AS r (village_id, month, points_adjusted, household_delta)
  VALUES (:vid::bigint, date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date, 1, 1)
  ON CONFLICT (village_id, month) DO UPDATE
     SET points_adjusted = r.points_adjusted + 1, household_delta = r.household_delta + excluded.household_delta
  RETURNING r.village_id, r.month)
INSERT INTO village_years AS r (village_id, year, points_adjusted, household_delta)
SELECT village_id, date_trunc('year', month)::date, 1, 1 FROM mo
ON CONFLICT (village_id, year) DO UPDATE
   SET points_adjusted = r.points_adjusted + 1, household_delta = r.household_delta + excluded.household_delta;
-- the audit line (AuditService.recordInVillage: same statement)
INSERT INTO audit_events (actor_user_id, actor_username, action, target_type, target_id,
  village_id, town_id, district_id, details)
SELECT :uid::bigint, :uname::text, 'POINTS_ADJUSTED', 'household', :hid::text, v.id,
       coalesce(v.town_id, NULL::bigint), coalesce(v.district_id, NULL::bigint, t.district_id),
       jsonb_build_object('points', 1, 'reason', 'bench', 'transfer', :tid::bigint)
  FROM (SELECT 1) one
  LEFT JOIN villages v ON v.id = :vid::bigint
  LEFT JOIN towns t ON t.id = NULL::bigint;
-- store the answer under the key (IdempotencyStore.execute)
UPDATE idempotency_keys
   SET response_status = 201,
       response_body = json_build_object('transfer', json_build_object('id', :tid::bigint,
         'villageId', :vid::bigint, 'kind', 'ADJUSTMENT', 'fromAccountId', :ia::bigint,
         'toAccountId', :ha::bigint, 'amount', 1, 'reason', 'bench', 'occurredAt', now(),
         'recordedAt', now(), 'fromBalanceAfter', :ibal::bigint - 1,
         'toBalanceAfter', :hbal::bigint + 1, 'reversesTransferId', NULL),
         'balanceAfter', :hbal::bigint + 1)::text
 WHERE id = :ikey::bigint;
-- the deferred trigger checks both entries and both balances here
COMMIT;
