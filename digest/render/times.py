"""Publication times and story dates as outlets and story.yml files write them: read once, here,
for the feed (which needs them in UTC) and for the pages (which show them as written)."""

from __future__ import annotations

from datetime import datetime

from digest.render.markup import inert

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def parsed(value: str | None) -> datetime | None:
    """An ISO date, or date and time with or without an offset ("Z" included), else None."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def shown(value: str | None) -> str:
    """A publication time as a reader reads it, already inert: "8 Oct 2025, 11:04 (UTC+01:00)".

    The time is shown as the outlet gave it, in its own offset, never converted. A value that is
    not an ISO date or date and time is shown as written.
    """
    moment = parsed(value)
    if moment is None or value is None:
        return inert(value)
    day = f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"
    if len(value.strip()) <= 10:
        return inert(day)
    offset = moment.strftime("%z")
    zone = f" (UTC{offset[:3]}:{offset[3:]})" if offset else ""
    return inert(f"{day}, {moment.hour:02d}:{moment.minute:02d}{zone}")
