-- pgbench script: one phone-code redemption (1 unit of a 1-point product), the SQL that
-- POST /api/redemptions runs (RedemptionService.redeem, QrTokens.consume, StockBook.move,
-- PostingService.post, AuditService, IdempotencyStore), in the same order, in one
-- transaction, one statement per round trip. Same tables, triggers and hash chain, so the
-- ledger verifier accepts these entries. No colon directly before a word inside string
-- literals (prepared mode would take it for a variable).
-- Needs: -D lvl=<label> -D k=0 (k counts this client's transactions); table bench_redeem
-- (village_id, user_id, username, product_id, shop_account) and qr_tokens rows with nonces
-- 'pgb-<lvl>-<client_id>-<k>', both made by redemption-bench.sh just before the level.
\set k :k + 1
BEGIN;
-- the token's household and village, the attendant, the product and both accounts (the
-- service: the household's village for the scope check, account lookups)
SELECT q.household_id AS hid, q.village_id AS vid, b.user_id AS uid, b.username AS uname,
       b.product_id AS pid, ha.id AS ha, b.shop_account AS sa
  FROM qr_tokens q
  JOIN bench_redeem b ON b.village_id = q.village_id
  JOIN ledger_accounts ha ON ha.household_id = q.household_id
 WHERE q.nonce = 'pgb-' || :lvl::text || '-' || :client_id::text || '-' || :k::text \gset
-- claim the Idempotency-Key
INSERT INTO idempotency_keys (village_id, key, fingerprint, user_id)
VALUES (:vid::bigint, 'pgb-' || gen_random_uuid(),
        'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeed', :uid::bigint)
ON CONFLICT (village_id, key) DO NOTHING RETURNING id AS ikey \gset
-- use the code up (QrTokens.consume)
UPDATE qr_tokens SET used_at = now()
 WHERE nonce = 'pgb-' || :lvl::text || '-' || :client_id::text || '-' || :k::text
   AND used_at IS NULL;
-- the products and the household, no lock yet (RedemptionService.shelf)
SELECT p.id, p.name, p.unit, p.price_points, p.stock, p.active, h.code, h.head_name,
       v.name village_name
  FROM products p
  JOIN villages v ON v.id = p.village_id
  JOIN households h ON h.id = :hid::bigint AND h.village_id = v.id
 WHERE p.id = ANY(ARRAY[:pid::bigint]) AND p.village_id = :vid::bigint \gset shelf_
-- the redemption
INSERT INTO redemptions (village_id, household_id, points, method, attendant_user_id,
  attendant_username) VALUES (:vid::bigint, :hid::bigint, 1, 'QR', :uid::bigint, :uname::text)
RETURNING id AS rid \gset
-- the audit line (AuditService.recordInVillage: same statement)
INSERT INTO audit_events (actor_user_id, actor_username, action, target_type, target_id,
  village_id, town_id, district_id, details)
SELECT :uid::bigint, :uname::text, 'REDEEMED', 'redemption', :rid::text, v.id,
       coalesce(v.town_id, NULL::bigint), coalesce(v.district_id, NULL::bigint, t.district_id),
       jsonb_build_object('householdId', :hid::bigint, 'points', 1, 'method', 'QR')
  FROM (SELECT 1) one
  LEFT JOIN villages v ON v.id = :vid::bigint
  LEFT JOIN towns t ON t.id = NULL::bigint;
-- from here to COMMIT the village's shared rows: lock the product (RedemptionService.lockProducts)
SELECT id, name, unit, price_points AS price, stock, active FROM products
 WHERE id = ANY(ARRAY[:pid::bigint]) AND village_id = :vid::bigint ORDER BY id FOR UPDATE \gset
-- its line, under the lock
INSERT INTO redemption_items (redemption_id, product_id, quantity, price_points)
VALUES (:rid::bigint, :pid::bigint, 1, 1);
-- the stock book; its trigger updates products.stock (StockBook.move)
INSERT INTO stock_movements (village_id, product_id, kind, quantity, reason, source_type,
  source_id, actor_username)
VALUES (:vid::bigint, :pid::bigint, 'REDEMPTION_OUT', -1, NULL, 'REDEMPTION', :rid::bigint,
        :uname::text) RETURNING stock_after \gset
-- lock both accounts in id order (PostingService.lock)
SELECT max(a.balance) FILTER (WHERE a.id = :ha::bigint) AS hbal,
       max(a.last_seq) FILTER (WHERE a.id = :ha::bigint) AS hseq,
       max(a.last_hash) FILTER (WHERE a.id = :ha::bigint) AS hprev,
       max(a.balance) FILTER (WHERE a.id = :sa::bigint) AS sbal,
       max(a.last_seq) FILTER (WHERE a.id = :sa::bigint) AS sseq,
       max(a.last_hash) FILTER (WHERE a.id = :sa::bigint) AS sprev
  FROM (SELECT id, balance, last_seq, last_hash FROM ledger_accounts
         WHERE id IN (:ha::bigint, :sa::bigint) ORDER BY id FOR UPDATE) a \gset
INSERT INTO ledger_transfers (village_id, kind, from_account_id, to_account_id, amount, reason,
  occurred_at, recorded_at, actor_user_id, actor_username, source_type, source_id,
  reverses_transfer_id)
VALUES (:vid::bigint, 'REDEMPTION', :ha::bigint, :sa::bigint, 1, '兑换：测试商品×1', now(), now(),
        :uid::bigint, :uname::text, 'REDEMPTION', :rid::text, NULL)
RETURNING id AS tid, (extract(epoch FROM now()) * 1000000)::bigint AS us \gset
-- both entries with the hash chain (PostingService.insertEntries, LedgerHash.of)
WITH e AS (
  INSERT INTO ledger_entries (transfer_id, account_id, village_id, account_seq, amount,
    balance_after, kind, occurred_at, recorded_at, prev_hash, hash)
  SELECT :tid::bigint, x.acct, :vid::bigint, x.seq, x.amt, x.bal, 'REDEMPTION', now(), now(),
         x.prev,
         encode(sha256(convert_to(concat_ws('|', x.prev, x.acct, x.seq, :tid::bigint, x.amt,
           x.bal, 'REDEMPTION', :us::bigint, :us::bigint), 'UTF8')), 'hex')
    FROM (VALUES (:ha::bigint, :hseq::bigint + 1, -1::bigint, :hbal::bigint - 1, :hprev::text),
                 (:sa::bigint, :sseq::bigint + 1, 1::bigint, :sbal::bigint + 1, :sprev::text))
         AS x (acct, seq, amt, bal, prev)
  RETURNING account_id, hash)
SELECT max(hash) FILTER (WHERE account_id = :ha::bigint) AS hhash,
       max(hash) FILTER (WHERE account_id = :sa::bigint) AS shash
  FROM e \gset
UPDATE ledger_accounts a
   SET balance = x.bal, last_seq = x.seq, last_hash = x.h, version = a.version + 1
  FROM (VALUES (:ha::bigint, :hbal::bigint - 1, :hseq::bigint + 1, :hhash::text),
               (:sa::bigint, :sbal::bigint + 1, :sseq::bigint + 1, :shash::text))
       AS x (id, bal, seq, h)
 WHERE a.id = x.id;
-- the dashboard rollups of this month and year, one statement (LedgerRollups.apply)
WITH mo AS (
  INSERT INTO village_months AS r (village_id, month, points_redeemed, redemptions, household_delta)
  VALUES (:vid::bigint, date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date, 1, 1, -1)
  ON CONFLICT (village_id, month) DO UPDATE
     SET points_redeemed = r.points_redeemed + 1, redemptions = r.redemptions + 1, household_delta = r.household_delta + excluded.household_delta
  RETURNING r.village_id, r.month)
INSERT INTO village_years AS r (village_id, year, points_redeemed, redemptions, household_delta)
SELECT village_id, date_trunc('year', month)::date, 1, 1, -1 FROM mo
ON CONFLICT (village_id, year) DO UPDATE
   SET points_redeemed = r.points_redeemed + 1, redemptions = r.redemptions + 1, household_delta = r.household_delta + excluded.household_delta;
UPDATE redemptions SET transfer_id = :tid::bigint WHERE id = :rid::bigint;
-- store the answer under the key (IdempotencyStore.execute)
UPDATE idempotency_keys
   SET response_status = 201,
       response_body = json_build_object('id', :rid::bigint, 'householdId', :hid::bigint,
         'points', 1, 'balanceAfter', :hbal::bigint - 1, 'method', 'QR',
         'attendant', :uname::text, 'createdAt', now())::text
 WHERE id = :ikey::bigint;
COMMIT;
