"""Reading the YAML of ``story.yml`` and Markdown front matter as plain, checked values.

PyYAML's safe loader builds only plain values, but what it builds is still input:
a second ``title:`` silently replaces the first, an impossible date or a bad
``!!int`` raises errors other than `yaml.YAMLError`, deep nesting exhausts the
stack, and ``!!binary`` gives bytes. Everything here turns those into an
`InputError` with a message for the maintainer, so a caller catches one kind of
error.
"""

from __future__ import annotations

import datetime
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node

from digest.errors import InputError

MAX_DEPTH = 50
"""Nesting a story file or front matter may use; real ones use three levels."""
MAX_NUMBER = 10**18
"""Largest whole number accepted as a value; larger ones are not dates, counts or names."""


class _CheckedLoader(yaml.SafeLoader):
    """The safe loader, refusing duplicate keys and nesting past `MAX_DEPTH`."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        depth = getattr(self, "_depth", 0) + 1
        if depth > MAX_DEPTH:
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise InputError(f"line {mark.line + 1}: nested more than {MAX_DEPTH} levels deep")
        self._depth = depth
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth = depth - 1

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                duplicate = key in seen
                seen.add(key)
            except TypeError:
                raise InputError(
                    f"line {key_node.start_mark.line + 1}: a key must be a plain value"
                ) from None
            if duplicate:
                raise InputError(
                    f"line {key_node.start_mark.line + 1}: the key '{key}' appears twice; "
                    "a second value would silently replace the first"
                )
        return super().construct_mapping(node, deep=deep)

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as error:
            # A tagged or implicit value that cannot be built (2025-02-30, !!int abc): say where.
            raise InputError(
                f"line {node.start_mark.line + 1}: holds a value YAML cannot build ({_first_line(error)})"
            ) from None


def load(text: str) -> Any:
    """The value of a YAML document, or `InputError` saying what is wrong and on which line."""
    try:
        return yaml.load(text, Loader=_CheckedLoader)  # a SafeLoader subclass
    except InputError:
        raise
    except yaml.YAMLError as error:
        raise InputError(_reason(error)) from None
    except RecursionError:
        raise InputError(f"nested more than {MAX_DEPTH} levels deep") from None
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as error:
        # Constructors of tagged or implicit values (!!int abc, 2025-02-30, !!bool maybe).
        raise InputError(f"holds a value YAML cannot build ({_first_line(error)})") from None


def scalar_text(value: Any) -> str | None:
    """One field's value as text, or `InputError` when it is not a single plain value."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, bytes):
        raise InputError("is binary data (!!binary), not text")
    if isinstance(value, int) and abs(value) > MAX_NUMBER:
        raise InputError(
            f"is a number of about {value.bit_length() * 3 // 10 + 1:,} digits, too large for this field"
        )
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (str, int, float)):
        return str(value).strip() or None
    raise InputError(f"expected a single value, got {type(value).__name__}")


def _reason(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None)
    if mark is not None and problem:
        # What was left open, and where ("while scanning a quoted scalar" on line 2), says more
        # than where the text ran out.
        context, opened = getattr(error, "context", None), getattr(error, "context_mark", None)
        if context and opened is not None and opened.line != mark.line:
            return f"line {mark.line + 1}: {problem} ({context} that starts on line {opened.line + 1})"
        return f"line {mark.line + 1}: {problem}"
    return _first_line(error)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
