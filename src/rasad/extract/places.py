"""Places a document names: which name hits are places, which place each denotes, and anaphora.

- A name that is also a common word ("الميدان", "التقدم", "العروبة") is a
  place only after a place word ("حي الميدان", "شارع العروبة") or inside a
  list such a word opened ("أحياء العروبة والتقدم"), and not when a
  preposition follows it ("التقدم في التضامن" is an advance).
- A name that several places share goes to the candidate nearest the
  document's other places.
- "المخيم", "الحي", "البلدة" refer back to the last camp, neighbourhood or
  town named.
- A region named as a direction of a place ("جنوبي دمشق") also names that place.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from ..arabic.normalize import norm
from ..model import Place, PlaceRef, Token
from .context import Context, Hit, SentenceInfo, contains_any, covers, overlaps, spans_contain, spans_cover
from .resources import patterns

_START = attrgetter("start")
QUOTES = set('"\'“”«»')
# "باتجاه مدينة إدلب": where people went, not where something happened
DESTINATION = {norm(w) for w in ("إلى", "الى", "نحو", "باتجاه", "صوب", "لجهة")}


def is_destination(ctx: Context, si: SentenceInfo, p: "PlaceHit") -> bool:
    """"نحو مدينة إدلب", "إلى تركيا": where people went, not where something happened."""
    memo = si.memo.get("destination")
    if memo is None:
        memo = si.memo["destination"] = {}
    found = memo.get(p.start)
    if found is None:
        words = ctx.norm_of(max(si.start, p.start - 25), p.start).split()[-2:]
        found = memo[p.start] = not DESTINATION.isdisjoint(words)
    return found


@dataclass(slots=True)
class PlaceHit:
    start: int
    end: int
    place: Place
    sentence: int
    anaphoric: bool = False
    surface: str = ""


def _prev_words(si: SentenceInfo, offset: int, n: int = 2) -> list[Token]:
    """Up to n word tokens before offset, skipping quotes (but not other punctuation)."""
    out: list[Token] = []
    k = si.token_index(offset) - 1
    while k >= 0 and len(out) < n:
        t = si.tokens[k]
        if t.end > offset:
            k -= 1
            continue
        if t.kind == "punct":
            if t.text in QUOTES:
                k -= 1
                continue
            out.append(t)  # other punctuation stops the look-back
            break
        out.append(t)
        k -= 1
    return out


def _next_word(si: SentenceInfo, offset: int) -> Token | None:
    k = si.token_index(offset)
    while k < len(si.tokens):
        t = si.tokens[k]
        if t.start >= offset and not (t.kind == "punct" and t.text in QUOTES):
            return t
        k += 1
    return None


def _is_head(tok: Token, pat) -> bool:
    return tok.kind == "word" and (tok.norm in pat.place_heads or tok.stem in pat.place_heads
                                   or ("ال" + tok.stem) in pat.place_heads)


def _accept(si: SentenceInfo, h: Hit, accepted: list[PlaceHit], pat) -> bool:
    if not h.ambiguous:
        return True
    prev = _prev_words(si, h.start, 2)
    if prev and _is_head(prev[0], pat):
        return True
    nxt = _next_word(si, h.end)
    if nxt is not None and nxt.kind == "word" and (nxt.norm in pat.not_after or nxt.stem in pat.not_after
                                                   and nxt.prefix == ""):
        return False
    # A list continuation: "أحياء A و B" / "A، B": the previous place in this sentence
    # is close and joined by و or a comma, and the list was opened by a place word.
    same = [p for p in accepted if p.sentence == si.index and not p.anaphoric]
    if same:
        last = same[-1]
        gap = si.text[last.end - si.start:h.start - si.start]
        if len(gap.strip(" ،,\"'“”«»")) <= 1 and ("و" in gap or "،" in gap or "," in gap or gap.strip() == ""):
            return True
        tok = _prev_words(si, h.start, 1)
        if tok and tok[0].prefix.startswith("و") and len(gap) <= 3:
            return True
    # Names glued to the conjunction: "والتقدم" right after a listed place
    first = si.text[h.start - si.start:h.start - si.start + 1]
    if first == "و" and same and h.start - same[-1].end <= 3:
        return True
    return False


PLURAL_HEADS_SUFFIX = ("ي", "ات")  # منطقتي, قريتي, بلدات: a list of names follows


def _head_kind(tok: Token, pat) -> str | None:
    return _head_kind_of(tok.norm, tok.stem)


class _EndsInHead(dict):
    """matching form -> whether it ends in a place word (filled as words are met)."""

    def __missing__(self, word: str) -> bool:
        found = self[word] = word.endswith(_head_words())
        return found


_HEAD_ENDING = _EndsInHead()


@lru_cache(maxsize=1)
def _head_words() -> tuple[str, ...]:
    pat = patterns()
    return tuple(sorted(pat.landmark_heads | pat.settlement_heads))


@lru_cache(maxsize=65536)
def _head_kind_of(norm_: str, stem: str) -> str | None:
    """"landmark", "settlement" or None for a word (by its matching form and stem)."""
    pat = patterns()
    forms = {norm_, stem, norm_.lstrip("وفبل"), stem.lstrip("وفبل")}
    if forms & pat.landmark_heads:
        return "landmark"
    if forms & pat.settlement_heads:
        return "settlement"
    return None


TANWEEN = "\u064b\u064c\u064d"
_TANWEEN = frozenset(TANWEEN)


def _not_a_name(ctx: Context, si: SentenceInfo, t: Token) -> bool:
    """Words that cannot be (part of) a place name: inflected with tanween ("خالياً"), verbs in the
    present ("يتعرض"), or words the vocabularies and the time parser already claim."""
    text = ctx.doc.text
    if t.end < len(text) and text[t.end] in TANWEEN or not _TANWEEN.isdisjoint(t.text):
        return True
    if t.kind == "word" and t.norm[:1] in ("ي", "ت") and len(t.norm) >= 4 and t.prefix == "":
        return True
    if covers(si.times, t.start) or covers(si.quantities, t.start):
        return True
    for h in si.hits:
        if h.start <= t.start < h.end and h.kind != "place":
            return True
    return False


def _unknown(ctx: Context, si: SentenceInfo, pat, names: list[tuple[int, int]],
             heads: list[int] | None = None) -> list[PlaceHit]:
    """Places no knowledge file lists, introduced by a place word ("قرية معركبة", "حاجز زلين").
    `names`: the spans of the sentence's actor and source names; `heads`: `_heads(si)` if known."""
    if heads is None:
        heads = _heads(si)
    if not heads:
        return []
    text = ctx.doc.text
    known = [(h.start, h.end, h) for h in si.of("place")]
    toks = si.tokens
    out: list[PlaceHit] = []
    i = 0
    for k in heads:
        if k < i:
            continue  # inside the name of the head before
        i = k
        head = toks[i]
        kind = _head_kind_of(head.norm, head.stem)
        if spans_cover(names, head.start):
            i += 1
            continue
        several = head.norm.endswith(PLURAL_HEADS_SUFFIX) or head.stem in ("قرى", "احياء", "مزارع")
        j = i + 1
        while True:  # one name, then more after "و" when the head is dual or plural
            j_first = j
            words: list[Token] = []
            inner = None
            while j < len(toks) and len(words) < pat.name_max_words:
                t = toks[j]
                if t.kind == "punct":
                    if t.text in QUOTES and (not words or t.text in '"”»\''):
                        j += 1
                        if words:
                            break
                        continue
                    if t.text in "-–—" and words:
                        j += 1
                        continue
                    break
                if not words and kind == "settlement":
                    # "مدينة حلب": the gazetteer's, whatever else the word is (the tests below would end the
                    # name as well, or come to this one)
                    hit = _known_at(known, t.start)
                    if hit is not None and not (head.stem in ("حي", "حيي") and _coarse(ctx, hit)):
                        break
                if t.kind not in ("word", "number") or t.suffix in ("ه", "ها", "هم", "هن"):
                    break
                bare = t.norm.lstrip("و") if words else t.norm
                if bare in pat.name_stops or t.stem in pat.name_stops or _head_kind(t, pat) and words:
                    break
                if _not_a_name(ctx, si, t):
                    break
                if words and _prepositional(t) and not any(a == t.start for a, b, h in known):
                    break  # "مطار X لـ", "الشحيل بمشاركة", "تلة X للطريق": a phrase after the name
                if not words and kind == "settlement" and "ال" not in t.prefix and t.norm.endswith(("ي", "يه")):
                    break  # "مخيم عشوائي", "حي سكني": an adjective, not a name
                if words and t.prefix.startswith("و"):
                    break
                hit = _known_at(known, t.start)
                if hit is not None:
                    if kind == "settlement" and not words and not (head.stem in ("حي", "حيي") and _coarse(ctx, hit)):
                        words = []
                        break  # "مدينة حلب": the gazetteer's
                    inner = inner or hit
                    words.append(t)
                    j += 1
                    while j < len(toks) and toks[j].start < next(b for a, b, h in known if h is hit):
                        words.append(toks[j])
                        j += 1
                    if hit.start <= head.start:
                        break  # "جسر الشغور": the head is part of the known name, which ends the name
                    continue
                if spans_cover(names, t.start):
                    break
                words.append(t)
                j += 1
            if words:
                # only a later name of a list ("قريتي X وY") sheds its "و": the first name after the
                # head keeps its letters ("حقل باباكركر", "قرية فركيا")
                start = words[0].start + (1 if j_first > i + 1 and words[0].prefix[:1] == "و" and
                                          words[0].text[:1] == "و" and not words[0].text.startswith("ال") else 0)
                start = words[0].start if words[0].norm.startswith("ال") else start
                end = words[-1].end
                name = text[start:end].strip(' "«»“”\'')
                if kind == "landmark":
                    h0 = head.text
                    hs = len(h0) - len(h0.lstrip("وفبل")) if head.prefix[:1] in ("و", "ف", "ب", "ل") else 0
                    if not hs:  # "وتل حجر": the tokenizer leaves "و" on a short head; the place word is the rest
                        hs = _clitic_length(head.norm, pat)
                    name = h0[hs:] + " " + name
                    start = head.start + hs
                if len(norm(name).replace(" ", "")) >= 3 and norm(name) not in pat.anaphors:
                    inner_place = ctx.kb.gazetteer.get(inner.ids[0]) if inner is not None else None
                    lat = inner_place.lat if inner_place is not None else None
                    lon = inner_place.lon if inner_place is not None else None
                    level = "landmark" if kind == "landmark" else (
                        "neighbourhood" if head.stem in ("حي", "حيي", "احياء") else "town")
                    if level == "neighbourhood" and not norm(name).startswith(("حي", "الحي")):
                        name = "حي " + name  # "حي القادسية": the neighbourhood, not the province
                    place = Place(id="unk:" + norm(name), name=name, lat=lat, lon=lon, level=level,
                                  country=inner_place.country if inner_place else (ctx.country or ""),
                                  parent=inner_place.id if inner_place else None, origin="text")
                    out.append(PlaceHit(start, end, place, si.index, surface=text[start:end]))
            if words and several and j < len(toks) and toks[j].kind == "word" and toks[j].prefix.startswith("و"):
                continue
            break
        i = max(j, i + 1)
    return out


