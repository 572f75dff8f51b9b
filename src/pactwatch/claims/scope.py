"""Where an attribution may reach: its cue's paragraph, whole quotations, the outermost relation.

Sources and contents stay in the cue's paragraph (the parser may run a headline on); a colon
ending a paragraph introduces the next one; a content that starts a quotation runs to its end
across sentences; first- and second-person sources (the writer, the reader) are not
attributions for the rules alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pactwatch.claims.lexicon import Lexicon
from pactwatch.claims.record import Attribution
from pactwatch.claims.sources import after_dateline, by_writer, preceding_subject
from pactwatch.claims.spans import (
    clip,
    dateline_end,
    hull,
    merge,
    paragraph,
    quotations,
    quoted_regions,
)
from pactwatch.nlp import doc_text

SPACE = re.compile(r"\s*")


def finish(doc, found: list[Attribution], lex: Lexicon, writer: bool) -> list[Attribution]:
    """The matches with a cue and content, kept in their paragraph, quotations whole; with
    ``writer`` also those whose source is the writer."""
    kept = (_in_paragraph(doc, a, lex) for a in found if a.content and a.cue)
    return [_whole_quotes(doc_text(doc), a) for a in kept
            if a is not None and (writer or not by_writer(doc_text(doc), a, lex))]


def _in_paragraph(doc, att: Attribution, lex: Lexicon) -> Attribution | None:
    """Sources and contents stay in the cue's paragraph (the parser may run a headline on);
    a source lost that way is looked for right before the cue."""
    text = doc_text(doc)
    lo, hi = paragraph(text, att.cue_span[0])
    content = clip(text, att.content, lo, _introduced(text, hi))
    named = dateline_end(text, lo, lex.dateline)  # "WASHINGTON (AP) — …": the place is no source
    source = clip(text, att.source, named, hi)
    parts = clip(text, att.source_parts, named, hi)
    if att.source and not source:
        source = after_dateline(doc, named) if named > lo else ()
        cue = doc.char_span(*att.cue_span, alignment_mode="expand")
        source = source or (preceding_subject(doc, cue[0], lex) if cue is not None else ())
        parts = (hull(source),) if source else ()
    if not content or (att.source and not source):
        return None
    return replace(att, content=content, source=source, source_parts=parts)


def _introduced(text: str, hi: int) -> int:
    """The end of the paragraph a colon ending the paragraph before ``hi`` introduces ("Cruz
    continued:\n\n“…”"), or ``hi``."""
    end = hi
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0 or text[end - 1] != ":":
        return hi
    start = SPACE.match(text, hi).end()
    return paragraph(text, start)[1] if start < len(text) else hi


def _whole_quotes(text: str, att: Attribution) -> Attribution:
    """A content that starts a quotation runs to its end, across sentences of the paragraph."""
    lo, hi = paragraph(text, att.cue_span[0])
    span = att.content_span
    cue = att.cue_span
    extra = [q for q in quotations(text, lo, hi) if q[0] < span[1] and span[0] < q[1]
             and not (q[0] <= cue[0] < q[1]) and (q[0] < span[0] or q[1] > span[1])]
    return replace(att, content=merge(att.content + tuple(extra))) if extra else att


def outermost(atts: list[Attribution], text: str) -> list[Attribution]:
    """Drop attributions nested in reported speech: a cue inside another attribution's content
    or inside quotation marks.  Corpora such as PolNeAR annotate only the outer relation."""
    quotes = quoted_regions(text)

    def inside(a: Attribution, spans) -> bool:
        return any(s <= a.cue_span[0] and a.cue_span[1] <= e for s, e in spans)
    return [a for a in atts if not inside(a, quotes)
            and not any(b is not a and inside(a, b.content) for b in atts)]
