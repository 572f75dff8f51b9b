"""Resolving a time expression to a date against the publication date.

``resolve("October 24", date(2024, 11, 6))`` is 2024-10-24 (day): a date without a year is its
most recent occurrence on or before publication, or the next one when the wording is future.
Month- and year-precision values are the first day of their month or year.  Anything that names
no date reliably ("recently", "in the coming weeks", "two days") resolves to ``None``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from pactwatch.dates.data import TimeRules, load_time_rules
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
AGO = re.compile(r"^(\S+) (day|week|month|year)s? (ago|earlier|before)$")


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
    """A four- or two-digit year (two digits pivot on the reference year: '90' -> 1990)."""
    year = int(text)
    if year >= 100:
        return year
    century = (ref.year if ref else 2000) // 100 * 100
    return century + year if century + year <= (ref.year if ref else 2099) + 1 else century - 100 + year
