"""Hypothesis strategies for the records (shared by record and store tests)."""

from __future__ import annotations

from hypothesis import strategies as st

from pactwatch import records as r

text = st.text(min_size=1, max_size=30)
opt_text = st.none() | text
code = st.sampled_from(["RUS", "PRK", "USA", "KOR", "WST", "NATO", "EU", None])
sector = st.sampled_from(["GOV", "MIL", "LEG", None])
dates = st.dates(min_value=r.date(1815, 1, 1), max_value=r.date(2100, 12, 31))
offsets = st.integers(min_value=0, max_value=10_000)
floats = st.floats(allow_nan=False, allow_infinity=False, width=32)

actors = st.builds(r.Actor, name=text, text=text, country=code, sector=sector, person=opt_text,
                   start=st.none() | offsets, end=st.none() | offsets)
evidence = st.builds(r.Evidence, article_id=st.text("0123456789abcdef", min_size=64, max_size=64),
                     sentence=offsets, start=offsets, end=offsets, text=text)
date_values = st.builds(r.DateValue, value=dates,
                        precision=st.sampled_from(["day", "month", "year", "published"]))
places = st.builds(r.Place, name=text, country=code,
                   admin1=st.none() | st.builds(r.Admin1, name=text, code=opt_text),
                   lat=st.none() | floats, lon=st.none() | floats)
spans = st.builds(r.Span, start=offsets, end=offsets, text=text)

events = st.builds(
    r.Event, id=text, type=st.sampled_from(r.PLOVER_TYPES), mode=opt_text,
    context=st.lists(text, max_size=3), source=st.lists(actors, max_size=2),
    target=st.lists(actors, max_size=2), date=st.none() | date_values,
    location=st.none() | places,
    quantity=st.none() | st.builds(r.Quantity, value=floats, unit=text, lower_bound=st.booleans()),
    status=st.sampled_from(["asserted", "reported", "denied", "planned", "negated", "hypothetical"]),
    attributed_to=st.lists(actors, max_size=2), denied_by=st.lists(actors, max_size=2),
    cameo=st.none() | st.sampled_from(["01", "04", "19"]),
    confidence=st.floats(min_value=0, max_value=1), evidence=st.lists(evidence, max_size=3),
)
claimants = st.builds(r.ClaimantEntry, actor=st.none() | actors,
                      stance=st.sampled_from(["assert", "deny", "concern", "support"]),
                      source=st.none() | spans, cue=spans, content=st.none() | spans)
claims = st.builds(r.Claim, id=text, proposition=text, claimants=st.lists(claimants, max_size=3),
                   about=st.lists(text, max_size=2),
                   status=st.sampled_from(["uncontested", "disputed"]),
                   evidence=st.lists(evidence, max_size=3))
obligations = st.builds(r.Obligation, type=st.sampled_from(
    ["defense", "offense", "neutrality", "nonaggression", "consultation"]),
    from_=code.filter(bool), to=code.filter(bool), conditions=st.lists(text, max_size=2))
ratifications = st.builds(r.Ratification, party=text, stage=st.sampled_from(
    ["signed", "lower_house", "upper_house", "head_of_state", "exchange", "in_force"]),
    body=opt_text, date=st.none() | date_values, evidence=st.lists(evidence, max_size=2))
treaties = st.builds(r.Treaty, id=text, name=text, parties=st.lists(text, max_size=3),
                     signed=st.none() | date_values, signatories=st.lists(text, max_size=2),
                     obligations=st.lists(obligations, max_size=3),
                     ratification=st.lists(ratifications, max_size=3), status=opt_text,
                     atop_id=st.none() | st.integers(1000, 9999),
                     evidence=st.lists(evidence, max_size=2))
articles = st.builds(r.Article.from_text, st.text(min_size=1, max_size=200).filter(str.strip),
                     url=opt_text, title=opt_text, source=opt_text, published=st.none() | dates)
