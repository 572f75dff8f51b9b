import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.errors import InputError
from pactwatch.readers import Meta, parse_date, read_file, read_paths, split_front_matter
from pactwatch.records import Article

BODY = "Troops crossed the border on Monday, officials said."


def items(path, **kw):
    return list(read_file(path, **kw))


def test_plain_text_with_command_line_meta(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    [article] = items(path, meta=Meta(title="T", published=date(2024, 1, 2)))
    assert article.title == "T" and article.published == date(2024, 1, 2)
    assert article.text == BODY


def test_front_matter_header_wins_over_defaults(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"---\ntitle: Border\npublished: 2023-05-01\nsource: Wire\n---\n{BODY}\n")
    [article] = items(path, meta=Meta(title="ignored"))
    assert (article.title, article.source, article.published) == ("Border", "Wire", date(2023, 5, 1))
    assert article.text == BODY


def test_bad_front_matter_names_file_and_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"---\ncolour: red\n---\n{BODY}")
    with pytest.raises(InputError, match=r"a.txt.*line 2"):
        items(path)


def test_jsonl_good_and_bad_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    good = {"id": "x1", "url": "http://e/1", "title": "t", "source": "s",
            "published": "2021-03-04T10:00:00Z", "text": BODY}
    path.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"text": ""}) + "\n")
    got = items(path)
    assert isinstance(got[0], Article) and got[0].external_id == "x1"
    assert got[0].published == date(2021, 3, 4)
    assert "line 2" in str(got[1]) and "malformed JSON" in str(got[1])
    assert "line 3" in str(got[2]) and "no text" in str(got[2])


def test_html_article(tmp_path):
    path = tmp_path / "page.html"
    paragraphs = "".join(f"<p>{BODY} Paragraph {i} adds detail on the talks.</p>" for i in range(5))
    path.write_text(f"<html><head><title>Talks</title><meta name='date' content='2022-02-03'>"
                    f"</head><body><article><h1>Talks</h1>{paragraphs}</article></body></html>")
    [article] = items(path)
    assert "Troops crossed the border" in article.text
    assert article.title == "Talks"


def test_html_without_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><script>var x = 1;</script></body></html>")
    with pytest.raises(InputError, match="empty.html: HTML page with no article text"):
        items(path)


def test_rss_feed_entries(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
      <item><title>One</title><link>http://e/1</link><guid>g1</guid>
        <pubDate>Mon, 04 Nov 2024 10:00:00 GMT</pubDate><description>{BODY}</description></item>
      <item><title>Empty</title><link>http://e/2</link></item>
    </channel></rss>""")
    [article] = items(path)
    assert article.source == "Desk" and article.published == date(2024, 11, 4)
    assert article.text == BODY


def test_atom_feed(tmp_path):
    path = tmp_path / "feed.atom"
    path.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom desk</title>
      <entry><title>A</title><id>urn:a</id><updated>2020-01-02T00:00:00Z</updated>
      <content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>""")
    [article] = items(path)
    assert article.published == date(2020, 1, 2) and "Troops" in article.text


@pytest.mark.parametrize("name,content,message", [
    ("bin.dat", b"\x00\x01\x02binary", "binary file"),
    ("empty.txt", b"  \n", "empty file"),
    ("latin.txt", "caf\xe9 talks".encode("latin-1"), "not valid UTF-8"),
])
def test_bad_files(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=f"{name}: {message}"):
        items(path)


def test_oversize_file(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(BODY * 10)
    with pytest.raises(InputError, match="over the size limit of 100 bytes"):
        items(path, max_bytes=100)


def test_folder_is_read_recursively_and_errors_do_not_stop_it(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(BODY)
    (tmp_path / "b.bin").write_bytes(b"\x00\x00")
    (tmp_path / "c.txt").write_text("Another article about talks.")
    got = list(read_paths([tmp_path]))
    assert sum(isinstance(i, Article) for _, i in got) == 2
    assert [p for p, i in got if isinstance(i, InputError)] == [str(tmp_path / "b.bin")]


@given(st.dates())
def test_parse_date_round_trip(d):
    assert parse_date(d.isoformat()) == d
    assert parse_date(f"{d.isoformat()}T12:30:00+02:00") == d


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=40)
       .filter(lambda s: ":" not in s and s.strip() == s and "\n" not in s))
def test_front_matter_round_trip(title):
    header, body = split_front_matter(f"---\ntitle: {title}\n---\nBody text.")
    assert header.get("title") == (title.strip("\"'") or None)
    assert body == "Body text."
