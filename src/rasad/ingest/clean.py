"""Strip page furniture from article text, keeping a map back to the raw text.

Extracted article text (from a copy-paste, a scraper or trafilatura) still
carries debris: search boxes, visitor counters, comment forms and captchas,
share buttons, copyright lines, "related news" lists, a headline and
truncated lead repeated above the body, Latin spam, footer verses. The
cleaner works line by line:

1. Lines that are debris wherever they appear are dropped: known phrases and
   patterns (data/debris.yaml), mostly-Latin lines, menu bars made of debris
   words, lines without letters, duplicates of a line already kept, a
   truncated lead ("...") whose text recurs below, and "related news" lists
   (a list heading and the unpunctuated short lines under it).
2. The body runs from the first to the last *anchor*: a line that reads as
   prose (long enough, or punctuated like a sentence). Everything in the body
   is kept.
3. Before and after the body only the title (the first headline-like line)
   and dateline/byline/source lines are kept: "صوت العاصمة – خاص",
   "المصدر: ...", a known outlet's name, "place - outlet", a short line with
   a full date. The rest (captions, section names, footer verses) goes.

Kept lines are joined with newlines; `OffsetMap` maps every clean offset to
the raw text, so `raw[span_to_source(a, b)]` is the clean paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..arabic.normalize import norm
from ..model import OffsetMap
from ..settings import Settings
from .dates import dates_in
from .outlet import dateline_outlet, resolve_outlet
from .resources import EDGE_PUNCT, IngestResources, resources

# Line breaks (a run of any of them ends a line) and what is trimmed from a line's ends.
_LINE = re.compile(r"[^\n\r\v\f\x85\u2028\u2029]+")
_STRIP = " \t\u00a0\u200b\u200c\u200d\u200e\u200f\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u3000"
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u066e-\u06d3\u06fa-\u06fc]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_HAS_LETTER = re.compile(r"[^\W\d_]")
# A "word" that is only punctuation (– , «), in " " + a whitespace-folded line: every token there follows a space,
# so the search only starts at spaces (found fast), not at every character as a look-behind would.
_PUNCT_TOKEN = re.compile(r" [^\w\s]+(?!\S)")
_DIGIT = re.compile(r"\d|[\u0660-\u0669]")
_ELLIPSIS = re.compile(r"(?:\.{2,}|…)\s*$")
_TRAILING_CLOSERS = "\"'»”’)]} "

# Line classes.
TEXT, KEEP, EDGE, DROP = "text", "keep", "edge", "drop"


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The clean text, its map to the raw text, the title found, and what was dropped (raw spans, why)."""

    text: str
    offsets: OffsetMap
    title: str | None
    dropped: tuple[tuple[int, int, str], ...] = ()


@dataclass(slots=True)
class _Line:
    start: int  # raw offsets of the stripped line
    end: int
    text: str
    flat: str  # whitespace folded
    key: str  # normalised (short lines only), whitespace folded
    pkey: str  # phrase key: key with edge punctuation trimmed
    words: int
    terminal: bool  # ends like a sentence
    blank_after: bool  # followed by an empty line (or nothing)
    short: bool  # few enough words to be furniture
    kind: str = TEXT
    why: str = ""


def clean(raw: str, settings: Settings | None = None, title: str | None = None) -> Cleaned:
    """Clean `raw`; if `title` is given (HTML metadata), it leads the text and its repeats are dropped."""
    res = resources(settings)
    th = res.thresholds
    lines = _split(raw, th.get("terminal_punctuation", ".!?؟…:؛»”\""), th.get("pattern_max_words", 40))
    _classify(lines, res)
    _drop_lists(lines, res, th)
    _drop_repeated_leads(lines, th)
    title_line = _find_title(lines, th) if title is None else None
    _trim_edges(lines, th, title_line, res)
    _drop_duplicates(lines, title)

    kept = [ln for ln in lines if ln.kind != DROP]
    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    pos = 0
    if title:
        title = " ".join(title.split())
        parts.append(title)
        pos = len(title) + 1
    for ln in kept:
        segments.append((pos, ln.start, ln.end - ln.start))
        parts.append(ln.text)
        pos += len(ln.text) + 1
    text = "\n".join(parts)
    found_title = title or (title_line.text if title_line is not None and title_line.kind != DROP else None)
    dropped = tuple((ln.start, ln.end, ln.why) for ln in lines if ln.kind == DROP)
    return Cleaned(text, OffsetMap(tuple(segments)), found_title, dropped)


