"""An Atom feed of the stories, so readers can follow a digest in a feed reader.

The feed is built from the stories alone, like every other generated file: no
build time appears in it (the feed's ``updated`` is the newest story's date),
so the same stories give a byte-identical feed. Links are relative to the
feed's own address at the site root, which feed readers resolve; ids are
name-based UUIDs, stable for a story id whatever the site's address.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import date, datetime, timezone

from digest.model import Story
from digest.render import paths
from digest.render.home import newest_first
from digest.render.markup import plural, shown_controls
from digest.render.story_page import counts
from digest.render.times import parsed

ATOM = "http://www.w3.org/2005/Atom"
EPOCH = "1970-01-01T00:00:00Z"
"""The ``updated`` of an undated story (Atom requires one); sorts it last, as the home page does."""

# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", shown_controls(value))


def timestamp(value: str | None) -> str | None:
    """An RFC 3339 UTC time for a story date (``2025-10-08`` or a full ISO time), else None."""
    if not value:
        return None
    moment = parsed(value)
    if moment is None:
        try:
            moment = datetime.combine(date.fromisoformat(value.strip()[:10]), datetime.min.time())
        except ValueError:
            return None
    if moment.tzinfo is not None:
        try:
            moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
        except OverflowError:  # a time near year 1 or 9999 whose offset moves it past the calendar
            return None
    if moment.year < 1000:  # strftime pads years below 1000 differently across platforms
        return None
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def feed_id(title: str, story_id: str | None = None) -> str:
    """A name-based URN: stable across builds, distinct per digest title and per story."""
    name = f"parallax-digest:{title}" + (f":story:{story_id}" if story_id is not None else "")
    return uuid.uuid5(uuid.NAMESPACE_URL, name).urn


def summary(story: Story) -> str:
    """Plain text (the XML writer escapes it): who covered the story and how much they share."""
    by_all, some, alone = counts(story)
    outlets = ", ".join(a.source.outlet for a in story.articles) or "no readable articles"
    return (
        f"{plural(len(story.articles), 'outlet')} ({outlets}); facts reported by all outlets: {by_all}, "
        f"by some but not all: {some}, by one outlet only: {alone}."
    )


def render(stories: Sequence[Story], title: str = "Parallax digest") -> str:
    """The feed document: one entry per story, newest first."""
    # Ordered by the time each entry states, so a date no reader can parse sorts last.
    ordered = sorted(newest_first(stories), key=lambda s: timestamp(s.meta.date) or EPOCH, reverse=True)
    stamps = [timestamp(story.meta.date) for story in ordered]
    updated = max((stamp for stamp in stamps if stamp), default=EPOCH)
    feed = ET.Element("feed", {"xmlns": ATOM})
    ET.SubElement(feed, "id").text = feed_id(title)
    ET.SubElement(feed, "title").text = _text(title)
    ET.SubElement(feed, "updated").text = updated
    ET.SubElement(feed, "link", {"rel": "self", "href": paths.FEED})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": "./"})
    ET.SubElement(ET.SubElement(feed, "author"), "name").text = _text(title)
    ET.SubElement(feed, "generator").text = "Parallax"
    for story, stamp in zip(ordered, stamps, strict=True):
        entry = ET.SubElement(feed, "entry")
        ET.SubElement(entry, "id").text = feed_id(title, story.meta.id)
        ET.SubElement(entry, "title").text = _text(story.meta.title)
        ET.SubElement(entry, "updated").text = stamp or EPOCH
        href = paths.url(paths.story(story.meta.id))
        ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": href})
        ET.SubElement(entry, "summary").text = _text(summary(story))
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
