# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""C loops for the Arabic layer's per-piece and per-sentence passes (optional).

Built by Cython when rasad is installed (see pyproject.toml). When it is not
built (no compiler where rasad was installed) the layer runs the
pure-Python loops these mirror, and which stay the reference they are tested
against (tests/arabic/test_fast_paths.py):

  build_tokens   tokens._build_tokens_py
  lay_out        analysis._lay_out_py
  none_at        normalize._none_at_py
  int_slice      normalize._int_slice_py (the slice, not tracked)
  split          sentences._sentences_py (Splitter: with its dot test, and
                 given the closers, the boundary regex's reading in C)
  word_starts    times._word_starts (is_inner None: times._is_inner in C)
  times_at       times._times_at_py
  Maker          the Python record builders (tokens._TokenBuilder,
                 times._time_expression_py, quantities._quantity_py)

Records (Token, Sentence, TimeExpression, Quantity) are created with the
type's own allocator and their slots filled where the slots' descriptors
say -- what `object.__setattr__` does, without the frozen dataclass's
__setattr__ -- so each is the model's record in every way. They hold only
strings, ints, dates and None, so, like a tuple of such, they are not
tracked by the cycle collector.
"""
from cpython.object cimport PyObject, PyTypeObject
from cpython.mem cimport PyMem_Free, PyMem_Realloc
from cpython.ref cimport Py_INCREF
from cpython.tuple cimport PyTuple_New, PyTuple_SET_ITEM
from cpython.unicode cimport PyUnicode_DATA, PyUnicode_KIND, PyUnicode_READ


cdef extern from "Python.h":
    void PyObject_GC_UnTrack(void *op)
    bint Py_UNICODE_ISDECIMAL(Py_UCS4 ch)
    bint Py_UNICODE_ISALNUM(Py_UCS4 ch)
    PyObject* PyTuple_GET_ITEM(object t, Py_ssize_t i)
    void _incref "Py_INCREF"(PyObject* op)
    void _tuple_put "PyTuple_SET_ITEM"(object t, Py_ssize_t i, PyObject* v)  # steals a reference to v
    Py_ssize_t PyTuple_GET_SIZE(object t)


cdef extern from "structmember.h":
    ctypedef struct PyMemberDef:
        int type
        Py_ssize_t offset
        int flags
    int T_OBJECT_EX
    int READONLY


cdef extern from "Python.h":
    ctypedef struct PyMemberDescrObject:
        PyMemberDef *d_member
    ctypedef object (*allocfunc)(PyTypeObject *t, Py_ssize_t n)
    ctypedef struct _Alloc "PyTypeObject":
        allocfunc tp_alloc


cdef tuple _NO_ARGS = ()

# What the Python modules expect of this module: each imports the loops with
# API and takes the Python ones (ImportError) when a stale build lacks it or
# is older. Raise it with any change to what a loop takes or gives.
API = 2


cdef class Maker:
    """Makes records of a slotted (frozen) dataclass, fields given in order (at most 12).

    A new record's slots are empty (NULL); each field is stored where its
    slot's member descriptor says (its offset, an object slot), as the
    descriptor's own setter does for an empty slot."""

    cdef object cls
    cdef list descrs
    cdef PyObject* d[12]
    cdef Py_ssize_t off[12]
    cdef int size

    def __init__(self, cls, fields):
        descrs = [cls.__dict__[f] for f in fields]
        if not 0 < len(descrs) <= 12:
            raise TypeError("Maker: one to twelve fields")
        if cls.__new__ is not object.__new__:
            raise TypeError("Maker: the class must be made by object.__new__")
        kind = type(descrs[0])
        if kind.__name__ != "member_descriptor" or any(type(x) is not kind for x in descrs):
            raise TypeError("Maker: the fields must be __slots__ members")
        self.cls = cls
        self.descrs = descrs
        self.size = len(descrs)
        for i, x in enumerate(descrs):
            self.d[i] = <PyObject*>x
            if (<PyMemberDescrObject*>x).d_member.type != T_OBJECT_EX or \
                    (<PyMemberDescrObject*>x).d_member.flags & READONLY:
                raise TypeError("Maker: the fields must be writable object slots")
            self.off[i] = (<PyMemberDescrObject*>x).d_member.offset

    cdef inline object new(self):
        # the type's allocator, as object.__new__ calls it (the record's
        # class has no __new__ or __init__ of its own that runs here)
        cdef object t = (<_Alloc*><PyObject*>self.cls).tp_alloc(<PyTypeObject*>self.cls, 0)
        PyObject_GC_UnTrack(<PyObject*>t)  # strings, ints, dates, None only: no cycle can pass through it
        return t

    cdef inline void put(self, object t, int i, object v):
        """Field i of a new record (its slot still empty) set to v."""
        Py_INCREF(v)
        (<PyObject**>((<char*><PyObject*>t) + self.off[i]))[0] = <PyObject*>v

    cdef inline object make8(self, object a, object b, object c, object d, object e, object f, object g, object h):
        cdef object t = self.new()
        self.put(t, 0, a)
        self.put(t, 1, b)
        self.put(t, 2, c)
        self.put(t, 3, d)
        self.put(t, 4, e)
        self.put(t, 5, f)
        self.put(t, 6, g)
        self.put(t, 7, h)
        return t

    cdef inline object make3(self, object a, object b, object c):
        cdef object t = self.new()
        self.put(t, 0, a)
        self.put(t, 1, b)
        self.put(t, 2, c)
        return t

    def __call__(self, *values):
        """One record: Maker(cls, fields)(*values) is cls(*values)."""
        cdef Py_ssize_t i, n = len(values)
        if n != self.size:
            raise TypeError("Maker: wrong number of values")
        cdef object t = self.new()
        for i in range(n):
            self.put(t, i, <object>PyTuple_GET_ITEM(values, i))
        return t


# --------------------------------------------------------------------------- tokens


cdef inline object _int(object ints, Py_ssize_t n, Py_ssize_t i):
    """i as an int object: the one in the tuple `ints` (0, 1, ..., n - 1) when
    it holds i (no new object), else a new one."""
    cdef PyObject* x
    if 0 <= i < n:
        x = PyTuple_GET_ITEM(ints, i)
        return <object>x
    return i


cdef inline void _add_rows(Maker mk, list out, object rows, Py_ssize_t pos, object ints, Py_ssize_t n):
    cdef tuple row
    if type(rows) is tuple:
        row = <tuple>rows
        out.append(mk.make8(_int(ints, n, pos + <Py_ssize_t>row[0]), _int(ints, n, pos + <Py_ssize_t>row[1]),
                            row[2], row[3], row[4], row[5], row[6], row[7]))
    else:
        for row in rows:
            out.append(mk.make8(_int(ints, n, pos + <Py_ssize_t>row[0]), _int(ints, n, pos + <Py_ssize_t>row[1]),
                                row[2], row[3], row[4], row[5], row[6], row[7]))


def build_tokens(list pieces, dict cache, object make_rows, bint exact, Maker mk):
    """`tokens._build_tokens_py`."""
    cdef list out = []
    cdef Py_ssize_t pos = 0
    cdef object piece, rows
    for piece in pieces:
        rows = cache.get(piece)
        if rows is None:
            rows = make_rows(piece, exact, cache)
        _add_rows(mk, out, rows, pos, _NO_ARGS, 0)
        pos += len(<str>piece) + 1
    return out


def int_slice(tuple ints, Py_ssize_t n):
    """`ints[:n]` of a tuple of ints, not tracked by the cycle collector: it
    holds no container, so no cycle can pass through it (the collector would
    untrack it itself, but only after traversing it, item by item, in the
    first collection that finds it young: thousands of offsets a text)."""
    cdef tuple out = ints[:n]
    PyObject_GC_UnTrack(<PyObject*>out)
    return out


def none_at(list items, Py_ssize_t start=0):
    """Where None first stands in `items` from `start` on (tested by
    identity), or -1: what `items.index(None, start)` finds (start >= 0), without its
    rich comparison of every item with None (each item's __eq__ is tried)."""
    cdef Py_ssize_t i
    for i in range(max(start, 0), len(items)):
        if <PyObject*>items[i] == <PyObject*>None:
            return i
    return -1


cdef class _Runs:
    """Runs [a, b) of offsets, in order, that make up the offset map of a
    matching form: kept as pairs in a growing C array, then laid out as
    one tuple of the int objects of `ints` (no list, no slices between)."""

    cdef Py_ssize_t* ab
    cdef Py_ssize_t n, cap, size

    cdef int add(self, Py_ssize_t a, Py_ssize_t b) except -1:
        cdef Py_ssize_t* grown
        if b <= a:
            return 0
        if self.n + 2 > self.cap:
            grown = <Py_ssize_t*>PyMem_Realloc(self.ab, (2 * self.cap + 64) * sizeof(Py_ssize_t))
            if grown == NULL:
                raise MemoryError()
            self.ab = grown
            self.cap = 2 * self.cap + 64
        self.ab[self.n] = a
        self.ab[self.n + 1] = b
        self.n += 2
        self.size += b - a
        return 0

    cdef tuple lay(self, object ints, Py_ssize_t nshared):
        """The offsets of the runs, as `tuple(ints[a:b] + ...)` gives them
        (not tracked by the cycle collector, as `int_slice`)."""
        cdef tuple out = PyTuple_New(self.size)
        cdef Py_ssize_t r, j, b, k = 0
        cdef object x
        cdef PyObject* p
        for r in range(0, self.n, 2):
            j = self.ab[r]
            b = self.ab[r + 1]
            if b <= nshared:  # (the common case: the shared ints, each put in with one new reference)
                while j < b:
                    p = PyTuple_GET_ITEM(ints, j)
                    _incref(p)
                    _tuple_put(out, k, p)
                    j += 1
                    k += 1
                continue
            while j < b:
                x = _int(ints, nshared, j) if nshared else ints[j]
                Py_INCREF(x)
                PyTuple_SET_ITEM(out, k, x)
                j += 1
                k += 1
        PyObject_GC_UnTrack(<PyObject*>out)  # ints only (see int_slice)
        return out

    def __dealloc__(self):
        PyMem_Free(self.ab)


def lay_out(list pieces, list recs, object make_rows, bint exact, Maker mk, object ints):
    """`analysis._lay_out_py`."""
    cdef list folded = [], tokens = [], texts = [], ends = [], words = [], cands = [], spots = []
    cdef Py_ssize_t pos = 0, npos = 0, kept = 0, i, n = len(pieces), base, a, b
    cdef bint changed = False
    cdef object piece, rows, w, runs, run, x, c
    cdef list r
    cdef tuple qty
    cdef _Runs index = _Runs()
    # offsets as the int objects of `ints` when it is a tuple (not a range)
    cdef object shared = ints if type(ints) is tuple else _NO_ARGS
    cdef Py_ssize_t nshared = PyTuple_GET_SIZE(shared)
    for i in range(n):
        piece = pieces[i]
        r = <list>recs[i]
        folded.append(r[0])
        rows = r[7] if exact else r[8]
        if rows is None:
            rows = make_rows(piece, exact)
            r[7 if exact else 8] = rows
        _add_rows(mk, tokens, rows, pos, shared, nshared)
        qty = <tuple>r[2]
        w = qty[0]
        if type(w) is str:  # one token
            if qty[3]:
                cands.append(len(texts))
            texts.append(w)
            ends.append(_int(shared, nshared, npos + <Py_ssize_t>qty[1]))
            words.append(qty[2])
        elif w:
            if qty[3]:
                base = len(texts)
                for c in qty[3]:
                    cands.append(base + <Py_ssize_t>c)
            texts.extend(w)
            for x in qty[1]:
                ends.append(_int(shared, nshared, npos + <Py_ssize_t>x))
            words.extend(qty[2])
        if r[6]:
            if r[3]:
                spots.append((npos, r[3]))
            runs = r[1]
            if runs is not None:
                changed = True
                index.add(kept, pos)
                for run in runs:
                    a = run[0]
                    b = run[1]
                    index.add(pos + a, pos + b)
                kept = pos + <Py_ssize_t>r[4] - 1
        pos += <Py_ssize_t>r[4]
        npos += <Py_ssize_t>r[5]
    if changed:
        index.add(kept, len(ints))
        return u" ".join(folded), tokens, texts, ends, words, cands, spots, index.lay(ints, nshared)
    return u" ".join(folded), tokens, texts, ends, words, cands, spots, None


# --------------------------------------------------------------------------- sentences


cdef inline void _add_sentence(str text, Py_ssize_t a, Py_ssize_t b, list out, str strip, Maker mk):
    cdef str core = text[a:b].strip(strip)
    if not core:
        return
    cdef Py_ssize_t s = text.find(core[0], a)
    out.append(mk.make3(s, s + len(core), core))


def split(str text, object boundary, object dot_ends, str strip, Maker mk):
    """`sentences._sentences_py`."""
    cdef list out = []
    cdef Py_ssize_t start = 0, n = len(text), i, e
    cdef object rev = None
    for m in boundary.finditer(text):
        i, e = m.span()
        if text[i] == u".":
            if rev is None:
                rev = text[::-1]
            if not dot_ends(text, rev, i, e):
                continue
        _add_sentence(text, start, e, out, strip, mk)
        start = e
    if start < n:
        _add_sentence(text, start, n, out, strip, mk)
    return out


cdef inline bint _latin_alnum(Py_UCS4 c):
    """[A-Za-z0-9\u00c0-\u024f] (sentences._LATIN_ALNUM)."""
    return (48 <= c <= 57) or (65 <= c <= 90) or (97 <= c <= 122) or (0xc0 <= c <= 0x24f)


cdef class Splitter:
    """`sentences._sentences_py` with its dot test (`sentences._dot_ends`) in C.

    Boundaries are found by scanning for the characters that begin one (a
    table) and reading each where it begins: with the boundary regex, what
    finditer finds, as the regex begins with that character class; or,
    given `closers`, with the regex's own reading done in C (an end mark
    goes on over end marks, then closers; a carriage return takes the line
    feed after it; any other break is one character)."""

    cdef unsigned char starts[65536]  # 1: begins a boundary, 2: an end mark, 4: a closer
    cdef bint by_table
    cdef object boundary, run_back, is_abbreviation, closes
    cdef dict closes_cache
    cdef str marks, strip
    cdef Maker mk

    def __init__(self, boundary, str starts, str marks, str strip, run_back, is_abbreviation, dict closes_cache,
                 closes, Maker mk, str closers=None):
        cdef Py_UCS4 c
        for text, bit in ((starts, 1), (marks, 2), (closers or u"", 4)):
            for c in <str>text:
                if c >= 65536:
                    raise ValueError("Splitter: boundary characters must be in the BMP")
                self.starts[c] |= bit
        for c in marks:
            if not self.starts[c] & 1:
                raise ValueError("Splitter: an end mark must begin a boundary")
        self.by_table = closers is not None
        self.boundary = boundary
        self.marks = marks
        self.strip = strip
        self.run_back = run_back
        self.is_abbreviation = is_abbreviation
        self.closes_cache = closes_cache
        self.closes = closes
        self.mk = mk

    cdef bint dot_ends(self, str text, object rev, Py_ssize_t i, Py_ssize_t e):
        """`sentences._dot_ends`."""
        cdef Py_ssize_t n = len(text), x, size
        cdef Py_UCS4 prev, nxt, c
        cdef object word, got, r
        if i + 1 < n and text[i + 1] in self.marks:
            return True
        if i == 0:
            return False
        prev = text[i - 1]
        if e == i + 1 and i + 1 < n:
            nxt = text[i + 1]
            if prev.isdigit() and nxt.isdigit():
                return False  # 3.5  1.500  12.5.2018
            if _latin_alnum(prev) and _latin_alnum(nxt):
                return False  # syria.tv  e.g
        x = text.rfind(u" ", max(0, i - 16), i)
        word = None
        if x >= 0:
            word = text[x + 1:i]
            if word.isalnum():
                size = i - x - 1
            else:
                word = None
        if word is None:
            r = self.run_back.match(rev, n - i)
            size = r.end() - r.start()
            if size == 16 or prev == u"\n":
                return not self.is_abbreviation(text, i)
            word = text[i - size:i]
        if not size:
            return True
        c = (<str>word)[0]  # [^\W\d_]: a letter
        if not c.isalnum() or c.isdecimal() or c == u"_":
            return True
        got = self.closes_cache.get(word)
        if got is None:
            got = self.closes(word)
        return not got

    def split(self, str text):
        cdef list out = []
        cdef Py_ssize_t start = 0, n = len(text), i = 0, e
        cdef unsigned int kind = PyUnicode_KIND(text)
        cdef void* data = PyUnicode_DATA(text)
        cdef Py_UCS4 c
        cdef object rev = None
        while True:
            while i < n:
                c = PyUnicode_READ(kind, data, i)
                if c < 65536 and self.starts[c] & 1:
                    break
                i += 1
            if i >= n:
                break
            if not self.by_table:
                e = self.boundary.match(text, i).end()
            elif self.starts[c] & 2:  # end marks, then closers
                e = i + 1
                while e < n:
                    c = PyUnicode_READ(kind, data, e)
                    if c >= 65536 or not self.starts[c] & 2:
                        break
                    e += 1
                while e < n:
                    c = PyUnicode_READ(kind, data, e)
                    if c >= 65536 or not self.starts[c] & 4:
                        break
                    e += 1
            elif c == u"\r" and i + 1 < n and PyUnicode_READ(kind, data, i + 1) == u"\n":
                e = i + 2
            else:
                e = i + 1
            if PyUnicode_READ(kind, data, i) == u".":
                if rev is None:
                    rev = text[::-1]
                if not self.dot_ends(text, rev, i, e):
                    i = e
                    continue
            _add_sentence(text, start, e, out, self.strip, self.mk)
            start = i = e
        if start < n:
            _add_sentence(text, start, n, out, self.strip, self.mk)
        return out


# --------------------------------------------------------------------------- times


cdef bint _is_inner(str word, frozenset inner) except -1:
    """`times._is_inner`."""
    if word in inner or word.isdigit():
        return True
    if word[0] == u"و" or word[0] == u"ف":
        word = word[1:]
        if word in inner:
            return True
    return len(word) > 1 and (word[0] == u"ب" or word[0] == u"ل" or word[0] == u"ك") and word[1:] in inner


def word_starts(str t, Py_ssize_t k, Py_ssize_t n, Py_ssize_t floor, object is_inner, object inner,
                object word_back):
    """`times._word_starts` (without its `rev` argument); `is_inner` None
    for its test in C (`times._is_inner`, `inner` a frozenset)."""
    return _word_starts(t, k, n, floor, is_inner, inner, word_back)


cdef list _word_starts(str t, Py_ssize_t k, Py_ssize_t n, Py_ssize_t floor, object is_inner, object inner,
                       object word_back):
    cdef Py_ssize_t size = len(t), pos = k, e, j, count
    cdef list out = [k]
    cdef object rev = None, seg, m
    cdef unsigned int kind = PyUnicode_KIND(t)
    cdef void* data = PyUnicode_DATA(t)
    for count in range(n):
        e = pos
        while e > 0 and not Py_UNICODE_ISALNUM(PyUnicode_READ(kind, data, e - 1)):
            e -= 1
        if e <= floor:
            break  # no word before, or it begins before `floor`
        # the run of letters and digits before e (not before floor): the word,
        # when a space or `floor` is before it ("the last space before e, and
        # only letters or digits from there", as in times._word_starts)
        j = e
        while j > floor and Py_UNICODE_ISALNUM(PyUnicode_READ(kind, data, j - 1)):
            j -= 1
        if j == floor:
            if floor and Py_UNICODE_ISALNUM(PyUnicode_READ(kind, data, floor - 1)):
                break  # the word begins before `floor`
            seg = t[floor:e]
        elif PyUnicode_READ(kind, data, j - 1) == u" ":
            seg = t[j:e]
        else:  # other characters glued to the word ("«الجمعة")
            if rev is None:
                rev = t[::-1]
            m = word_back.match(rev, size - pos)
            e, j = size - m.start(1), size - m.end(1)
            if j >= e or j < floor:
                break
            seg = t[j:e]
        if is_inner is None:
            if not _is_inner(<str>seg, <frozenset>inner):
                break
        elif not is_inner(seg, inner):
            break
        out.append(j)
        pos = j
    out.reverse()
    return out


cdef inline bint _clitic_letter(Py_UCS4 c):
    return c == u"و" or c == u"ف" or c == u"ب" or c == u"ل" or c == u"ك"


def times_at(str text, object published, object n, list spots, object master_match, object digit_led_match,
             object first_reading, object is_inner, object inner, object word_back, Py_ssize_t max_words,
             Py_ssize_t max_after):
    """`times._times_at_py` (with `times._digit_led_ok` in C)."""
    cdef str t = n.text
    cdef list out = []
    cdef Py_ssize_t size = len(t), last = 0, tried = 0, pos, p, k, floor, end, q, d
    cdef object anchors, anchor, m, hit
    cdef unsigned int kind = PyUnicode_KIND(t)
    cdef void* data = PyUnicode_DATA(t)
    for pos, anchors in spots:
        for anchor in anchors:
            p = pos + <Py_ssize_t>anchor[0]
            if p < tried or p < last:
                continue
            k = pos + <Py_ssize_t>anchor[1]
            # word starts before `tried` were all tried for an earlier anchor
            floor = last if last > tried else tried
            end = t.find(u" ", p + max_after)
            if end < 0:
                end = size
            for q in _word_starts(t, k, max_words, floor, is_inner, inner, word_back):
                if q < last:
                    continue
                # times._digit_led_ok
                d = q
                if _clitic_letter(PyUnicode_READ(kind, data, d)):
                    d += 1
                    if d < end and _clitic_letter(PyUnicode_READ(kind, data, d)):
                        d += 1
                if d < end and Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, d)):
                    if digit_led_match(t, d, end) is None:
                        continue
                m = master_match(t, q, end)
                if m is None:
                    continue
                hit = first_reading(m, text, n, published)
                if hit is not None:
                    out.append(hit[1])
                    last = hit[0].end()
            if k + 1 > tried:
                tried = k + 1
    return out
