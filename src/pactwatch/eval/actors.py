"""Score the actor matcher on PLV's hand-marked source/target spans against a hand-checked key.

For each PLV row the marked spans are located through ``marked_sentence``
(``<s>..</s>``, ``<t>..</t>``); the matcher runs on the plain sentence, and the actor
chosen for a span is the one overlapping it whose root is closest to the span's
syntactic head (at most ``MAX_HOPS`` dependency steps, along modifier/preposition
links): "a U.S. Supreme Court decision" -> the "U.S." actor, but not a country named
deep inside a clause.  Over keyed spans:

* precision = right codes / spans where a code was given (a code on a NONE span is wrong);
* recall = right codes / keyed spans whose key is a code (not NONE);
* coverage (over every marked span of the file) = spans with any actor chosen / spans.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pactwatch.actors.matcher import actors_in_doc
from pactwatch.api import resources_for
from pactwatch.config import Config
from pactwatch.errors import PactwatchError
from pactwatch.records import Actor

MAX_HOPS = 3
LINK_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "prep", "pobj", "npadvmod",
                       "nummod", "det", "conj", "cc", "acl", "agent", "case", "punct"})
MARK = re.compile(r"<(s|t)>(.*?)</\1>", re.S)
ROLES = {"s": "source", "t": "target"}
NONE = "NONE"


@dataclass(frozen=True)
class MarkedSpan:
    uid: str
    role: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Row:
    uid: str
    sentence: str
    spans: tuple[MarkedSpan, ...]


@dataclass(frozen=True)
class Judged:
    span: MarkedSpan
    sentence: str
    predicted: str | None
    actor: Actor | None
    expected: str | None  # None when the span is not keyed


@dataclass
class ActorScore:
    judged: list[Judged] = field(default_factory=list)

    @property
    def keyed(self) -> list[Judged]:
        return [j for j in self.judged if j.expected is not None]

    @property
    def precision(self) -> float:
        given = [j for j in self.keyed if j.predicted]
        return sum(j.predicted == j.expected for j in given) / len(given) if given else 0.0

    @property
    def recall(self) -> float:
        gold = [j for j in self.keyed if j.expected != NONE]
        return sum(j.predicted == j.expected for j in gold) / len(gold) if gold else 0.0

    @property
    def coverage(self) -> float:
        return sum(bool(j.predicted) for j in self.judged) / len(self.judged) if self.judged else 0.0

    def errors(self) -> list[Judged]:
        return [j for j in self.keyed if j.predicted != (None if j.expected == NONE else j.expected)]


def unmark(marked: str, uid: str) -> tuple[str, tuple[MarkedSpan, ...]]:
    """Plain sentence and the marked spans with their offsets in it."""
    plain, spans, last = [], [], 0
    for m in MARK.finditer(marked):
        plain.append(marked[last:m.start()])
        start = sum(len(p) for p in plain)
        plain.append(m.group(2))
        spans.append(MarkedSpan(uid, ROLES[m.group(1)], m.group(2), start, start + len(m.group(2))))
        last = m.end()
    plain.append(marked[last:])
    return "".join(plain), tuple(spans)


def read_plv(path: Path) -> Iterator[Row]:
    """PLV rows, read by header name (column order and extra columns do not matter)."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = {"uid", "marked_sentence"} - set(reader.fieldnames or ())
        if missing:
            raise PactwatchError("PW140", path=path, columns=", ".join(sorted(missing)))
        for row in reader:
            sentence, spans = unmark(row["marked_sentence"], row["uid"])
            yield Row(row["uid"], sentence, spans)


def read_key(path: Path) -> dict[tuple[str, str], str]:
    """(uid, role) -> expected code, from the key TSV (``#`` lines are comments)."""
    key = {}
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    for n, row in enumerate(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), 2):
        if not row.get("uid") or not row.get("role") or not row.get("country"):
            raise PactwatchError("PW141", path=path, line=n, detail="needs uid, role, country")
        key[(row["uid"], row["role"])] = row["country"].strip()
    return key


def _hops(token, head, limit: int) -> int | None:
    steps = 0
    while token.i != head.i:
        if steps >= limit or token.dep_ not in LINK_DEPS or token.head.i == token.i:
            return None
        token, steps = token.head, steps + 1
    return steps


def choose_actor(doc, span: MarkedSpan, actors: list[Actor]) -> Actor | None:
    """The coded actor overlapping ``span`` nearest its syntactic head (None if none is linked)."""
    region = doc.char_span(span.start, span.end, alignment_mode="expand")
    if region is None:
        return None
    best: tuple[int, Actor] | None = None
    for actor in actors:
        if actor.end <= span.start or actor.start >= span.end or not actor.country:
            continue
        a_span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if a_span is None:
            continue
        inside = a_span.start <= region.root.i < a_span.end
        hops = 0 if inside else _hops(a_span.root, region.root, MAX_HOPS)
        if hops is not None and (best is None or hops < best[0]):
            best = (hops, actor)
    return best[1] if best else None


def evaluate(plv: Path, key: dict[tuple[str, str], str], only_keyed: bool = False,
             config: Config = Config()) -> ActorScore:
    """Run the matcher on every PLV sentence (or only keyed rows) and judge each marked span,
    with ``config``'s parser and actor data."""
    resources = resources_for(config)
    nlp, matching = resources.nlp, resources.actor_matching
    keyed_uids = {uid for uid, _ in key}
    rows = [r for r in read_plv(plv) if not only_keyed or r.uid in keyed_uids]
    score = ActorScore()
    for row, doc in zip(rows, nlp.pipe(r.sentence for r in rows), strict=True):
        actors = actors_in_doc(doc, None, matching)
        for span in row.spans:
            actor = choose_actor(doc, span, actors)
            expected = key.get((span.uid, span.role))
            score.judged.append(Judged(span, row.sentence, actor.country if actor else None,
                                       actor, expected))
    return score


def default_key() -> Path | None:
    """The key kept with the tests, when running from a source checkout."""
    path = Path(__file__).resolve().parents[3] / "tests" / "actors" / "data" / "plv_actor_key.tsv"
    return path if path.is_file() else None
