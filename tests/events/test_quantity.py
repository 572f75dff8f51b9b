from hypothesis import given
from hypothesis import strategies as st


def _troops(nlp, text):
    from pactwatch.events.quantity import quantity_of

    doc = nlp(text)
    noun = next(t for t in doc if t.lemma_ in ("troop", "soldier"))
    return quantity_of(noun)


def test_numeral_with_thousands_separator(nlp):
    q = _troops(nlp, "Pyongyang sent 10,000 troops.")
    assert (q.value, q.unit, q.lower_bound) == (10000, "troop", False)


def test_thousands_of_is_a_lower_bound(nlp):
    q = _troops(nlp, "Thousands of soldiers crossed the river.")
    assert (q.value, q.lower_bound) == (1000, True)


def test_more_than_is_a_lower_bound(nlp):
    assert _troops(nlp, "The army sent more than 500 soldiers.").lower_bound


@given(st.integers(min_value=2, max_value=999_999))
def test_any_formatted_integer_reads_back(n):
    from pactwatch.events.quantity import _number

    assert _number(f"{n:,}") == n