def _known_at(known: list[tuple[int, int, Hit]], offset: int) -> Hit | None:
    """The first known place hit (start, end, hit) with start <= offset < end."""
    for a, b, h in known:
        if a <= offset < b:
            return h
    return None


def _coarse(ctx: Context, hit: Hit) -> bool:
    """A place hit that names a governorate, region, country or district."""
    hp = ctx.kb.gazetteer.get(hit.ids[0])
    return hp is not None and hp.level in ("governorate", "region", "country", "district")


def _heads(si: SentenceInfo) -> list[int]:
    """Indexes of the sentence's tokens that are place words able to introduce a name: only an
    indefinite place word does ("مدينة X"); "المدينة" refers back. (A word without suffix ends in its
    stem, so a place word ends in one of the heads.)"""
    if len(_HEAD_ENDING) > 100_000:
        _HEAD_ENDING.clear()
    return _scan_heads(si.tokens, _HEAD_ENDING, _head_kind_of)


def _heads_py(tokens: list[Token], could: _EndsInHead, head_kind) -> list[int]:
    """The scan of `_heads`; the reference for `_speedups.heads`."""
    return [k for k, t in enumerate(tokens) if could[t.norm] and not t.suffix and t.kind == "word"
            and "ال" not in t.prefix and head_kind(t.norm, t.stem) is not None]


