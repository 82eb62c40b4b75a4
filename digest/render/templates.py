"""The Jinja2 templates that lay out each kind of generated page, and where a site overrides them.

Every template is rendered with autoescaping on, so a value that is not
explicitly markup is escaped. The render modules pass two kinds of values:
plain text (escaped here), and fragments they built with `digest.render.markup`,
in which every piece of input text has already gone through `markup.inert`.
Templates never mark input text safe.

A site may replace any template by putting a file of the same name in its
override folder (the plugin's ``templates_dir`` option), the way a theme's
``overrides/`` folder works; `use` points the loader there before pages are rendered.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup

_override: str | None = None


def use(folder: str | None) -> None:
    """Look for templates in ``folder`` first (None: the package's own only)."""
    global _override
    _override = folder


@lru_cache(maxsize=4)
def _environment(folder: str | None) -> Environment:
    loaders: list[Any] = [PackageLoader("digest.render", "templates")]
    if folder:
        loaders.insert(0, FileSystemLoader(folder))
    return Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(name: str, **context: Any) -> str:
    return _environment(_override).get_template(name).render(**context)


def markup(fragment: str) -> Markup:
    """A fragment built by `digest.render.markup` (input text already inert), for a template."""
    return Markup(fragment)


def fingerprint(folder: str | None) -> str:
    """A hash of every template in use, so cached pages follow a template change."""
    digest = hashlib.sha256()
    own = resources.files("digest.render").joinpath("templates")
    for entry in sorted(own.iterdir(), key=lambda e: e.name):
        digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    if folder and Path(folder).is_dir():
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                digest.update(b"override\0" + path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
