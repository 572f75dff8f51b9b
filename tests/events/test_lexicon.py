from pathlib import Path

import pytest

from pactwatch.errors import PactwatchError
from pactwatch.events.lexicon import data_dir, load_lexicon
from pactwatch.events.quad import penta_data
from pactwatch.records import PLOVER_TYPES


def test_every_plover_type_has_triggers(lex):
    coded = {t.type for t in lex.patterns + lex.plain}
    assert coded == set(PLOVER_TYPES)


def test_cameo_roots_are_two_digit_codes(lex):
    assert all(len(t.cameo) == 2 and 1 <= int(t.cameo) <= 20 for t in lex.patterns + lex.plain)


def test_object_pattern_beats_plain_entry(lex):
    assert lex.trigger("sign", "VERB", {"treaty"}).type == "SUPPORT"
    assert lex.trigger("launch", "VERB", {"missile"}).type == "MOBILIZE"
    assert lex.trigger("launch", "VERB", {"offensive"}).type == "ASSAULT"
    assert lex.trigger("lift", "VERB", {"sanctions"}).type == "CONCEDE"
    assert lex.trigger("attack", "VERB", set()).type == "ASSAULT"


def test_frames_respect_polarity(lex):
    assert lex.frame("threaten", "ASSAULT").type == "THREATEN"
    assert lex.frame("vow", "ASSAULT").type == "THREATEN"
    assert lex.frame("vow", "AID").type == "AGREE"
    assert lex.frame("fail", "ASSAULT") is None


def test_bad_data_file_raises_a_coded_error(tmp_path: Path):
    for name in ("lexicon.yaml", "frames.yaml"):
        (tmp_path / name).write_text((data_dir() / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "lexicon.yaml").write_text("sources: []\ntriggers: [{lemmas: [x], type: NOPE}]\n")
    with pytest.raises(PactwatchError) as info:
        load_lexicon(str(tmp_path))
    assert info.value.code == "PW400"


def test_missing_data_file_raises_a_coded_error(tmp_path: Path):
    (tmp_path / "lexicon.yaml").write_text((data_dir() / "lexicon.yaml").read_text(encoding="utf-8"),
                                           encoding="utf-8")
    with pytest.raises(PactwatchError) as info:
        load_lexicon(tmp_path)
    assert info.value.code == "PW402" and "frames.yaml" in str(info.value)


def test_quad_classes_come_from_the_file_given(tmp_path: Path):
    assert penta_data().verbal("THREATEN") and not penta_data().verbal("ASSAULT")
    with pytest.raises(PactwatchError) as info:
        penta_data(tmp_path / "penta.yaml")
    assert info.value.code == "PW411"