# The C loop (rasad.extract._speedups, built by Cython when rasad is installed) when it is there, else the
# Python one; they find the same tokens.
try:
    from ._speedups import heads as _scan_heads
except ImportError:  # not built (no compiler where rasad was installed)
    _scan_heads = _heads_py


def _prepositional(t: Token) -> bool:
    """A word that opens a prepositional or verbal-noun phrase: a bare "لـ"/"ب", or a word whose
    proclitics hold "ب" or "ل" besides the article ("للطريق", "بمشاركة", "لصالح")."""
    if t.kind != "word":
        return False
    if not t.stem:
        return True
    p = t.prefix[:-2] if t.prefix.endswith("ال") else t.prefix
    if t.prefix == "لل":
        return True
    return "ب" in p or "ل" in p


def _clitic_length(word: str, pat) -> int:
    """How many leading conjunction/preposition letters a place word carries ("وتل" -> 1), 0 if none."""
    heads = pat.landmark_heads | pat.settlement_heads
    if word in heads:
        return 0
    for k in (1, 2):
        if len(word) > k + 1 and all(c in "وفبل" for c in word[:k]) and word[k:] in heads:
            return k
    return 0


DIRECTION_ADJ = {norm(w) for w in ("الشمالي", "الجنوبي", "الشرقي", "الغربي", "الأوسط", "الشمالية", "الجنوبية",
                                   "الشرقية", "الغربية")}


