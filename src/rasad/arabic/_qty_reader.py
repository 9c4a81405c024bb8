"""What each number in a text is: `rasad.arabic.quantities`' reader.

Walks the tokens of a normalised text, reads every number with the grammar,
and decides from its neighbours what it is: a range, its qualifier (قرابة،
أكثر من، على الأقل), its kind (count, percent, money, year, ordinal,
duration, other), its counted noun, or no amount at all (a date).
"""
from __future__ import annotations

import math

from ._qty_grammar import KINDS, _Num, _Parser
from ._qty_lexicon import (
    ATOMS, CLASS_BITS as CB, IN_CHANGE_WORDS, IN_CLOCK_BEFORE, IN_COUNTABLE, IN_LABEL_BEFORE, IN_MONTH_HEADS,
    IN_MONTHS, IN_NOT_NOUNS, IN_ORDINAL_CONTEXT, IN_ORDINAL_CONTEXT_ANY, IN_TIME_AFTER, IN_UNIT_DUAL_FORMS,
    IN_WEEKDAY_BEFORE, IN_WEEKDAYS, IN_YEAR_AFTER, IN_YEAR_BEFORE, KEY_COUNTABLE, KEY_UNITS, _CLITIC_TOKENS,
    _Phrases, _bare, _noun_key, _splits, _triggers,
)

# --------------------------------------------------------------------------- driver


_EXACT = 1 << 52  # below this in size, v + 0.5 is a float exactly, for any int v: it rounds to v


def _round(v: float) -> int:
    return int(math.floor(v + 0.5))


class _Q:
    """A quantity while it is being read: the fields of `model.Quantity`
    (offsets into the normalised text), in a plain slotted class.

    The reader builds one or two per number and revises some (`copy`); a
    frozen dataclass costs several times more to build and `replace`.
    `quantities._scan` turns each into the `Quantity` it returns.
    """

    __slots__ = ("start", "end", "value", "qualifier", "kind", "noun_start", "noun_end", "upper", "text")

    def __init__(self, start: int, end: int, value: int, qualifier: str = "exact", kind: str = "count",
                 noun_start: int | None = None, noun_end: int | None = None, upper: int | None = None,
                 text: str = "") -> None:
        self.start = start
        self.end = end
        self.value = value
        self.qualifier = qualifier
        self.kind = kind
        self.noun_start = noun_start
        self.noun_end = noun_end
        self.upper = upper
        self.text = text

    def copy(self, **changes) -> "_Q":
        """A copy with some fields changed (as dataclasses.replace)."""
        c = _Q(self.start, self.end, self.value, self.qualifier, self.kind, self.noun_start, self.noun_end,
               self.upper, self.text)
        for k, v in changes.items():
            setattr(c, k, v)
        return c


