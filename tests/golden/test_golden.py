"""Golden files for whole-article extraction.

Each case runs the full pipeline on one article and compares a readable projection of the
result (events, claims, treaties: types, actors, dates, places, stances, evidence sentences)
with ``tests/golden/<case>.json``.  When extraction changes on purpose, run
``pytest tests/golden --update-golden``, read the diff of the JSON files by hand, and commit
them with the change that caused them.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pactwatch.api import extract_article
from pactwatch.readers import parse_date, read_file
from pactwatch.records import Article

HERE = Path(__file__).parent
REPO = HERE.parents[1]


def _codes(actors) -> list[str]:
    return sorted(f"{a.country}/{a.sector}" + (f"/{a.person}" if a.person else "") for a in actors)


def _date(d) -> str | None:
    return f"{d.value} {d.precision}" if d else None


def project_event(e) -> dict:
    return {"type": e.type, "source": _codes(e.source), "target": _codes(e.target),
            "date": _date(e.date), "location": e.location.name if e.location else None,
            "quantity": e.quantity.value if e.quantity else None, "status": e.status,
            "denied_by": _codes(e.denied_by), "sentences": sorted({ev.sentence for ev in e.evidence})}


def project_claim(c) -> dict:
    return {"proposition": c.proposition, "status": c.status,
            "claimants": sorted(f"{cl.actor.country if cl.actor else None}:{cl.stance}"
                                for cl in c.claimants),
            "sentences": sorted({ev.sentence for ev in c.evidence})}


def project_treaty(t) -> dict:
    return {"name": t.name, "parties": sorted(t.parties),
            "obligations": sorted(f"{o.type} {o.from_}->{o.to}" for o in t.obligations),
            "ratification": sorted(f"{r.party} {r.stage} {_date(r.date)}" for r in t.ratification),
            "sentences": sorted({ev.sentence for ev in t.evidence})}


def project(result) -> dict:
    key = json.dumps
    return {
        "events": sorted((project_event(e) for e in result.events), key=key),
        "claims": sorted((project_claim(c) for c in result.claims), key=key),
        "treaties": sorted((project_treaty(t) for t in result.treaties), key=key),
    }


def _project_example():
    [article] = read_file(REPO / "examples" / "articles" / "sweden-joins-nato.txt")
    return article


def _shared_example(shared):
    text = (shared / "examples" / "russia-dprk-defence-pact.txt").read_text(encoding="utf-8")
    return Article.from_text(text, published=date(2024, 11, 6))


def _wikinews(shared, title_start: str):
    path = shared / "eval" / "news" / "wikinews_2019_2021.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["title"].startswith(title_start):
            return Article.from_text(row["text"], title=row["title"], source=row["source"],
                                     published=parse_date(row["date"]))
    pytest.skip(f"no Wikinews article titled {title_start!r}")


CASES = {
    "sweden-joins-nato": lambda shared: _project_example(),
    "shared-seed-article": _shared_example,  # ../shared/examples: the seed article
    "wikinews-maidan-wardak-attack": lambda shared: _wikinews(shared, "Car bomb ramming attack kills"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(case, request, shared):
    article = CASES[case](shared)
    got = project(extract_article(article))
    path = HERE / f"{case}.json"
    if request.config.getoption("--update-golden") or not path.exists():
        path.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        if not request.config.getoption("--update-golden"):
            pytest.fail(f"wrote new golden file {path.name}: review it and commit it")
    assert got == json.loads(path.read_text(encoding="utf-8"))
