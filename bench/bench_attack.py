"""Latency of ``attack`` over the whole ATOP registry.

Loads ATOP 5.1 and the COW states into a fresh SQLite store, then times
``pactwatch.alliances.reasoner.attack`` over many (attacker, target, date) triples and prints
median, p95 and max milliseconds per call (CPU and wall).  Triples are drawn with a fixed seed:
a target that is owed a defense obligation on a random date within that obligation's span
(so the call has work to do), and an attacker among the states in any alliance on that date;
plus a share of heavy cases on 2018-12-31, when the registry is largest.

    .venv/bin/python bench/bench_attack.py --shared ../shared [--calls 300] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa

from pactwatch.alliances.load import load_atop, load_cow_states
from pactwatch.alliances.reasoner import attack
from pactwatch.alliances.reference import load_alliance_data
from pactwatch.db import Database
from pactwatch.store import schema as s

LAST = date(2018, 12, 31)


def triples(conn, calls: int, seed: int) -> list[tuple[str, str, date]]:
    rng = random.Random(seed)
    o = s.treaty_obligations
    rows = list(conn.execute(sa.select(o.c.to_iso3, o.c.start, o.c.end)
                             .where(o.c.type == "defense")))
    members = sorted({r.iso3 for r in conn.execute(sa.select(s.treaty_members.c.iso3))})
    out = []
    for _ in range(calls):
        target, start, end = rng.choice(rows)
        end = end or LAST
        on = start + timedelta(days=rng.randrange(max((end - start).days, 1)))
        if rng.random() < 0.2:
            on = LAST
        attacker = rng.choice([m for m in members if m != target])
        out.append((attacker, target, on))
    return out


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{Path(tmp) / 'bench.db'}")
        ref = load_alliance_data()
        started = time.perf_counter()
        with db.transaction() as conn:
            load_cow_states(conn, ref, args.shared / "data" / "cow")
            report = load_atop(conn, ref, args.shared / "data" / "atop-5.1")
        print(f"loaded ATOP in {time.perf_counter() - started:.1f} s: {report.counts}")
        with db.engine.connect() as conn:
            cases = triples(conn, args.calls, args.seed)
            attack(conn, ref, *cases[0])  # warm caches (compiled statements, name lookups)
            wall, cpu = [], []
            for case in cases:
                w, c = time.perf_counter(), time.process_time()
                attack(conn, ref, *case)
                wall.append((time.perf_counter() - w) * 1000)
                cpu.append((time.process_time() - c) * 1000)
        db.close()
    for name, values in (("wall", wall), ("cpu", cpu)):
        print(f"attack {name} ms over {len(values)} calls: median {statistics.median(values):.1f}"
              f", p95 {percentile(values, 0.95):.1f}, max {max(values):.1f}")


if __name__ == "__main__":
    main()
