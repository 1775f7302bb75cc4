#!/usr/bin/env python3
"""Load client of crash-bench.sh (standard library only, 127.0.0.1 only).

  crash_client.py BASE TARGETS_FILE JOURNAL CONTROL_DIR THREADS RUN_ID

TARGETS_FILE comes from `redeem_api.py setup` ("village household committee attendant
product" per line). Each thread redeems continuously: it asks for a fresh phone QR code
(POST /api/households/{id}/qr-tokens as the committee), then redeems one unit of its village's
product (POST /api/redemptions as the attendant) under a new Idempotency-Key. A redemption that
got no answer, or 502/503/504, stays pending and is sent again, same key and same body, until
it gets an answer; only then does the thread start a new one (as the shop page does). Every
attempt, of either call, is one JSON line in JOURNAL:
  {"kind": "redeem"|"token", "th", "t0", "t1" (epoch seconds), "status" (null: no answer),
   "err", "code" (problem code), "retry_after", "key", "body", "id", "replayed"}
When CONTROL_DIR/stop appears, threads start nothing new and only resolve their pending
redemption; after DRAIN_S (env, 30) seconds more they give up. The bench retries every
RETRY_S (env, 0.2) seconds and does not wait the Retry-After it is given, so that the time
to recovery can be measured; a real client should wait it.
"""
import http.client
import json
import os
import sys
import threading
import time
from urllib.parse import urlparse

TIMEOUT_S = 15  # longer than the bench's 10 s "no hang" bound, so a hang shows as such
UNCERTAIN = {502, 503, 504}


class Conn:
    def __init__(self, base):
        u = urlparse(base)
        assert u.hostname == "127.0.0.1", "load only on 127.0.0.1"
        self.host, self.port, self.conn = u.hostname, u.port, None

    def post(self, path, body, token, headers=None):
        """-> (status or None, parsed JSON or None, response headers, error text)"""
        h = {"Content-Type": "application/json", "Authorization": "Bearer " + token}
        h.update(headers or {})
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT_S)
            self.conn.request("POST", path, body=body.encode(), headers=h)
            r = self.conn.getresponse()
            raw = r.read()
            try:
                data = json.loads(raw) if raw else None
            except ValueError:
                data = None
            return r.status, data, {k.lower(): v for k, v in r.getheaders()}, None
        except (http.client.HTTPException, OSError) as e:
            if self.conn is not None:
                self.conn.close()
            self.conn = None
            return None, None, {}, type(e).__name__


class Journal:
    def __init__(self, path):
        self.f = open(path, "a", buffering=1)
        self.lock = threading.Lock()

    def write(self, **rec):
        line = json.dumps(rec, ensure_ascii=False, separators=(",", ":"))
        with self.lock:
            self.f.write(line + "\n")


def attempt(conn, journal, kind, th, path, body, token, headers=None, key=None):
    t0 = time.time()
    status, data, hdrs, err = conn.post(path, body, token, headers)
    t1 = time.time()
    data = data if isinstance(data, dict) else {}
    journal.write(kind=kind, th=th, t0=round(t0, 4), t1=round(t1, 4), status=status, err=err,
                  code=data.get("code"), retry_after=hdrs.get("retry-after"), key=key,
                  body=body if kind == "redeem" else None,
                  id=data.get("id") if kind == "redeem" and status in (200, 201) else None,
                  replayed=hdrs.get("idempotent-replayed") == "true")
    return status, data


def worker(th, threads, base, targets, journal, control, run_id, retry_s, drain_s):
    conn = Conn(base)
    mine = [t for i, t in enumerate(targets) if i % threads == th] or targets
    stop_file = os.path.join(control, "stop")
    n, pending, give_up_at = 0, None, None
    while True:
        if os.path.exists(stop_file):
            give_up_at = give_up_at or time.time() + drain_s
            if pending is None or time.time() > give_up_at:
                return
        if pending is None:
            village, household, committee, attendant, product = mine[n % len(mine)]
            status, data = attempt(conn, journal, "token", th,
                                   f"/api/households/{household}/qr-tokens", "{}", committee)
            if status != 201:
                time.sleep(retry_s)
                continue
            n += 1
            body = json.dumps({"qrToken": data["token"],
                               "items": [{"productId": int(product), "quantity": 1}]})
            pending = (f"crash-{run_id}-{th}-{n:07d}", body, attendant)
        key, body, attendant = pending
        status, _ = attempt(conn, journal, "redeem", th, "/api/redemptions", body, attendant,
                            {"Idempotency-Key": key}, key)
        if status is None or status in UNCERTAIN:
            time.sleep(retry_s)
        else:
            pending = None  # answered: confirmed (2xx) or refused for good (4xx, 500)


def main():
    base, targets_file, journal_path, control, threads, run_id = sys.argv[1:7]
    threads = int(threads)
    targets = [line.split() for line in open(targets_file) if line.strip()]
    journal = Journal(journal_path)
    retry_s = float(os.environ.get("RETRY_S", "0.2"))
    drain_s = float(os.environ.get("DRAIN_S", "30"))
    ts = [threading.Thread(target=worker, daemon=True,
                           args=(k, threads, base, targets, journal, control, run_id, retry_s,
                                 drain_s)) for k in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    open(os.path.join(control, "done"), "w").close()


if __name__ == "__main__":
    main()