def _countryside(ctx: Context, si: SentenceInfo) -> list[PlaceHit]:
    """"ريف حماة الشمالي", "ريف حلب الشمالي الشرقي": the countryside of a known place, as an area
    named as written, drawn at that place (the gazetteer lists only some of them). The dual "ريفي"
    names two: "ريفي إدلب وحلب" is the countryside of Idlib and that of Aleppo, "ريفي حماة الشمالي
    وإدلب الجنوبي" two directional ones (the second area's span is its own name, "ريف" being shared)."""
    if "ريف" not in si.norm:  # every token's matching form is in the sentence's
        return []
    out: list[PlaceHit] = []
    toks = si.tokens
    for t in toks:
        if t.kind != "word":
            continue
        head = t.norm.lstrip("وفبل")
        if head not in ("ريف", "بريف", "ريفي"):
            continue
        hit = _place_after(ctx, si, t.start, t.end, inside=head != "ريفي")
        if hit is None:
            continue
        start = t.start + (len(t.text) - len(t.text.lstrip("وفبل")) if t.text[:1] in "وفبل" and
                           not t.text.startswith("ريف") else 0)
        dual = head == "ريفي"
        first = _area(ctx, si, hit, start, known=hit.start <= t.start, named_as="ريف " if dual else "",
                      name_from=hit.start if dual else start)
        if first is None:
            continue
        if not dual:
            out.append(first)
            continue
        # the dual: a second place right after "و" ("وحلب", "و إدلب الجنوبي"); without one "ريفي" is
        # taken for no countryside (the adjective "rural", or a slip)
        nxt = next((x for x in toks if x.start >= first.end and x.kind == "word"), None)
        if nxt is None or not (nxt.prefix.startswith("و") or nxt.norm == "و"):
            continue
        hit2 = _place_after(ctx, si, first.end, nxt.start + (1 if nxt.norm != "و" else len(nxt.text)), inside=False)
        second = hit2 and _area(ctx, si, hit2, hit2.start, known=False, named_as="ريف ", name_from=hit2.start)
        if second is not None:
            out += (first, second)
    return out


def _place_after(ctx: Context, si: SentenceInfo, start: int, end: int, inside: bool):
    """The place hit covering `start` (when `inside`) or right after `end` with no word between."""
    return next((h for h in si.of("place") if inside and h.start <= start < h.end or
                 (h.start >= end and len(ctx.norm_of(end, h.start).split()) == 0)), None)


