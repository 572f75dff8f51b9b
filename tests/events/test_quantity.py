"""An event's quantity: the count of its theme, read by pactwatch.dates.quantities (one reader)."""

import pytest

from pactwatch.dates.quantities import find_quantities
from pactwatch.events.build import event_quantity
from pactwatch.events.detect import detect


@pytest.fixture(scope="module")
def quantity(nlp, lex, resources):
    """The quantity of the first event of ``kind`` in ``text``."""
    def of(text, kind):
        doc = nlp(text)
        draft = next(d for s in doc.sents for d in detect(s, lex, (), keep_unresolved=True) if d.type == kind)
        return event_quantity(draft, find_quantities(doc, resources.quantity_rules))
    return of


def test_numeral_with_thousands_separator(quantity):
    q = quantity("The army deployed 10,000 troops to the border.", "MOBILIZE")
    assert q.value == 10000 and not q.lower_bound


def test_thousands_of_is_a_lower_bound(quantity):
    q = quantity("Police arrested thousands of protesters in the capital.", "COERCE")
    assert q.value >= 1000 and q.lower_bound and q.unit.startswith("protester")


def test_a_date_is_not_a_quantity(quantity):
    text = "Monday, January 28, 2019\n\nTwin bombings yesterday struck the cathedral in Jolo."
    assert quantity(text, "ASSAULT") is None
