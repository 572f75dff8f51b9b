import pytest

STATUS = [
    ("The army did not attack the village.", "ASSAULT", "negated"),
    ("The army never attacked the village.", "ASSAULT", "negated"),
    ("The army will attack the village.", "ASSAULT", "planned"),
    ("The army plans to attack the village.", "ASSAULT", "planned"),
    ("The army could attack the village.", "ASSAULT", "hypothetical"),
    ("The army would attack the village if talks failed.", "ASSAULT", "hypothetical"),
    ("The army reportedly attacked the village.", "ASSAULT", "reported"),
    ("According to aid workers, the army attacked the village.", "ASSAULT", "reported"),
    ("The army attacked the village.", "ASSAULT", "asserted"),
    ("The ministry denied that the army attacked the village.", "ASSAULT", "denied"),
]


@pytest.mark.parametrize("text,kind,status", STATUS)
def test_status_cues(drafts, text, kind, status):
    event = next(d for d in drafts(text) if d.type == kind)
    assert event.standing.status == status


def test_according_to_names_who_reports(drafts):
    event = next(d for d in drafts("According to aid workers, the army attacked the village.") if d.type == "ASSAULT")
    assert [t.text for t in event.standing.attributed_to] == ["workers"]


def test_future_cooperation_is_an_intention(drafts):
    assert "AGREE" in [d.type for d in drafts("The government will release the detained students.")]


@pytest.mark.parametrize("text,kind", [
    ("The rebels said they would attack the convoy.", "THREATEN"),
    ("The government will release the detained students.", "AGREE"),
])
def test_a_promise_or_threat_coded_from_its_future_tense_happened(drafts, text, kind):
    """The future marker makes the event (PLOVER codes the promise or the threat), so the
    event is not itself planned; the act promised stays planned when coded as an act."""
    event = next(d for d in drafts(text) if d.type == kind)
    assert event.standing.status == "asserted"
