"""Gazetteer entity ruler placed before spaCy's ``ner`` (filled by the places stage work)."""


def add_gazetteer_ruler(nlp):
    return nlp
