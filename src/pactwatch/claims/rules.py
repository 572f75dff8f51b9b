"""The rules: every match of the patterns over the lexicon in a parsed doc, in text order."""

from __future__ import annotations

from pactwatch.claims.lexicon import Lexicon
from pactwatch.claims.patterns import (
    according,
    adjective,
    adverb,
    headline_colon,
    light_attributions,
    noun_attributions,
    predicative,
)
from pactwatch.claims.record import Attribution
from pactwatch.claims.scope import finish
from pactwatch.claims.verbs import verb_attributions

TOKEN_PATTERNS = (noun_attributions, according, adverb, adjective, predicative)


def rule_attributions(doc, lex: Lexicon, writer: bool = False) -> list[Attribution]:
    """The matches of the patterns over the lexicon, in text order of the cue; with ``writer``
    also those whose source is "I", "we" or "you" (the cue model weighs them)."""
    found: list[Attribution] = []
    for sent in doc.sents:
        found.extend(headline_colon(doc, sent, lex))
    for tok in doc:
        light = light_attributions(doc, tok, lex)
        found.extend(light or verb_attributions(doc, tok, lex))
        for pattern in TOKEN_PATTERNS:
            found.extend(pattern(doc, tok, lex))
    return finish(doc, found, lex, writer)