class _Reader(_Parser):
    """Walks the tokens once, building Quantity records."""

    def run(self) -> list[_Q]:
        """Every quantity, reading only at tokens that may begin one."""
        out: list[_Q] = []
        trig = _triggers()
        done = 0
        texts = self.texts
        for k in self.toks.cands:
            if k < done:
                continue
            t = texts[k]
            kind = KINDS[t]
            res = None
            if kind == "num":
                res = self.read_number(k)
            elif kind == "clock":
                end = self.ends[k]
                res = _Q(end - len(t), end, int(t.split(":")[0]), "exact", "other"), k + 1
            elif kind == "word" and t in trig:
                res = self.read_word(k)
            if res is None:
                continue
            q, k2 = res
            if q is not None:
                out.append(q)
            done = k2 if k2 > k else k + 1  # max(k2, k + 1)
        return out

    # ---- context

    def prev_word(self, k: int) -> str:
        """The word before token k, skipping standalone clitics (لـ، الـ)."""
        w = self.word(k - 1)
        if w not in _CLITIC_TOKENS:
            return w
        k -= 2
        while k >= 0 and self.word(k) in _CLITIC_TOKENS:
            k -= 1
        return self.word(k)

    def skip_back(self, k: int) -> int:
        """Index one past the last token before k that is not a standalone clitic."""
        while k > 0 and self.word(k - 1) in _CLITIC_TOKENS:
            k -= 1
        return k

    def phrase_before(self, k: int, phrases: _Phrases) -> tuple[tuple[str, ...], str] | None:
        """A phrase ending just before token k; its first word may carry a proclitic."""
        cands = phrases.by_last.get(self.word(k - 1)) if k > 0 else None
        if not cands:
            return None
        padded = self.padded_words
        for p, val in cands:
            L = len(p)
            if k - L < 0:
                continue
            if L == 1:
                return p, val
            # its middle words (p[1:L-1]) are the words between (0 <= k - L: no wrap-around)
            if L > 2 and tuple(padded[k - L + 1:k - 1]) != p[1:L - 1]:
                continue
            w = padded[k - L]
            if w == p[0] or w in phrases.with_clitic[p[0]]:  # (p[0] with one of _PHRASE_CLITICS)
                return p, val
        return None

    def phrase_after(self, k: int, phrases: _Phrases) -> tuple[tuple[str, ...], str] | None:
        cands = phrases.by_first.get(self.text(k))
        if not cands:
            return None
        if k < 0:  # (texts before the first wrap around to the padding: one by one)
            text = self.text
            for p, val in cands:
                if all(text(k + x) == p[x] for x in range(1, len(p))):
                    return p, val
            return None
        padded = self.padded_texts
        for p, val in cands:
            # (a word equal to p[x] is also a token text equal to it)
            if len(p) == 1 or tuple(padded[k + 1:k + len(p)]) == p[1:]:
                return p, val
        return None

    # ---- readers

    def read_word(self, k: int):
        lx = self.lx
        w = self.words[k]
        a = ATOMS[w]
        if a is None:
            return self.read_dual(k)
        lead, art, bare, types = a
        # Ordinals: الثالث، الخامس عشر، الحادي والعشرين.
        if "ordinal" in types and (art or (CB[self.word(k + 1)] & IN_ORDINAL_CONTEXT_ANY)
                                   or (CB[self.prev_word(k)] & IN_ORDINAL_CONTEXT)):
            if not ({"unit", "ten", "hundred"} & types.keys()) or art:
                r = self.read_ordinal(k, lead, art, types)
                if r is not None:
                    return r
        if "teen_head" in types and "unit" not in types and self.word(k + 1) not in lx.teen_tails:
            nxt = self.after_and(k + 1)
            if not (nxt and not art and "ten" in (self.atom_at(nxt[0]) or (0, 0, 0, {}))[3]):
                # أحد عناصر النظام = one; الأحد = Sunday; أحد alone = someone. (أحد وعشرون: below.)
                if art or not (CB[self.word(k + 1)] & IN_COUNTABLE):
                    return None
                end = self.ends[k]
                q = _Q(end - len(w) + lead, end, 1, "exact", "count", self.st(k + 1), self.en(k + 1))
                return q, k + 1
        if ("unit" in types and types["unit"] <= 2 and not ({"ten", "hundred"} & types.keys())):
            if not self._unit12_ok(k, art, bare):
                return None
        return self.read_number(k)

    def _unit12_ok(self, k: int, art: bool, bare: str) -> bool:
        """واحد / اثنين: not Monday, not an idiom (في آن واحد، الشخص الواحد)."""
        lx = self.lx
        prev = self.prev_word(k)
        if (prev, bare) in lx.idioms or (prev, ("ال" + bare) if art else bare) in lx.idioms:
            return False
        if art:
            # الاثنين: Monday, unless it agrees with a definite noun (الطفلين الاثنين).
            return bool(prev) and prev.startswith("ال") and (
                (CB[prev] & IN_COUNTABLE) or (CB[prev] & IN_UNIT_DUAL_FORMS)
            )
        if (CB[prev] & IN_WEEKDAY_BEFORE) and self.texts[k].endswith(("ين", "نين")):
            return False
        return True

    def read_ordinal(self, k: int, lead: int, art: bool, types: dict[str, int]):
        lx = self.lx
        prev = self.prev_word(k)
        if prev in lx.month_heads or (CB[prev] & IN_MONTH_HEADS):
            return None, k + 1  # كانون الثاني، ربيع الأول
        v = types["ordinal"]
        j = k + 1
        if self.word(j) in lx.teen_tails and v <= 9:
            v, j = v + 10, j + 1
        else:
            nxt = self.after_and(j)
            if nxt and v <= 9:
                a2 = self.atom_at(nxt[0])
                if a2 and "ten" in a2[3] and a2[1]:
                    v, j = v + a2[3]["ten"], nxt[0] + 1
        end = self.en(j - 1)
        if self._is_date_after(j):
            return None, j
        clock = (CB[prev] & IN_CLOCK_BEFORE) or (
            (CB[self.word(j)] & IN_TIME_AFTER) and not prev.startswith(("ال", "لل"))
        )
        kind = "other" if clock else "ordinal"  # الساعة الخامسة، في الخامسة فجراً
        if not art and (CB[self.word(j)] & IN_ORDINAL_CONTEXT_ANY):
            noun = (self.st(j), self.en(j))  # ثالث أيام الهدنة
        else:
            noun = self._ordinal_noun(k, j)
        return _Q(self.st(k) + lead, end, v, "exact", kind, *noun), j

    def _ordinal_noun(self, k: int, j: int) -> tuple[int | None, int | None]:
        kp = self.skip_back(k) - 1
        if kp >= 0 and self.words[kp] and (
            self.words[kp] not in self.lx.not_nouns or (CB[self.words[kp]] & IN_ORDINAL_CONTEXT)
        ):
            return self.st(kp), self.en(kp)
        if j < self.n and (CB[self.word(j)] & IN_ORDINAL_CONTEXT):
            return self.st(j), self.en(j)
        return None, None

    def _is_date_after(self, j: int) -> bool:
        """"5 أيار"، "الخامس من أيار"، "21 من شهر نيسان": a day of the month."""
        w = self.word(j)
        if w == "من":
            j += 1
            w = self.word(j)
        if w in ("شهر", "الشهر"):
            return True
        return bool(w) and (CB[w] & IN_MONTHS)

    def read_dual(self, k: int):
        """طفلين، دبابتين، يومين، دولارين = 2 (unless اثنين follows: then it is the noun)."""
        lx = self.lx
        w = self.words[k]
        key = None
        kind = "count"
        for lead, art, rest in _splits(w):
            if rest in lx.duals:
                key = (lead, rest)
                break
            if rest in lx.unit_duals:
                key = (lead, rest)
                kind = lx.unit_duals[rest]
                break
        if key is None:
            return None
        nxt = ATOMS[self.word(k + 1)]
        if nxt and nxt[0] == 0 and nxt[3].get("unit") == 2:
            return None  # طفلين اثنين: the number word carries it
        end = self.ends[k]
        start = end - len(w) + key[0]
        qualifier = self._prefix_qualifier(k) if key[0] == 0 else None  # أكثر من يومين، قرابة الساعتين
        q = _Q(start, end, 2, qualifier or "exact", kind, start, end)
        q = self._post_qualify(q, k + 1)[0]
        return q, k + 1

    def read_number(self, k: int):
        lx = self.lx
        num = self.number_at(k)
        if num is None:
            return None
        # A range: بين 10 و15، ما بين 200 إلى 250، من 10 إلى 15، 10-15، ثلاثة أو أربعة.
        upper = None
        word = self.word
        p = k if word(k - 1) not in _CLITIC_TOKENS else self.skip_back(k)
        opener = self.phrase_before(p, lx.openers) if word(p - 1) in lx.openers.by_last and p > 0 else None
        jn = num.j
        jw = word(jn)
        joiner_tok = "-" if self.text(jn) == "-" else None
        second = None
        if opener or jw in lx.bare_joiners or joiner_tok:
            ok_join = (jw in lx.joiners) or joiner_tok
            if opener and not ok_join:
                nx = self.after_and(jn)
                if nx and nx[1] == 1:
                    second = self._number_from(nx[0], lead=1)
            if second is None and ok_join and (opener or jw in lx.bare_joiners or joiner_tok):
                k2 = jn + 1
                while k2 < self.n and self.word(k2) in _CLITIC_TOKENS:
                    k2 += 1
                if k2 < self.n:
                    second = self._number_from(k2, lead=0)
            if second is not None and opener and opener[0] == ("من",) and self._change_before(p - 1):
                second = None
            if second is not None:
                if second.mult and not num.mult and num.value <= second.raw_value:
                    num.value *= second.mult
                if _round(second.value) <= _round(num.value) or (num.digits4 != second.digits4):
                    second = None  # (compared as the values given: "1.5 - اثنين" is no range 2-2)
        if second is not None:
            upper = second.value
            num.j, num.end = second.j, second.end
            num.digits4 = num.digits4 and second.digits4
        q, j = self._classify(num, p, upper)
        return q, j

    def _number_from(self, k: int, lead: int) -> _Num | None:
        kind = KINDS[self.texts[k]]
        if kind == "num":
            return self.digits(k)
        if kind == "word":
            a = ATOMS[self.words[k]]
            if a and a[0] == lead and not ({"ordinal"} == set(a[3])):
                return self.number_at(k) if lead == 0 else self.word_number(k, min_lead=lead)
        return None

    def _change_before(self, k: int) -> bool:
        lx = self.lx
        for x in range(k, max(-1, k - lx.change_window), -1):
            if not self.words[x] and self.texts[x] in ".;:!?\n":
                return False
            if (CB[self.word(x)] & IN_CHANGE_WORDS):
                return True
        return False

    def _prefix_qualifier(self, p: int) -> str | None:
        lx = self.lx
        if p > 0 and self.word(p - 1) in lx.prefix_q.by_last:
            hit = self.phrase_before(p, lx.prefix_q)
            if hit:
                return hit[1]
        # A verb of exceeding a few words back: "تجاوز عدد القتلى في صفوف النظام 400".
        by_last = lx.verb_bounds.by_last
        words = self.words
        lo = p - 2 - lx.verb_gap
        if lo < -1:
            lo = -1
        if lx.verb_bounds.last_words.isdisjoint(words[lo + 1:p]):
            return None  # no verb phrase can end in reach
        trig = _triggers()
        for x in range(p - 1, lo, -1):
            w = words[x]
            if not w:
                return None
            if w in by_last:
                hit = self.phrase_before(x + 1, lx.verb_bounds)
                if hit:
                    return hit[1]
            if x < p - 1 and (w[0] == "و" or w in trig):
                return None
        return None

    def _post_qualify(self, q: _Q, j: int) -> tuple[_Q, int]:
        hit = self._post_hit(j)
        if hit and q.qualifier in ("exact", "approx"):
            return q.copy(qualifier=hit[1]), j + len(hit[0])
        return q, j

    def _post_hit(self, j: int) -> tuple[tuple[str, ...], str] | None:
        """A qualifier phrase right after token j (على الأقل، تقريبا) that is not
        the bound of the number after it."""
        if self.text(j) not in self.lx.postfix_q.by_first:
            return None
        hit = self.phrase_after(j, self.lx.postfix_q)
        if hit:
            after = j + len(hit[0])
            last = _bare(hit[0][-1])[-1]
            if (self.word(after) == "من" and last in self.lx.comparatives) or (
                after < self.n and KINDS[self.texts[after]] == "num"
            ):
                return None  # "17 قتيلا وأكثر من 40 جريحا": the bound of the next number
        return hit

    def _classify(self, num: _Num, p: int, upper: float | None):
        """Decide kind, qualifier and counted noun of a parsed number."""
        lx = self.lx
        word = self.word
        text = self.text
        k, j = num.i, num.j
        prev = word(k - 1)
        if prev in _CLITIC_TOKENS:
            prev = self.prev_word(k)
        bits = CB[prev]
        value = num.value
        if value.__class__ is not int or not -_EXACT < value < _EXACT:  # (an int is its own rounding)
            value = int(math.floor(value + 0.5))
        up = int(math.floor(upper + 0.5)) if upper is not None else None
        start, end = num.start, num.end
        # Dates and clock times are not amounts.
        if value <= 31 and (not num.words or not num.mult) and self._is_date_after(j):
            if not num.words or word(j) != "من":
                return None, j
        if bits & IN_MONTHS and not num.digits4 and value <= 31:
            return None, j
        if bits & IN_CLOCK_BEFORE or (value <= 24 and not num.mult and CB[word(j)] & IN_TIME_AFTER):
            return _Q(start, end, value, "exact", "other", upper=up), j
        if (bits & IN_LABEL_BEFORE and not num.words) or prev in lx.per_before:
            return _Q(start, end, value, "exact", "other"), j
        # Definite cardinal after an ordinal-context noun: لليوم العشرين.
        if num.definite and bits & IN_ORDINAL_CONTEXT and not num.vague:
            return _Q(start, end, value, "exact", "ordinal", *self._ordinal_noun(k, j)), j
        kind = "count"
        qualifier = "vague" if num.vague else "exact"
        # Percent.
        pct = self.phrase_after(j, lx.percent) if text(j) in lx.percent.by_first else None
        if pct or text(k - 1) == "%":
            if pct:
                end = self.ends[j + len(pct[0]) - 1]
                j += len(pct[0])
            else:
                start = self.st(k - 1)
            kind = "percent"
        q_pre = self._prefix_qualifier(p)
        if q_pre and not num.vague:
            qualifier = q_pre
        if up is not None:
            qualifier = "at_least"
        # The counted noun (its token: nw).
        nw = None
        noun_s = noun_e = None
        j_after = j
        if kind == "count":
            if text(k - 1) == "$":  # money sign before the number: $45
                kind = "money"
                nw = k - 1
            elif num.single and not num.definite:
                nw = self._noun_before(k)
            elif num.definite:
                nw = self._noun_before(k, definite=True)
            if nw is None:
                na = self._noun_after(j, definite_ok=num.vague, via_min_only=num.definite and num.vague)
                if na is not None:
                    nw, j_after = na, na + 1
            if nw is not None:
                noun_e = self.ends[nw]
                noun_s = noun_e - len(self.texts[nw])
        # Kind from the noun.
        if nw is not None and kind == "count":
            nword = self.words[nw]
            if not nword:  # a sign ($ €)
                kind = "money"
            elif CB[nword] & KEY_UNITS:
                uk = _noun_key(lx, nword, lx.units)
                if uk is not None:
                    if lx.units[uk] == "duration" and CB[word(nw + 1)] & IN_WEEKDAYS:
                        noun_s = noun_e = None
                        j_after = j
                    else:
                        kind = lx.units[uk]
        # Years: "عام 2004"، "أيار 2018"، "1439 هـ"; a bare 1900..2100 is a year unless it
        # counts a known noun ("2000 لاجئ") or is approximated ("قرابة 2000").
        if num.digits4 and kind in ("count", "duration"):
            countable = nw is not None and (CB[self.words[nw]] & KEY_COUNTABLE or not self.words[nw])
            if bits & (IN_YEAR_BEFORE | IN_MONTHS):
                kind = "year"
            elif 1300 <= value <= 1500 and CB[word(j)] & IN_YEAR_AFTER:
                kind = "year"
            elif 1900 <= value <= 2100 and not countable and kind == "count" and q_pre in (None, "at_most"):
                kind = "year"
            if kind == "year":
                noun_s = noun_e = None
                j_after = j
                qualifier = "exact"
        if kind in ("year", "ordinal", "other"):
            qualifier = "exact" if up is None else "at_least"
        if qualifier in ("exact", "approx"):
            post = lx.postfix_q.by_first  # (no hit unless a phrase begins there: _post_hit's first test)
            hit = self._post_hit(j) if text(j) in post else None
            if hit:
                qualifier = hit[1]
                if noun_s is None and kind == "count":
                    na = self._noun_after(j + len(hit[0]))  # عشرون ونيف من المدنيين
                    if na is not None:
                        noun_s, noun_e = self.st(na), self.ends[na]
            elif noun_s is not None:
                hit = self._post_hit(j_after) if text(j_after) in post else None
                if hit:
                    qualifier = hit[1]
        return _Q(start, end, value, qualifier, kind, noun_s, noun_e, up), j

    def _noun_before(self, k: int, definite: bool = False) -> int | None:
        """عنصر واحد، مدنيين اثنين، الأطفال الثلاثة: the token of the noun the number agrees with."""
        lx = self.lx
        kp = self.skip_back(k) - 1
        if kp < 0 or not self.words[kp]:
            return None
        w = self.words[kp]
        if w in lx.not_nouns or ATOMS[w]:
            return None
        if definite:
            if not w.startswith(("ال", "وال", "بال", "لل")):
                return None
        elif w.startswith("ال") or not (CB[w] & (KEY_COUNTABLE | KEY_UNITS)):
            return None  # an indefinite number agrees with an indefinite noun it knows
        return kp

    def _noun_after(self, j: int, definite_ok: bool = False, via_min_only: bool = False) -> int | None:
        """The counted noun after a number: "25 عنصرا"، "العشرات من عناصر النظام".

        A counted noun after a number is indefinite ("300 عنصر"), except after a
        vague amount ("عشرات المدنيين") or "من" ("5 من المدنيين"): a definite word
        there begins the next phrase ("في 2017 الساعة").
        """
        lx = self.lx
        if j >= self.n:
            return None
        w = self.texts[j]
        if w in ("$", "€"):
            return j
        if w in (")", "]") and self.word(j + 1):
            j += 1  # "(12) مدنياً"
            w = self.texts[j]
        w = self.words[j]
        if not w:
            return None
        if w == "من":
            if not self.word(j + 1):
                return None
            j += 1
            w = self.words[j]
            definite_ok = True
        elif via_min_only:
            return None  # a definite number is in no construct: العشرات من المدنيين
        known = CB[w] & (KEY_COUNTABLE | KEY_UNITS)
        if not definite_ok and w.startswith("ال") and not (w in lx.countable or w in lx.units):
            return None
        if not known and (w.endswith("وا") or (w[0] in "بلو" and len(w) >= 3) or (CB[w] & IN_NOT_NOUNS)):
            return None  # a verb (قتلوا) or a prepositional phrase (بحالات، للنظام)
        if w in lx.not_nouns or w in lx.joiners or ATOMS[w]:
            return None
        if w in lx.months:
            return None
        return j