# --------------------------------------------------------------------------- steps


def _split(raw: str, terminal: str, short_words: int) -> list[_Line]:
    lines: list[_Line] = []
    prev_end = -1
    for m in _LINE.finditer(raw):
        s, e = m.span()
        seg = m.group()
        lstrip = len(seg) - len(seg.lstrip(_STRIP))
        if lstrip == len(seg):
            continue
        rstrip = len(seg) - len(seg.rstrip(_STRIP))
        s, e = s + lstrip, e - rstrip
        text = raw[s:e]
        if lines and _blank_between(raw, prev_end, s):
            lines[-1].blank_after = True
        tokens = text.split()
        flat = " ".join(tokens)
        words = len(tokens) - len(_PUNCT_TOKEN.findall(" " + flat))
        # Only short lines can be furniture, so only they need the (costly) matching form.
        key = " ".join(norm(flat).split()) if words <= short_words else flat
        body = text.rstrip(_TRAILING_CLOSERS)
        lines.append(_Line(
            start=s, end=e, text=text, flat=flat, key=key, pkey=key.strip(EDGE_PUNCT), words=words,
            terminal=bool(body) and (body[-1] in terminal or text[-1] in terminal),
            blank_after=False, short=words <= short_words,
        ))
        prev_end = e
    if lines:
        lines[-1].blank_after = True
    return lines


def _blank_between(raw: str, a: int, b: int) -> bool:
    """True when the gap raw[a:b] between two lines holds an empty line."""
    gap = raw[a:b]
    return gap.count("\n") >= 2 or gap.count("\r") >= 2 and "\n" not in gap


def _classify(lines: list[_Line], res: IngestResources) -> None:
    th = res.thresholds
    min_latin = th.get("latin_min_letters", 3)
    latin_ratio = th.get("latin_ratio", 0.5)
    floating_max = th.get("floating_max_words", 15)
    for ln in lines:
        if not _HAS_LETTER.search(ln.text) and not _DIGIT.search(ln.text):
            ln.kind, ln.why = DROP, "no letters or digits"
            continue
        latin = len(_LATIN_LETTER.findall(ln.text)) if _LATIN_LETTER.search(ln.text) else 0
        if latin >= min_latin and latin > latin_ratio * (latin + len(_ARABIC_LETTER.findall(ln.text))):
            if not (ln.short and res.keep_patterns.search(ln.key)):
                ln.kind, ln.why = DROP, "latin"
                continue
        if not ln.short:
            continue
        if ln.pkey in res.debris_lines:
            ln.kind, ln.why = DROP, "debris phrase"
        elif res.keep_patterns.search(ln.key) or _outlet_dateline(ln, res):
            ln.kind = KEEP
        elif res.debris_patterns.search(ln.key, floating=ln.words <= floating_max):
            ln.kind, ln.why = DROP, "debris pattern"
        elif res.edge_patterns.search(ln.key, floating=ln.words <= floating_max):
            ln.kind = EDGE
        elif 4 <= ln.words <= 15 and _menu_share(ln, res) >= 0.6:
            ln.kind, ln.why = DROP, "menu"


def _outlet_dateline(ln: _Line, res: IngestResources) -> bool:
    """A byline that is a known outlet's name, or a short "place - outlet" / "outlet | date" dateline."""
    if ln.words > 8:
        return False
    return resolve_outlet(ln.pkey, res) is not None or dateline_outlet(ln.key, res) is not None


def _dated_line(ln: _Line, res: IngestResources, max_words: int) -> bool:
    """A short line holding a full date ("عفرين، الأربعاء 14 آذار 2018"): a dateline."""
    return ln.words <= max_words and _DIGIT.search(ln.text) is not None and bool(dates_in(ln.key, res))


