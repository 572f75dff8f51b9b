"""Readers: plain text, HTML, JSON Lines, RSS/Atom, and folders of these.

Each reader yields :class:`~pactwatch.records.Article` records, or an
:class:`~pactwatch.errors.InputError` for a bad file or line, so that one bad
input never stops the others.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from pactwatch.errors import InputError, PactwatchError
from pactwatch.records import Article

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
META_KEYS = ("url", "title", "source", "published")

Item = Article | InputError


@dataclass(frozen=True)
class Meta:
    """Metadata given on the command line for plain-text inputs."""

    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: date | None = None


def parse_date(value, path: str = "<input>", line: int = 0) -> date | None:
    """ISO date or datetime (``2024-11-06``, ``2024-11-06T10:00:00Z``) → date."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value if not isinstance(value, datetime) else value.date()
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise InputError("PW012", path=path, line=line,
                         detail=f"published {text!r} is not an ISO date") from None


def read_paths(paths, meta: Meta = Meta(), max_bytes: int = 5_000_000) -> Iterator[tuple[str, Item]]:
    """Every article (or input error) under ``paths``, with the file it came from."""
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if not child.name.startswith("."):
                    yield from _read_one(child, meta, max_bytes)
        else:
            yield from _read_one(path, meta, max_bytes)


def _read_one(path: Path, meta: Meta, max_bytes: int) -> Iterator[tuple[str, Item]]:
    try:
        for item in read_file(path, meta, max_bytes):
            yield str(path), item
    except InputError as exc:
        yield str(path), exc


def read_file(path: Path, meta: Meta = Meta(), max_bytes: int = 5_000_000) -> Iterator[Item]:
    raw = _load_bytes(path, max_bytes)
    kind = detect_kind(path, raw)
    text = _decode(path, raw)
    reader = {"text": _read_text, "html": _read_html, "jsonl": _read_jsonl, "feed": _read_feed}[kind]
    yield from reader(path, text, meta)


def _load_bytes(path: Path, max_bytes: int) -> bytes:
    if not path.is_file():
        raise InputError("PW001", path=path)
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError("PW008", path=path, size=size, limit=max_bytes)
    raw = path.read_bytes()
    if not raw.strip():
        raise InputError("PW002", path=path)
    if b"\x00" in raw[:8192]:
        raise InputError("PW003", path=path)
    return raw


def _decode(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("PW004", path=path, detail=f"byte {exc.start}") from None


def detect_kind(path: Path, raw: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    head = raw[:2048].lstrip().lower()
    is_feed = b"<rss" in head or b"<feed" in head or b"<rdf" in head
    if is_feed and (suffix in FEED_SUFFIXES or head.startswith(b"<?xml")):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def _read_text(path: Path, text: str, meta: Meta) -> Iterator[Item]:
    header, body = split_front_matter(text, path)
    merged = replace(meta, **{k: v for k, v in header.items() if v is not None})
    if not body.strip():
        raise InputError("PW002", path=path)
    yield Article.from_text(body, url=merged.url, title=merged.title, source=merged.source,
                            published=merged.published)


def split_front_matter(text: str, path: Path | str = "<input>") -> tuple[dict, str]:
    """A ``---`` header of ``key: value`` lines (url, title, source, published), then the body."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    header = {}
    for number, line in enumerate(match.group(1).splitlines(), start=2):
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or key not in META_KEYS:
            raise InputError("PW010", path=path, detail=f"line {number}: {line.strip()!r}")
        header[key] = value.strip().strip("\"'") or None
    header["published"] = parse_date(header.get("published"), str(path))
    return header, text[match.end():]


def _read_html(path: Path, text: str, meta: Meta) -> Iterator[Item]:
    import trafilatura

    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise InputError("PW007", path=path)
    published = meta.published or _safe_date(getattr(doc, "date", None))
    yield Article.from_text(body, url=meta.url or getattr(doc, "url", None),
                            title=meta.title or getattr(doc, "title", None),
                            source=meta.source or getattr(doc, "sitename", None),
                            published=published)


def _safe_date(value) -> date | None:
    try:
        return parse_date(value)
    except PactwatchError:
        return None


def _read_jsonl(path: Path, text: str, meta: Meta) -> Iterator[Item]:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield _jsonl_article(path, number, line)


def _jsonl_article(path: Path, number: int, line: str) -> Item:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError("PW005", path=path, line=number, detail=exc.msg)
    if not isinstance(data, dict):
        return InputError("PW005", path=path, line=number, detail="not a JSON object")
    body = data.get("text")
    if not isinstance(body, str) or not body.strip():
        return InputError("PW006", path=path, line=number)
    try:
        published = parse_date(data.get("published") or data.get("date"), str(path), number)
    except InputError as exc:
        return exc
    return Article.from_text(body, url=data.get("url"), title=data.get("title"),
                             source=data.get("source"), published=published,
                             external_id=_str_or_none(data.get("id")))


def _str_or_none(value) -> str | None:
    return None if value is None else str(value)


def _read_feed(path: Path, text: str, meta: Meta) -> Iterator[Item]:
    import feedparser

    feed = feedparser.parse(text)
    source = meta.source or feed.feed.get("title")
    found = False
    for entry in feed.entries:
        body = _entry_text(entry)
        if body:
            found = True
            yield Article.from_text(body, url=entry.get("link"), title=entry.get("title"),
                                    source=source, published=_entry_date(entry),
                                    external_id=entry.get("id"))
    if not found:
        raise InputError("PW009", path=path)


def _entry_text(entry) -> str:
    parts = [c.get("value", "") for c in entry.get("content", [])] or [entry.get("summary", "")]
    html = "\n".join(p for p in parts if p)
    if not html.strip():
        return ""
    if "<" not in html:
        return html.strip()
    import trafilatura

    return (trafilatura.extract(f"<html><body>{html}</body></html>") or "").strip()


def _entry_date(entry) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None
