"""Download one web page for ``digest add``, within limits a maintainer can rely on.

A page comes from a server nobody here controls: it may be slow, huge, not a
page at all, or send the request round in circles. Each of those ends in a
`FetchError` whose message says what happened, so the maintainer knows which
link to fix. Redirects are followed by hand, so that every hop is checked: only
``http`` and ``https`` addresses are ever requested.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPException, HTTPMessage, HTTPResponse
from urllib.parse import urljoin, urlsplit

from digest.ingest import MAX_ARTICLE_BYTES

WEB_SCHEMES = ("http", "https")
HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_REDIRECTS = 5
"""News sites redirect once or twice (http to https, a short link to the article); five
hops is generous, and a longer chain is as useless to a reader as a loop."""
DEFAULT_TIMEOUT = 20.0
_CHUNK = 65_536
_USER_AGENT = "parallax-digest"


class FetchError(Exception):
    """A page could not be fetched; the message says why, without the address (callers add it)."""


@dataclass(frozen=True, slots=True)
class Page:
    url: str
    """The address the page was finally served from, after redirects."""
    body: bytes
    charset: str | None
    """The character set the server declared, if any."""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hand every redirect back to `fetch`, which checks the target before following it."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


def check_address(url: str) -> None:
    """Refuse anything but a plain web address (no ``file:``, ``ftp:``, ``javascript:``...)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number from 0 to 65535
    except ValueError as error:
        raise FetchError(f"is not a valid address ({error})") from None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        raise FetchError(f"is not an http:// or https:// address ({url[:200]})")


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = MAX_ARTICLE_BYTES) -> Page:
    """The HTML page at ``url``; raises `FetchError` with the reason when there is none.

    ``timeout`` bounds the whole download, redirects included, not only each socket wait,
    so a server that sends one byte a second cannot hold the command forever.
    """
    check_address(url)
    deadline = time.monotonic() + timeout
    seen = [url]
    while True:
        location = _get(url, deadline, timeout, max_bytes)
        if isinstance(location, Page):
            return location
        url = _next_hop(urljoin(url, location.strip()), seen)


def _get(url: str, deadline: float, timeout: float, max_bytes: int) -> Page | str:
    """One request: the page, or the ``Location`` a redirect points to."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError(f"no complete answer within {timeout:g} seconds (timeout)")
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT, "Accept": "text/html"})
    try:
        with _OPENER.open(request, timeout=remaining) as response:
            _check_type(response.headers)
            body = _read_capped(response, max_bytes, deadline, timeout)
            return Page(response.geturl() or url, body, response.headers.get_content_charset())
    except urllib.error.HTTPError as error:
        location = error.headers.get("Location") if 300 <= error.code < 400 else None
        error.close()
        if location is None:
            raise FetchError(_status_reason(error.code, error.reason)) from None
        return str(location)
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise FetchError(f"no answer within {timeout:g} seconds (timeout)") from None
        raise FetchError(f"cannot be reached ({_words(error.reason)})") from None
    except TimeoutError:
        raise FetchError(f"no complete answer within {timeout:g} seconds (timeout)") from None
    except (HTTPException, OSError, ValueError) as error:
        raise FetchError(f"the connection failed ({_words(error)})") from None


def _next_hop(url: str, seen: list[str]) -> str:
    """The redirect target, once it is known to be a web address not visited before."""
    try:
        check_address(url)
    except FetchError:
        raise FetchError(f"redirects to {url[:200]}, which is not an http(s) address; not followed") from None
    if url in seen:
        raise FetchError("redirect loop (" + " -> ".join([*seen[seen.index(url) :], url]) + ")")
    seen.append(url)
    if len(seen) > MAX_REDIRECTS + 1:
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")
    return url


def _check_type(headers: HTTPMessage) -> None:
    content_type = headers.get_content_type()
    declared = headers.get("Content-Type")
    if declared is None or content_type not in HTML_TYPES:
        raise FetchError(f"is not an HTML page (Content-Type: {declared or 'none'})")


def _read_capped(response: HTTPResponse, max_bytes: int, deadline: float, timeout: float) -> bytes:
    """The body, stopping as soon as it passes ``max_bytes`` or the deadline."""
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"is too large ({int(declared):,} bytes, more than the {max_bytes:,} allowed)")
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = response.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"is too large (more than the {max_bytes:,} bytes allowed)")
        if time.monotonic() > deadline:
            raise FetchError(f"no complete answer within {timeout:g} seconds (timeout)")
        chunks.append(chunk)


def _status_reason(code: int, reason: str) -> str:
    words = f"HTTP {code} {reason}".strip()
    if code == 404:
        return f"not found ({words})"
    if code == 410:
        return f"gone ({words})"
    if 500 <= code < 600:
        return f"server error ({words})"
    if 300 <= code < 400:
        return f"redirect without a Location ({words})"
    return f"refused ({words})"


def _words(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or type(reason).__name__
