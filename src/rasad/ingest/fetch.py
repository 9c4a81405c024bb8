"""Fetch one article URL with httpx, defensively.

Only http and https, for the URL and for every redirect target; redirects
followed by hand up to `Settings.url_max_redirects`; the body streamed and
cut off at `Settings.url_max_bytes` (a Content-Length over the limit is
refused before reading); `Settings.url_timeout` bounds each network wait and
the whole transfer. Only HTML (or plain text) is accepted. Every failure is
one short reason, never an exception.
"""
from __future__ import annotations

import hashlib
import re
import time
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from ..model import IngestProblem, RawInput
from ..settings import Settings

if TYPE_CHECKING:
    import httpx

ALLOWED_SCHEMES = ("http", "https")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
_USER_AGENT = "rasad/0.1 (Arabic conflict news archive)"
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_:.\-]+)", re.I)
_ID_UNSAFE = re.compile(r"[^\w.\-]+")


def is_url(s: str) -> bool:
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.\-]*://", s))


def url_id(url: str) -> str:
    """A readable, stable id for a URL: host and path, plus a short hash of the whole URL."""
    parts = urlsplit(url)
    slug = _ID_UNSAFE.sub("_", f"{(parts.hostname or '').removeprefix('www.')}{parts.path}").strip("_.")[:80]
    return f"{slug}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:8]}"


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{n / 1024:.0f} KB"


def make_client(settings: Settings) -> httpx.Client:
    """An httpx client for `fetch`: no automatic redirects, the settings' timeout, no proxy env.
    (httpx is imported here, on first use, not with the module: local inputs never need it.)"""
    import httpx

    return httpx.Client(
        follow_redirects=False,
        timeout=httpx.Timeout(settings.url_timeout),
        headers={"User-Agent": _USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8"},
        trust_env=False,
    )


def fetch(url: str, settings: Settings, client: httpx.Client | None = None) -> RawInput | IngestProblem:
    """Download `url` into a RawInput (bytes, declared charset, format), or say why not."""
    own = client is None
    if own:
        client = make_client(settings)
    try:
        return _fetch(url, settings, client)
    finally:
        if own:
            client.close()


def _fetch(url: str, settings: Settings, client: httpx.Client) -> RawInput | IngestProblem:
    import httpx

    deadline = time.monotonic() + settings.url_timeout
    current = url
    for hop in range(settings.url_max_redirects + 1):
        scheme = urlsplit(current).scheme.lower()
        if scheme not in ALLOWED_SCHEMES:
            where = "redirected to" if hop else "unsupported URL scheme"
            return IngestProblem(url, f"{where} {scheme}:// (only http and https are fetched)")
        try:
            with client.stream("GET", current) as resp:
                if resp.is_redirect:
                    location = resp.headers.get("location")
                    if not location:
                        return IngestProblem(url, f"HTTP {resp.status_code} redirect without a Location")
                    current = urljoin(current, location)
                    continue
                if resp.status_code >= 400:
                    return IngestProblem(url, f"HTTP error {resp.status_code} {resp.reason_phrase}".rstrip())
                ctype = resp.headers.get("content-type", "").lower()
                mime = ctype.split(";")[0].strip()
                if mime and mime not in _HTML_TYPES + _TEXT_TYPES:
                    return IngestProblem(url, f"not an HTML page (content type {mime})")
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > settings.url_max_bytes:
                    return IngestProblem(url, f"page too large ({_size(int(declared))} > {_size(settings.url_max_bytes)})")
                body = bytearray()
                for chunk in resp.iter_bytes():
                    body.extend(chunk)
                    if len(body) > settings.url_max_bytes:
                        return IngestProblem(url, f"page too large (over {_size(settings.url_max_bytes)})")
                    if time.monotonic() > deadline:
                        return IngestProblem(url, f"timed out after {settings.url_timeout:g} s")
                m = _CHARSET.search(ctype)
                return RawInput(
                    id=url_id(url),
                    source=url,
                    data=bytes(body),
                    url=str(resp.url),
                    format="text" if mime in _TEXT_TYPES else "html",
                    charset=m.group(1) if m else None,
                )
        except httpx.TimeoutException:
            return IngestProblem(url, f"timed out after {settings.url_timeout:g} s")
        except httpx.InvalidURL as e:
            return IngestProblem(url, f"invalid URL ({e})")
        except httpx.HTTPError as e:
            return IngestProblem(url, f"could not fetch ({type(e).__name__}: {e})")
    return IngestProblem(url, f"too many redirects (more than {settings.url_max_redirects})")


__all__ = ["ALLOWED_SCHEMES", "fetch", "is_url", "make_client", "url_id"]