def _menu_share(ln: _Line, res: IngestResources) -> float:
    """Share of a line's words that are debris phrases on their own (a menu bar)."""
    words = [w.strip(EDGE_PUNCT) for w in ln.key.split()]
    words = [w for w in words if w]
    return sum(w in res.debris_lines for w in words) / len(words) if words else 0.0


def _is_anchor(ln: _Line, th: dict) -> bool:
    """A line that reads as prose: long, or punctuated like a sentence."""
    if ln.kind != TEXT:
        return False
    return ln.words >= th.get("sentence_min_words", 8) or (ln.terminal and ln.words >= th.get("short_sentence_min_words", 3))


def _drop_lists(lines: list[_Line], res: IngestResources, th: dict) -> None:
    """A "related news"/"read also" heading and the list of short headlines under it."""
    max_words = th.get("list_item_max_words", 20)
    in_list = False
    for ln in lines:
        if ln.pkey in res.block_headings:
            ln.kind, ln.why, in_list = DROP, "list heading", True
        elif in_list:
            if ln.kind == DROP:
                continue
            if ln.kind in (TEXT, EDGE) and not ln.terminal and ln.words <= max_words:
                ln.kind, ln.why = DROP, "list item"
            else:
                in_list = False


def _drop_repeated_leads(lines: list[_Line], th: dict) -> None:
    """A teaser ending in "..." whose text (minus its cut last word) recurs further down."""
    min_chars = th.get("lead_prefix_min_chars", 20)
    joined: str | None = None
    starts: list[int] = []
    for i, ln in enumerate(lines):
        if ln.kind == DROP or not ln.flat.endswith(("..", "…")):
            continue
        head = _ELLIPSIS.sub("", ln.flat).rstrip()
        head = head.rsplit(" ", 1)[0] if " " in head else head
        if len(head) < min_chars:
            continue
        if joined is None:
            pos = 0
            for other in lines:
                starts.append(pos)
                pos += len(other.flat) + 1
            joined = " ".join(other.flat for other in lines)
        if joined.find(head, starts[i] + len(ln.flat)) >= 0:
            ln.kind, ln.why = DROP, "repeated lead"


def _find_title(lines: list[_Line], th: dict) -> _Line | None:
    """The first prose-free line that reads as a headline, if the text opens with one."""
    live = [ln for ln in lines if ln.kind != DROP]
    first = next((i for i, ln in enumerate(live) if ln.kind == TEXT), None)
    if first is None or first == len(live) - 1:
        return None
    ln = live[first]
    if not th.get("title_min_words", 3) <= ln.words <= th.get("title_max_words", 25):
        return None
    if ln.flat[-1:] in ",;:،؛":
        return None
    if _ARABIC_LETTER.search(ln.text) is None:
        return None
    if not ln.terminal:
        return ln
    nxt = live[first + 1]
    if ln.words <= th.get("title_max_words_punctuated", 14) and (ln.blank_after or nxt.kind == KEEP):
        return ln
    return None


def _trim_edges(lines: list[_Line], th: dict, title: _Line | None, res: IngestResources) -> None:
    """Outside the body keep only the title and dateline/byline/source lines."""
    anchors = [i for i, ln in enumerate(lines) if ln is not title and _is_anchor(ln, th)]
    if not anchors:
        for ln in lines:  # no prose to anchor on: keep what is not debris
            if ln.kind == EDGE:
                ln.kind, ln.why = DROP, "edge debris"
        return
    first, last = anchors[0], anchors[-1]
    dateline_max = th.get("dateline_max_words", 10)
    for i, ln in enumerate(lines):
        if ln.kind in (DROP, KEEP) or ln is title or first <= i <= last:
            continue
        if ln.kind == TEXT and _dated_line(ln, res, dateline_max):
            ln.kind = KEEP
            continue
        ln.kind, ln.why = DROP, "header" if i < first else "footer"


def _drop_duplicates(lines: list[_Line], title: str | None) -> None:
    seen: set[str] = set()
    if title:
        seen.add(" ".join(norm(title).split()).strip(EDGE_PUNCT))
    for ln in lines:
        if ln.kind == DROP:
            continue
        if ln.pkey in seen:
            ln.kind, ln.why = DROP, "duplicate"
        else:
            seen.add(ln.pkey)


__all__ = ["Cleaned", "clean"]