def _area(ctx: Context, si: SentenceInfo, hit, start: int, known: bool, named_as: str = "",
          name_from: int | None = None) -> PlaceHit | None:
    """The countryside of the town or governorate `hit` names, its span from `start` to the end of the
    name and the direction adjectives after it; None for a province ("ريف محافظة درعا") or other places,
    and for a countryside the gazetteer itself knew at the same span (`known`). Its name is the text from
    `name_from` (default `start`) with `named_as` before it: the dual's places are each "ريف" and their
    own name ("ريفي إدلب وحلب" → "ريف إدلب", "ريف حلب"), or the countryside the gazetteer lists under
    that name ("ريف إدلب الجنوبي")."""
    text = ctx.doc.text
    place = ctx.kb.gazetteer.get(hit.ids[0])
    if place is None or norm(text[hit.start:hit.end]).startswith("محافظه"):
        return None  # "ريف محافظة درعا": the province itself
    toks = si.tokens
    end = hit.end
    j = next((k for k, x in enumerate(toks) if x.start >= hit.end), len(toks))
    for x in toks[j:j + 2]:
        if x.kind == "word" and x.norm in DIRECTION_ADJ:
            end = x.end
        else:
            break
    if known and end == hit.end or not known and place.level not in ("town", "governorate"):
        return None
    name = named_as + text[start if name_from is None else name_from:end]
    if named_as:
        # a countryside the gazetteer lists ("ريف إدلب الجنوبي") is that place, drawn where it lies
        listed = next((c.entry for c in ctx.kb.gazetteer.lookup(name, country=place.country, limit=3)
                       if c.score == 1.0 and c.entry.level == "region"), None)
        if listed is not None:
            return PlaceHit(start, end, listed, si.index, surface=text[start:end])
    area = Place(id="area:" + norm(name), name=name, lat=place.lat, lon=place.lon, level="region",
                 country=place.country, parent=place.id, area=True, origin="text")
    return PlaceHit(start, end, area, si.index, surface=text[start:end])


def _centroid(ctx: Context) -> tuple[float, float] | None:
    gaz = ctx.kb.gazetteer
    pts = []
    for si in ctx.sentences:
        for h in si.of("place"):
            if len(h.ids) == 1 and not h.ambiguous:
                p = gaz.get(h.ids[0])
                if p and p.lat is not None and p.level not in ("country", "region", "governorate"):
                    pts.append((p.lat, p.lon))
    if not pts:
        return None
    return sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)


def _choose(ctx: Context, ids: tuple[str, ...], centre, si: SentenceInfo | None = None) -> Place | None:
    """Of the places a name may denote: one in a country the sentence names ("ولاية صلاح الدين في
    العراق"), else the one nearest the document's other places."""
    gaz = ctx.kb.gazetteer
    places = [p for p in (gaz.get(i) for i in ids) if p is not None]
    if not places:
        return None
    if len(places) > 1 and si is not None:
        named = {gaz.get(h.ids[0]).country for h in si.of("place")
                 if gaz.get(h.ids[0]) is not None and gaz.get(h.ids[0]).level == "country"}
        inside = [p for p in places if p.country in named and p.level != "country"]
        if inside and len(inside) < len(places):
            places = inside
    if len(places) > 1:
        # the document's country, else Syria and Iraq, before their neighbours ("المنشية", "الصالحية")
        home = (ctx.country,) if ctx.country else HOME_COUNTRIES
        places.sort(key=lambda p: p.country not in home and p.country not in HOME_COUNTRIES)
    if len(places) == 1 or centre is None:
        return places[0]
    located = [p for p in places if p.lat is not None]
    if not located:
        return places[0]
    return min(located, key=lambda p: gaz.distance_km((p.lat, p.lon), centre) or 0.0)


HOME_COUNTRIES = ("SY", "IQ")


def _kind(place: Place, key: str) -> str:
    if key.startswith("مخيم") or _camp_name(place.name):
        return "camp"
    return place.level


@lru_cache(maxsize=65536)
def _camp_name(name: str) -> bool:
    return "مخيم" in norm(name)


