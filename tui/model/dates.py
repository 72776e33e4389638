"""Dates as the format stores them ("2025", "2025-07", "2025-07-22") and as people read them."""

from __future__ import annotations

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def describe_date(value: str | None, *, short: bool = False) -> str:
    """ "2025-07" -> "July 2025"; "2025-07-22" -> "22 July 2025" ("22 Jul 2025" when `short`);
    None -> ""."""
    if not value:
        return ""
    parts = value.split("-")
    try:
        if len(parts) == 1:
            return parts[0]
        month = _MONTHS[int(parts[1]) - 1]
        month = month[:3] if short else month
        if len(parts) == 2:
            return f"{month} {parts[0]}"
        return f"{int(parts[2])} {month} {parts[0]}"
    except (ValueError, IndexError):
        return value
