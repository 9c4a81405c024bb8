"""Expand what the user named into raw inputs: files, folders, JSONL records, URLs.

- `.txt`, `.html`, `.htm` files: one article each (id = file stem).
- folders: walked recursively in sorted order, hidden files and folders
  skipped, files of other types passed over silently.
- `.jsonl` files: one article per line, `{"id", "text" | "html", "url",
  "published", "outlet", "title"}`; a bad line is one problem naming
  file:line and the other lines go on. Lines are read with a length cap, so
  a huge line is refused without holding it in memory.
- `http(s)://` URLs: fetched (rasad.ingest.fetch).

A file named explicitly with another extension is reported as skipped. Size
is checked from the file system before reading: over `max_file_bytes`, or
over 4 x `max_text_chars` (no encoding needs more than 4 bytes a character,
so such a file cannot be short enough) is refused unread.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import IngestProblem, RawInput
from ..settings import Settings
from .fetch import fetch, is_url, make_client

TEXT_SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html"}
JSONL_SUFFIXES = {".jsonl"}
_CHUNK = 1 << 20


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{n / 1024:.0f} KB"


def byte_limit(settings: Settings) -> int:
    """Most bytes a single article may have (file cap, and the text cap at 4 bytes a character)."""
    return min(settings.max_file_bytes, 4 * settings.max_text_chars)


@dataclass
class Sources:
    """The inputs the paths name, expanded (folders walked), with a count for progress.

    `entries` are files (Path), URLs (str) and problems found while expanding
    (missing paths, unsupported types, unreadable folders); `total` is about
    the number of items `iter_inputs` will yield (one per file, URL or
    problem, one per non-empty line of each JSONL file): for progress bars.
    """

    entries: list[Path | str | IngestProblem]
    total: int

    def __iter__(self) -> Iterator[Path | str | IngestProblem]:
        return iter(self.entries)


def expand(paths: Iterable[str], settings: Settings | None = None) -> Sources:
    """Walk folders and check paths up front, so a caller can show progress against a total."""
    entries = list(_entries(paths))
    total = 0
    for e in entries:
        total += _jsonl_lines(e) if isinstance(e, Path) and e.suffix.lower() in JSONL_SUFFIXES else 1
    return Sources(entries, total)


def iter_inputs(
    paths: Iterable[str] | Sources, settings: Settings | None = None
) -> Iterator[RawInput | IngestProblem]:
    """Every article the paths (or an expanded `Sources`) name, as RawInput, or an
    IngestProblem for what cannot be read. Lazy: folders are walked as it goes."""
    settings = settings or Settings()
    entries = paths if isinstance(paths, Sources) else _entries(paths)
    client = None
    try:
        for entry in entries:
            if isinstance(entry, IngestProblem):
                yield entry
            elif isinstance(entry, Path):
                yield from _file(entry, settings)
            else:
                if client is None:
                    client = make_client(settings)
                yield fetch(entry, settings, client)
    finally:
        if client is not None:
            client.close()


def _entries(paths: Iterable[str]) -> Iterator[Path | str | IngestProblem]:
    """URLs as they are, files as Paths (folders walked), problems for the rest."""
    for p in paths:
        p = str(p)
        if is_url(p):
            yield p
            continue
        path = Path(p).expanduser()
        try:
            if path.is_dir():
                yield from _walk(path)
                continue
            if not path.exists():
                yield IngestProblem(p, "no such file or folder")
                continue
        except OSError as e:
            yield IngestProblem(p, f"cannot read ({e.strerror or e})")
            continue
        suffix = path.suffix.lower()
        if suffix in TEXT_SUFFIXES or suffix in JSONL_SUFFIXES:
            yield path
        else:
            yield IngestProblem(p, f"skipped: unsupported file type {suffix or '(no extension)'}")


def _walk(folder: Path) -> Iterator[Path | IngestProblem]:
    def onerror(e: OSError) -> None:
        errors.append(IngestProblem(str(e.filename or folder), f"cannot read folder ({e.strerror or e})"))

    errors: list[IngestProblem] = []
    for root, dirs, files in os.walk(folder, onerror=onerror):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        yield from errors
        errors.clear()
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            suffix = path.suffix.lower()
            if suffix in TEXT_SUFFIXES or suffix in JSONL_SUFFIXES:
                yield path
    yield from errors


def _jsonl_lines(path: Path) -> int:
    """Non-empty lines of a JSONL file (at least 1: an unreadable or empty file is one problem)."""
    n = 0
    try:
        with open(path, "rb") as f:
            tail = b"\n"
            while chunk := f.read(_CHUNK):
                n += chunk.count(b"\n") - chunk.count(b"\n\n")
                tail = chunk[-1:]
            n += tail != b"\n"
    except OSError:
        return 1
    return max(n, 1)


def _file(path: Path, settings: Settings) -> Iterator[RawInput | IngestProblem]:
    src = str(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        yield IngestProblem(src, f"cannot read ({e.strerror or e})")
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl(path, settings)
        return
    if size == 0:
        yield IngestProblem(src, "empty file")
        return
    if size > byte_limit(settings):
        yield IngestProblem(src, f"file too large ({_size(size)} > {_size(byte_limit(settings))})")
        return
    try:
        with open(path, "rb") as f:
            data = f.read(byte_limit(settings) + 1)
    except OSError as e:
        yield IngestProblem(src, f"cannot read ({e.strerror or e})")
        return
    if len(data) > byte_limit(settings):  # grew since stat
        yield IngestProblem(src, f"file too large (over {_size(byte_limit(settings))})")
        return
    yield RawInput(id=path.stem, source=src, data=data, format=TEXT_SUFFIXES[suffix])


def _jsonl(path: Path, settings: Settings) -> Iterator[RawInput | IngestProblem]:
    limit = byte_limit(settings)
    try:
        f = open(path, "rb")
    except OSError as e:
        yield IngestProblem(str(path), f"cannot read ({e.strerror or e})")
        return
    with f:
        number = records = 0
        while True:
            try:
                line = f.readline(limit + 1)
            except OSError as e:
                yield IngestProblem(f"{path}:{number + 1}", f"cannot read ({e.strerror or e})")
                return
            if not line:
                if not records:
                    yield IngestProblem(str(path), "empty file (no JSONL records)")
                return
            number += 1
            where = f"{path}:{number}"
            if len(line) > limit and not line.endswith(b"\n"):
                records += 1
                while line and not line.endswith(b"\n"):  # skip the rest of the line unread
                    line = f.readline(_CHUNK)
                yield IngestProblem(where, f"line too long (over {_size(limit)})")
                continue
            if not line.strip():
                continue
            records += 1
            yield _record(line, where)


def _record(line: bytes, where: str) -> RawInput | IngestProblem:
    try:
        rec = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        msg = e.msg if isinstance(e, json.JSONDecodeError) else "not UTF-8"
        return IngestProblem(where, f"invalid JSON ({msg})")
    if not isinstance(rec, dict):
        return IngestProblem(where, "invalid record (not a JSON object)")
    rid = rec.get("id")
    if rid is None or (isinstance(rid, str) and not rid.strip()) or isinstance(rid, (dict, list, bool)):
        return IngestProblem(where, 'invalid record (no "id")')
    text, html = rec.get("text"), rec.get("html")
    body, fmt = (html, "html") if isinstance(html, str) and html.strip() else (text, "text")
    if not isinstance(body, str) or not body.strip():
        return IngestProblem(where, 'invalid record (no "text" or "html")')
    meta = {}
    for key in ("url", "published", "outlet", "title"):
        value = rec.get(key)
        if value is not None and not isinstance(value, (str, int, float)):
            return IngestProblem(where, f'invalid record ("{key}" is not a string)')
        meta[key] = str(value).strip() or None if value is not None else None
    return RawInput(id=str(rid).strip(), source=where, data=body, format=fmt, **meta)


__all__ = ["Sources", "byte_limit", "expand", "iter_inputs"]
