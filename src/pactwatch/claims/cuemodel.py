"""The learned cue model: a logistic regression that weighs attribution candidates.

The rules of :mod:`pactwatch.claims.rules` find the cues of the lexicon; news reports many
more ("X showed …", "X defended …", "X is eyeing …").  Every verb of the parse is a candidate
relation (its subject as source, its clause, object or prepositional object as content); the
model gives each candidate — and each rule match — a probability of being a real attribution
from features of the parse (lemma, tag, dependency, the source's and content's shape).  The
weights live in ``data/claims/cue_model.json`` (plain JSON, no pickle); they are trained on the
PolNeAR train parts by ``python -m pactwatch.training.claims`` and never on its dev or test split.
"""

from __future__ import annotations

import math
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from pactwatch import errors
from pactwatch.claims.lexicon import Lexicon
from pactwatch.claims.record import Attribution
from pactwatch.claims.spans import quoted_regions
from pactwatch.errors import PactwatchError
from pactwatch.nlp import doc_text, register_extension

errors.define("PW203", "{path}: cue model does not match its schema ({detail})")

SCHEMA = "pactwatch.claims.cue_model.v1"
PACKAGED = "claims/cue_model.json"


class CueModel(BaseModel):
    """Weights of a logistic regression over string features, and its two thresholds."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_: str
    trained_on: str
    notes: str
    bias: float
    threshold: float  # for candidates outside the lexicon
    rule_threshold: float  # for matches of the rules
    weights: dict[str, float]

    def probability(self, feats: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in set(feats))
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


def parse_model(text: str, path: str = "cue_model.json") -> CueModel:
    import json

    try:
        raw = json.loads(text)
        raw = {("schema_" if k == "schema" else k): v for k, v in raw.items()}
        model = CueModel.model_validate(raw)
    except (ValueError, AttributeError, ValidationError) as exc:
        raise PactwatchError("PW203", path=path, detail=str(exc).splitlines()[0]) from None
    if model.schema_ != SCHEMA:
        raise PactwatchError("PW203", path=path, detail=f"schema must be {SCHEMA!r}")
    return model


def load_cue_model(path: str | Path | None = None) -> CueModel:
    """The cue model at ``path`` (default: the packaged one), read and validated."""
    res = resources.files("pactwatch.data").joinpath(PACKAGED) if path is None else Path(path)
    return parse_model(res.read_text(encoding="utf-8"), str(res))


# ---- features ------------------------------------------------------------------------------

def head_token(doc, att: Attribution):
    """The cue's head token (the root of the cue's first span)."""
    span = doc.char_span(*att.cue[0], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2-3" if n <= 3 else "4-8" if n <= 8 else "9+"


def _source_features(doc, att: Attribution, lex: Lexicon) -> list[str]:
    if not att.source:
        return ["src=none"]
    span = doc.char_span(*att.source[0], alignment_mode="expand")
    if span is None or not len(span):
        return ["src=odd"]
    root = span.root
    word = root.lower_ if root.lower_ in lex.words.feature_pronouns else root.pos_
    ents = {t.ent_type_ for t in span if t.ent_type_} or {"-"}
    noun = [f"src_lemma={root.lemma_.lower()}"] if root.pos_ == "NOUN" else []
    return [f"src={word}", f"src_len={_bucket(len(span))}",
            *(f"src_ent={e}" for e in ents), f"src_dep={root.dep_}", *noun]


def _content_features(doc, att: Attribution, head) -> list[str]:
    root = doc[att.content_root] if att.content_root is not None else None
    size = sum(e - s for s, e in att.content)
    words = "cont_chars=" + _bucket(size // 6)
    if root is None:
        return [words, "cont_root=none"]
    rel = root.dep_ if root.head.i == head.i else "far"
    clause = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children)
    return [words, f"cont_root={rel}", f"cont_pos={root.pos_}", f"cont_tag={root.tag_}",
            f"cont_clause={clause}", f"lemma_cont={head.lemma_.lower()}|{rel}",
            f"lemma_clause={head.lemma_.lower()}|{clause}"]


QUOTED = register_extension("pw_quoted")  # the doc's quoted regions, found once per doc


def _quoted(doc, att: Attribution) -> list[str]:
    """Is the cue inside quotation marks (nested speech), does the content quote?"""
    if doc._.get(QUOTED) is None:
        doc._.set(QUOTED, quoted_regions(doc_text(doc)))
    quotes = doc._.get(QUOTED)
    start = att.cue_span[0]
    inside = any(s < start < e for s, e in quotes)
    touching = any(s < c1 and c0 < e for s, e in quotes for c0, c1 in att.content)
    return [f"cue_in_quote={inside}", f"quote_content={touching}"]


def features(doc, att: Attribution, lex: Lexicon) -> list[str]:
    """The string features of one candidate relation."""
    head = head_token(doc, att)
    if head is None:
        return [f"kind={att.kind}"]
    lemma = lex.verb_lemma(head)
    kids = sorted({c.dep_ for c in head.children})
    source = _source_features(doc, att, lex)
    return [
        *_pairs(lemma, att.kind, head.tag_, source),
        f"kind={att.kind}", f"lemma={lemma}", f"lemma_kind={lemma}|{att.kind}",
        f"tag={head.tag_}", f"dep={head.dep_}", f"tag_dep={head.tag_}|{head.dep_}",
        f"head_dep={head.head.dep_}", f"lexicon={lemma in lex.verbs}", f"neg={att.negated}",
        f"head_pos={head.head.pos_}", f"sent_start={head.i == head.sent.start}",
        *(f"child={k}" for k in kids),
        *source, *_content_features(doc, att, head), *_quoted(doc, att),
        *_frame(head, lemma), *_layout(doc, att, head), *_opening(doc, att, lemma),
    ]


def _opening(doc, att: Attribution, lemma: str) -> list[str]:
    """The content's first word and the cue's side of its source and content, each with the cue
    word: "said that …", "said “…”" and "warned of …" read differently from "showed him …"."""
    text = doc_text(doc)
    start = att.content[0][0]
    first = text[start:start + 24].lstrip().split(" ", 1)[0].lower()
    first = first[:1] if first[:1] in "\"“'‘(" else first.strip(",.;:")
    src, cont = _order(att)
    return [f"cont_first={first}", f"lemma_first={lemma}|{first}",
            f"lemma_order={lemma}|{src}|{cont}"]


def _order(att: Attribution) -> tuple[str, str]:
    """Where the source ("none", "before", "after") and the content lie around the cue."""
    cue = att.cue_span[0]
    src = "none" if not att.source else "before" if att.source[0][0] < cue else "after"
    return src, "before" if att.content[0][0] < cue else "after"


def _layout(doc, att: Attribution, head) -> list[str]:
    """Where source and content lie around the cue, the words beside the cue and the content's
    head word: "“…,” X said" reads differently from "X said, …" or "… as X said"."""
    src, cont = _order(att)
    prev = doc[head.i - 1].lower_ if head.i > 0 else "<s>"
    nxt = doc[head.i + 1].lower_ if head.i + 1 < len(doc) else "</s>"
    root = doc[att.content_root].lower_ if att.content_root is not None else "-"
    return [f"order={src}|{cont}", f"order_kind={src}|{cont}|{att.kind}", f"prev={prev}",
            f"next={nxt}", f"cont_word={root}", f"parts={min(len(att.content), 3)}",
            f"src_caps={any(doc_text(doc)[s:e].isupper() for s, e in att.source)}"]


def _pairs(lemma: str, kind: str, tag: str, source: list[str]) -> list[str]:
    """Conjunctions a linear model cannot form itself: the cue word with its form and with
    the kind of source ("said" by a person vs "showed" by a poll)."""
    src = source[0].removeprefix("src=")
    ents = [f.removeprefix("src_ent=") for f in source if f.startswith("src_ent=")]
    return [f"lemma_tag={lemma}|{tag}", f"lemma_src={lemma}|{src}",
            *(f"lemma_ent={lemma}|{e}" for e in ents), *(f"kind_ent={kind}|{e}" for e in ents)]


def _frame(head, lemma: str) -> list[str]:
    """The cue's object and preposition words: "make the case", "have concerns", "look at"."""
    out = []
    for child in head.children:
        if child.dep_ in ("dobj", "prep", "prt", "acomp", "attr"):
            word = child.lemma_.lower()
            out += [f"{child.dep_}={word}", f"frame={lemma}|{child.dep_}={word}"]
    return out
