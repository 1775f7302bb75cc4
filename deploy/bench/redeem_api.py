#!/usr/bin/env python3
"""Helper of redemption-bench.sh: talks to the service on 127.0.0.1 only (standard library).

  redeem_api.py setup BASE OUT_FILE
      logs in as district, each village's committee and attendant, gives every household
      100000 points (one adjustment), creates one product (1 point) per village and stocks
      it with 200000 units (two purchases). Writes one line per household:
      village_id household_id committee_token attendant_token product_id
  redeem_api.py tokens BASE TARGETS_FILE COUNT OUT_FILE [THREADS]
      issues COUNT phone QR tokens (POST /api/households/{id}/qr-tokens as the committee,
      households round-robin) and writes "qr_token attendant_token product_id" lines.
  redeem_api.py verify BASE   -> prints "ok=... accounts=... entries=... problems=..."
"""
import http.client, json, sys, threading, time, uuid
from urllib.parse import urlparse

SLUGS = "lixin songlin ailin hedong laoling shanqian taoyuan xinglin liuan".split()


class Api:
    def __init__(self, base):
        u = urlparse(base)
        assert u.hostname == "127.0.0.1", "load only on 127.0.0.1"
        self.host, self.port = u.hostname, u.port
        self.conn = None

    def call(self, method, path, body=None, token=None, expect=(200, 201), headers=None):
        h = {"Content-Type": "application/json"}
        if token:
            h["Authorization"] = "Bearer " + token
        if headers:
            h.update(headers)
        data = None if body is None else json.dumps(body).encode()
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                self.conn.request(method, path, body=data, headers=h)
                r = self.conn.getresponse()
                raw = r.read()
                break
            except (http.client.HTTPException, OSError):
                self.conn.close(); self.conn = None
                if attempt:
                    raise
        if r.status not in expect:
            raise SystemExit(f"{method} {path} -> {r.status}: {raw[:300]!r}")
        return json.loads(raw) if raw else None

    def login(self, user):
        return self.call("POST", "/api/login", {"username": user, "password": "demo123"})["access_token"]


def setup(base, out):
    api = Api(base)
    district = api.login("district")
    villages = {v["slug"]: v["id"] for v in api.call("GET", "/api/villages", token=district)}
    per_village = []
    for slug in SLUGS:
        if slug not in villages:
            continue
        vid = villages[slug]
        com, shop = api.login(f"{slug}-committee"), api.login(f"{slug}-shop")
        households, page = [], 0
        while True:
            p = api.call("GET", f"/api/villages/{vid}/households?size=200&page={page}", token=com)
            households += [h["id"] for h in p["items"]]
            if not p["items"] or len(households) >= p["total"]:
                break
            page += 1
        for hid in households:
            api.call("POST", f"/api/households/{hid}/adjustments",
                     {"points": 100000, "reason": "bench"}, token=com,
                     headers={"Idempotency-Key": f"bench-adj-{uuid.uuid4()}"})
        prod = api.call("POST", f"/api/villages/{vid}/products",
                        {"name": f"测试商品{int(time.time())}", "pricePoints": 1}, token=shop,
                        headers={"Idempotency-Key": f"bench-prod-{uuid.uuid4()}"})
        pid = prod["id"]
        for _ in range(2):
            api.call("POST", f"/api/villages/{vid}/donations",
                     {"kind": "PURCHASE", "donorName": "bench", "donorType": "VILLAGE_FUNDS",
                      "occurredOn": "2026-11-29",
                      "items": [{"productId": pid, "quantity": 100000}]}, token=shop,
                     headers={"Idempotency-Key": f"bench-don-{uuid.uuid4()}"})
        per_village.append([f"{vid} {hid} {com} {shop} {pid}" for hid in households])
    # Villages interleaved (the first household of each village, then the second of each, ...):
    # consecutive QR tokens belong to different villages, so the requests in flight at one
    # time are at different village counters, as pgbench's clients are (redemption-bench.sh).
    longest = max((len(v) for v in per_village), default=0)
    lines = [v[i] for i in range(longest) for v in per_village if i < len(v)]
    assert lines, "no households"
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"households={len(lines)} villages={len({l.split()[0] for l in lines})}")


def tokens(base, targets_file, count, out, threads=6):
    targets = [l.split() for l in open(targets_file) if l.strip()]
    result = [None] * count
    errors = []

    def work(k):
        api = Api(base)
        try:
            for i in range(k, count, threads):
                vid, hid, com, shop, pid = targets[i % len(targets)]
                t = api.call("POST", f"/api/households/{hid}/qr-tokens", token=com)["token"]
                result[i] = f"{t} {shop} {pid}"
        except BaseException as e:  # noqa
            errors.append(repr(e))

    t0 = time.time()
    ts = [threading.Thread(target=work, args=(k,)) for k in range(threads)]
    [t.start() for t in ts]
    [t.join() for t in ts]
    if errors:
        raise SystemExit("token issue failed: " + errors[0])
    with open(out, "w") as f:
        f.write("\n".join(result) + "\n")
    print(f"tokens={count} seconds={time.time() - t0:.1f}")


def verify(base):
    api = Api(base)
    r = api.call("GET", "/api/ledger/verify", token=api.login("district"))
    print(f"ok={str(r['ok']).lower()} accounts={r['accounts']} entries={r['entries']} "
          f"problems={len(r['problems'])}")


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "setup":
        setup(sys.argv[2], sys.argv[3])
    elif cmd == "tokens":
        tokens(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5],
               int(sys.argv[6]) if len(sys.argv) > 6 else 6)
    elif cmd == "verify":
        verify(sys.argv[2])