def resolve(ctx: Context) -> list[PlaceHit]:
    """Accepted place hits, in text order, with anaphora resolved; also filed on each sentence."""
    pat = patterns()
    centre = _centroid(ctx)
    out: list[PlaceHit] = []
    last_of_kind: dict[str, Place] = {}
    text = ctx.doc.text
    cores = _anaphor_cores()
    for si in ctx.sentences:
        named = si.of("place")
        heads = _heads(si)
        # the spans of the actor and source names (needed only where there is a place or a place word)
        names = [(x.start, x.end) for x in si.of("actor", "source")] if named or heads else []
        unknown = _unknown(ctx, si, pat, names, heads) if heads else []
        for h in named:
            if spans_contain(names, h.start, h.end):
                continue  # "قوات سوريا الديمقراطية", "مجلس منبج العسكري": part of a name
            if h.end < len(text) and text[h.end] == "\u064b":
                continue  # "جندياً تركياً": an adjective with tanween, not the country
            if unknown and any(u.start <= h.start and h.end <= u.end and u.place.level == "landmark" and
                               (u.start, u.end) != (h.start, h.end) for u in unknown):
                continue  # "مطار تدمر": the landmark, not the town (unless the gazetteer knows the landmark)
            if h.ambiguous and (h.matched in pat.anaphors or h.matched in pat.place_heads):
                continue  # "شوارع المدينة": the city in focus, not the town called "المدينة"
            if not _accept(si, h, out, pat):
                continue
            place = _choose(ctx, h.ids, centre, si)
            if place is None:
                continue
            ph = PlaceHit(h.start, h.end, place, si.index, surface=text[h.start:h.end])
            out.append(ph)
            si.places.append(ph)
            last_of_kind[_kind(place, h.matched)] = place
            if place.level in ("town",):
                last_of_kind.setdefault("town", place)
        for u in unknown:
            if overlaps(si.places, u.start, u.end):
                continue
            out.append(u)
            si.places.append(u)
        for area in _countryside(ctx, si):
            # the countryside replaces the town it is named after, within its span
            si.places = [p for p in si.places if not (area.start <= p.start and p.end <= area.end)]
            out[:] = [p for p in out if not (p.sentence == si.index and area.start <= p.start and p.end <= area.end)]
            out.append(area)
            si.places.append(area)
        if len(si.places) > 1:
            si.places.sort(key=_START)
        # anaphora: a definite place noun not followed by a name (a word without suffix has its stem
        # inside its matching form, which is inside the sentence's)
        for tok in si.tokens if contains_any(si.norm, cores) else ():
            if tok.kind != "word":
                continue
            key = "ال" + tok.stem if tok.prefix.endswith("ال") or tok.prefix.endswith("لل") else tok.norm
            kinds = pat.anaphors.get(key)
            if not kinds or tok.suffix:
                continue
            if covers(si.places, tok.start):
                continue
            nxt = _next_word(si, tok.end)
            if nxt is not None and covers(si.places, nxt.start):
                continue  # "مخيم اليرموك": the name follows
            ref = next((last_of_kind[k] for k in kinds if k in last_of_kind), None)
            if ref is not None:
                ph = PlaceHit(tok.start, tok.end, ref, si.index, anaphoric=True, surface=tok.text)
                si.places.append(ph)
        if len(si.places) > 1:
            si.places.sort(key=_START)
    return out


@lru_cache(maxsize=1)
def _anaphor_cores() -> tuple[str, ...]:
    """"ل" + each anaphoric place noun without its article: such a token is written with the article or
    "لل" before the stem, so a sentence that has one holds this."""
    return tuple(sorted({"ل" + (k[2:] if k.startswith("ال") else k) for k in patterns().anaphors}))


def _direction_target(ctx: Context, ph: PlaceHit, pat) -> Place | None:
    """For a region named "جنوبي دمشق", the place it is a direction of."""
    words = norm(ph.surface).split()
    head = words[0].lstrip("وفبلك") if words else ""
    gaz = ctx.kb.gazetteer
    if len(words) == 2 and head.startswith("ال") and head[2:] in pat.directions and words[1].endswith("ي"):
        # "الجنوب الدمشقي": a direction with the place's adjective (الدمشقي → دمشق)
        base = words[1][2:-1] if words[1].startswith("ال") else words[1][:-1]
        best = gaz.best(base)
        return best if best is not None and best.id != ph.place.id else None
    if len(words) < 2 or head not in pat.directions:
        return None
    rest = " ".join(words[1:])
    best = None if gaz.is_ambiguous(rest) else gaz.best(rest)
    if best is None:  # "جنوب العاصمة دمشق": the place named right after the direction phrase
        si = ctx.sentences[ph.sentence]
        nxt = next((p for p in si.places if p.start >= ph.end and not p.anaphoric), None)
        if nxt is not None and len(ctx.norm_of(ph.end, nxt.start).split()) == 0:
            best = nxt.place
    return best if best is not None and best.id != ph.place.id else None


def place_refs(ctx: Context, hits: list[PlaceHit]) -> tuple[PlaceRef, ...]:
    """Every distinct place named, once, with all its spans (anaphora excluded)."""
    pat = patterns()
    by_id: dict[str, tuple[Place, list[tuple[int, int]]]] = {}
    for ph in hits:
        if ph.anaphoric:
            continue
        target = _direction_target(ctx, ph, pat) if ph.place.level == "region" else None
        place = target or ph.place
        entry = by_id.setdefault(place.id, (place, []))
        entry[1].append((ph.start, ph.end))
    return tuple(PlaceRef(p.name, p.id, p.lat, p.lon, p.level, tuple(spans)) for p, spans in by_id.values())
