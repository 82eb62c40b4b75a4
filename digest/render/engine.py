"""A minimal ``mkdocs.yml`` for building rendered pages without the digest plugin.

``digest render`` writes it next to the pages so that plain ``mkdocs build``,
or any engine that reads ``mkdocs.yml`` (Zensical does, ignoring plugins),
builds the same site. It keeps claim, article and story pages out of the
navigation as the plugin does: a nav listing thousands of generated pages is
repeated on every one of them.
"""

from __future__ import annotations

from typing import Any

import yaml

from digest.render import paths
from digest.render.site import STYLESHEETS

MARKDOWN_EXTENSIONS: list[Any] = ["tables", "md_in_html", {"toc": {"permalink": True}}]
"""The extensions the generated pages are written for, plus anchors on headings."""


WRITTEN_BY_RENDER = "# Written by `digest render`, which replaces this file and docs/ on every run.\n"
"""The first line of the configuration `digest render` writes: how it knows a folder is its own."""


def mkdocs_yml(site_name: str, docs_dir: str) -> str:
    config = {
        "site_name": site_name,
        "docs_dir": docs_dir,
        # No web fonts: a page would otherwise ask Google Fonts for them on every visit.
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
        "markdown_extensions": MARKDOWN_EXTENSIONS,
        "extra_css": list(STYLESHEETS),
        "nav": [{"Stories": paths.HOME}, {"How to read this site": paths.READING}],
    }
    # Gitignore-style patterns read best as a literal block; they are constants, not input.
    patterns = "".join(f"  /{folder}/\n" for folder in paths.NOT_IN_NAV)
    body = yaml.safe_dump(config, sort_keys=False, allow_unicode=True)
    return WRITTEN_BY_RENDER + body + f"not_in_nav: |\n{patterns}"
