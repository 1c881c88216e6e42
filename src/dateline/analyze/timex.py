"""Dates of spoken and reported words: "on Friday" in a Saturday story is the Friday before.

A small resolver for the relative and absolute day and month expressions that date claims.
It is the seed of the full TIMEX3 tagger (timexes); it returns ISO values or None, never raises.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}

_LEAD = re.compile(r"^(on|in|at|during|since|by|until|from|this|earlier|late|early)\s+", re.I)
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_MONTH_DAY = re.compile(r"\b([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?(?:,?\s+(\d{4}))?\b")
_MONTH_YEAR = re.compile(r"^([A-Za-z]+)\.?(?:,?\s+(\d{4}))?$")


def anchor_date(published: str | None) -> date | None:
    """The document date from an ISO date or datetime string."""
    if not published:
        return None
    m = _ISO.search(published)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def resolve_date(expression: str, published: str | date | None) -> str | None:
    """ISO value of a day or month expression, anchored on the publication date.

    Weekdays resolve to the day on or before the anchor ("Friday" in a Saturday story is the day
    before; "Saturday" is the same day). Months without a year take the anchor's year unless
    that would be after the anchor, then the year before.
    """
    anchor = published if isinstance(published, date) else anchor_date(published)
    expr = _LEAD.sub("", expression.strip().rstrip(".,")).strip()
    low = expr.lower()
    if low.startswith("last "):
        low, back = low[5:], True
    else:
        back = False
    m = _ISO.search(expr)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            return None
    if anchor is None:
        return None
    if low in RELATIVE_DAYS:
        return (anchor + timedelta(days=RELATIVE_DAYS[low])).isoformat()
    for word in low.split():
        if word in WEEKDAYS:
            diff = (anchor.weekday() - WEEKDAYS.index(word)) % 7
            if back and diff == 0:
                diff = 7
            return (anchor - timedelta(days=diff)).isoformat()
    for rx, mi, di in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        m = rx.search(expr)
        if m and m.group(mi).lower() in MONTHS:
            month, day = MONTHS[m.group(mi).lower()], int(m.group(di))
            year = int(m.group(3)) if m.group(3) else None
            try:
                if year is None:
                    year = anchor.year
                    if date(year, month, day) > anchor:
                        year -= 1
                return date(year, month, day).isoformat()
            except ValueError:
                return None
    m = _MONTH_YEAR.match(expr)
    if m and m.group(1).lower() in MONTHS:
        month = MONTHS[m.group(1).lower()]
        year = int(m.group(2)) if m.group(2) else anchor.year - (month > anchor.month)
        return f"{year:04d}-{month:02d}"
    return None
