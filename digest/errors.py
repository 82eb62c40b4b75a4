"""Errors that carry a message meant for the person who maintains the story folder."""

from __future__ import annotations


class InputError(ValueError):
    """A file cannot be used; the message says why, without the file name (callers add it)."""


class MissingExtra(InputError):
    """An optional dependency needed for this file is not installed."""
