"""Resolving a time expression to a date against the publication date.

``resolve("October 24", date(2024, 11, 6), rules)`` is 2024-10-24 (day): a date without a year is its
most recent occurrence on or before publication, or the next one when the wording is future.
Month- and year-precision values are the first day of their month or year.  Anything that names
no date reliably ("recently", "in the coming weeks", "two days") resolves to ``None``; so does an
anaphoric expression ("two days later", "the following day"), which :func:`resolve_anaphoric`
dates from the date mentioned before it.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from pactwatch.dates.data import TimeRules
from pactwatch.records import DateValue

MONTH = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
WEEKDAY = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_ORD = r"(?:st|nd|rd|th)?"
DAY_MONTH = re.compile(rf"^(?:{WEEKDAY} )?(\d{{1,2}}){_ORD} (?:of )?{MONTH}(?: (\d{{4}}|\d{{2}}))?$")
MONTH_DAY = re.compile(rf"^(?:{WEEKDAY} )?{MONTH} (\d{{1,2}}){_ORD}(?: (\d{{4}}))?$")
MONTH_YEAR = re.compile(rf"^{MONTH} (?:of )?(\d{{4}})$")
MONTH_ONLY = re.compile(rf"^{MONTH}$")
YEAR_ONLY = re.compile(r"^(1[89]\d\d|20\d\d|21\d\d)$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
WEEKDAY_REL = re.compile(rf"^(?:(last|next|this|past|coming) )?{WEEKDAY}(?: (?:morning|afternoon|evening|night))?$")
CLOCK = re.compile(r"^(?:\d{1,2}(?::\d\d)?(?:am|pm)|[0-2]\d[0-5]\d)$")
AGO = re.compile(r"^(\S+) (day|week|month|year)s? ago$")
ANAPHOR = re.compile(r"^(\S+) (day|week|month|year)s? (later|after|afterwards|earlier|before)$")
BEFORE = frozenset({"earlier", "before"})
# the precision an anchor date needs for a shift of each unit
_ANCHOR_NEEDS = {"day": ("day",), "week": ("day",), "month": ("day", "month"),
                 "year": ("day", "month", "year")}


def month_number(word: str) -> int:
    return next(i for i in range(1, 13) if calendar.month_name[i].lower().startswith(word[:3]))


def weekday_number(word: str) -> int:
    return [d.lower() for d in calendar.day_name].index(word)


def normalise(text: str) -> str:
    """Lower case, punctuation (but hyphens inside ISO dates) turned to spaces."""
    text = re.sub(r"[.,;:()\[\]\"’'`]", " ", text.lower()).replace("\u00a0", " ")
    return " ".join(text.split())


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def nearest_day(month: int, day: int, ref: date, future: bool) -> date | None:
    """The last occurrence of month/day on or before ``ref`` (the next on or after if future)."""
    step = 1 if future else -1
    for offset in range(0, 9):  # Feb 29 may be up to eight years away
        found = _valid(ref.year + step * offset, month, day)
        if found and (found >= ref if future else found <= ref):
            return found
    return None


def nearest_month(month: int, ref: date, future: bool) -> date:
    if future:
        return date(ref.year if month >= ref.month else ref.year + 1, month, 1)
    return date(ref.year if month <= ref.month else ref.year - 1, month, 1)


def weekday_date(weekday: int, ref: date, future: bool, strict: bool = False) -> date:
    """The weekday on or before ``ref`` (strictly before when ``strict``), or the next one."""
    if future:
        return ref + timedelta(days=(weekday - ref.weekday()) % 7 or 7)
    back = (ref.weekday() - weekday) % 7
    return ref - timedelta(days=back or (7 if strict else 0))


def shift_months(ref: date, months: int) -> date:
    total = ref.year * 12 + ref.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def _year(text: str, ref: date | None) -> int:
    """A four- or two-digit year; two digits are the latest such year not after the reference
    (or today) plus one: '90' -> 1990."""
    year = int(text)
    if year >= 100:
        return year
    base = (ref or date.today()).year
    candidate = base // 100 * 100 + year
    return candidate if candidate <= base + 1 else candidate - 100


def _day(value: date | None) -> DateValue | None:
    return DateValue(value=value, precision="day") if value else None


def _explicit(text: str, ref: date | None, future: bool) -> DateValue | None:
    """Dates with a month name: "24 October 2024", "Oct. 24", "5 JAN 90", "March 2023", "March"."""
    if m := DAY_MONTH.match(text):
        day, month, year = int(m[2]), month_number(m[3]), m[4]
    elif m := MONTH_DAY.match(text):
        day, month, year = int(m[3]), month_number(m[2]), m[4]
    elif m := MONTH_YEAR.match(text):
        return DateValue(value=date(int(m[2]), month_number(m[1]), 1), precision="month")
    elif m := MONTH_ONLY.match(text):
        if ref is None:
            return None
        return DateValue(value=nearest_month(month_number(m[1]), ref, future), precision="month")
    else:
        return None
    if year:
        return _day(_valid(_year(year, ref), month, day))
    return _day(nearest_day(month, day, ref, future)) if ref else None


def _numeric(text: str) -> DateValue | None:
    if m := ISO_DATE.match(text):
        return _day(_valid(int(m[1]), int(m[2]), int(m[3])))
    if m := YEAR_ONLY.match(text):
        return DateValue(value=date(int(m[1]), 1, 1), precision="year")
    return None


def _shifted(unit: str, shift: int, ref: date) -> DateValue:
    if unit == "day":
        return DateValue(value=ref + timedelta(days=shift), precision="day")
    if unit == "week":
        return DateValue(value=ref + timedelta(weeks=shift), precision="day")
    if unit == "month":
        return DateValue(value=shift_months(ref, shift), precision="month")
    return DateValue(value=date(ref.year + shift, 1, 1), precision="year")


def _count(word: str, rules: TimeRules) -> int | None:
    return int(word) if word.isdigit() else rules.numbers.words.get(word)


def _ago(text: str, ref: date, rules: TimeRules) -> DateValue | None:
    """"two days ago", "a year ago": before the publication date."""
    m = AGO.match(text)
    count = _count(m[1], rules) if m else None
    return _shifted(m[2], -count, ref) if count is not None else None


def _anaphor(clean: str, rules: TimeRules) -> tuple[str, int | None] | None:
    """(unit, signed count) of an anaphoric expression, its leading modifiers dropped."""
    for variant in _variants(clean, rules):
        if shift := rules.anaphoric.phrases.get(variant):
            return shift.unit, shift.shift
        if m := ANAPHOR.match(variant):
            count = _count(m[1], rules)
            return m[2], None if count is None else -count if m[3] in BEFORE else count
    return None


def is_anaphoric(text: str, rules: TimeRules) -> bool:
    """"two days later", "the following day": dated from the date mentioned before, not publication."""
    return _anaphor(normalise(text), rules) is not None


def resolve_anaphoric(text: str, anchor: DateValue | None, rules: TimeRules) -> DateValue | None:
    """An anaphoric expression shifted from ``anchor``, the date the text mentioned before it;
    ``None`` without an anchor precise enough for the shift (a shift in days needs a day)."""
    found = _anaphor(normalise(text), rules)
    if found is None or found[1] is None or anchor is None:
        return None
    unit, count = found
    return _shifted(unit, count, anchor.value) if anchor.precision in _ANCHOR_NEEDS[unit] else None


def _weekday(text: str, ref: date, future: bool) -> DateValue | None:
    """"Monday", "last Tuesday", "next Friday", "Sunday night"."""
    m = WEEKDAY_REL.match(text)
    if not m:
        return None
    ahead = m[1] in ("next", "coming") or (future and m[1] != "last" and m[1] != "past")
    return _day(weekday_date(weekday_number(m[2]), ref, ahead, strict=m[1] in ("last", "past")))


def _relative(text: str, ref: date, rules: TimeRules) -> DateValue | None:
    shift = rules.relative.phrases.get(text)
    return _shifted(shift.unit, shift.shift, ref) if shift else None


def _variants(text: str, rules: TimeRules) -> list[str]:
    """The expression, then with leading modifier words dropped one by one ("in early March")."""
    words, out = text.split(), [text]
    while len(words) > 1 and (words[0] in rules.modifiers.words or CLOCK.match(words[0])):
        words = words[1:]
        out.append(" ".join(words))
    return out


def _resolve_one(text: str, ref: date | None, future: bool, rules: TimeRules) -> DateValue | None:
    found = _numeric(text) or _explicit(text, ref, future)
    if found or ref is None:
        return found
    return _relative(text, ref, rules) or _ago(text, ref, rules) or _weekday(text, ref, future)


def resolve(text: str, ref: date | None, rules: TimeRules, future: bool = False) -> DateValue | None:
    """Resolve one time expression as written; ``None`` when it names no reliable date."""
    clean = normalise(text)
    if clean in rules.vague.phrases or is_anaphoric(clean, rules):
        return None
    for variant in _variants(clean, rules):
        found = _resolve_one(variant, ref, future, rules)
        if found:
            return found
    return _fallback(clean, ref)


def _fallback(text: str, ref: date | None) -> DateValue | None:
    """dateparser, for a full date (day, month and year) written in a form the patterns miss."""
    if not (re.search(MONTH, text) and re.search(r"\d{4}", text)):
        return None
    import dateparser

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"}
    if ref:
        settings["RELATIVE_BASE"] = datetime(ref.year, ref.month, ref.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return _day(parsed.date()) if parsed else None
