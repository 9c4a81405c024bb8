# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""C loops for the knowledge scanners' per-hit work (optional).

Built by Cython when rasad is installed (see setup.py). When it is not built
(no compiler where rasad was installed) the scanners run the pure-Python
loops these mirror, and which stay the reference they are tested against
(tests/knowledge/test_fast_scan.py):

  multi_find     matching._multi_find_py   (MultiMatcher.find)
  place_hits     places._place_hits_py     (Gazetteer.scan_spans)
  longest_first  places._longest_first_py  (Gazetteer.scan_spans)

A character is a letter where `str.isalpha` says so and a word character
where `str.isalnum` or "_" does: the same Unicode tests, on code points.
"""
from cpython.mem cimport PyMem_Free, PyMem_Malloc, PyMem_Realloc
from cpython.object cimport PyObject
from cpython.unicode cimport PyUnicode_DATA, PyUnicode_KIND, PyUnicode_READ
from libc.stdlib cimport qsort
from libc.string cimport memset


cdef extern from "Python.h":
    bint Py_UNICODE_ISALPHA(Py_UCS4 ch)
    bint Py_UNICODE_ISALNUM(Py_UCS4 ch)
    Py_ssize_t PyUnicode_FindChar(object s, Py_UCS4 ch, Py_ssize_t start, Py_ssize_t end, int direction) except -2


cdef struct RawHit:
    Py_ssize_t matcher, ws, we, klen, seq
    PyObject* key
    PyObject* rows


cdef int _by_place(const void* a, const void* b) noexcept nogil:
    """Matcher, then start, the longest span first, the longest key first, automaton order: the
    order of the reference's sort keys (start, -length, -key length, automaton order)."""
    cdef const RawHit* x = <const RawHit*>a
    cdef const RawHit* y = <const RawHit*>b
    if x.matcher != y.matcher:
        return -1 if x.matcher < y.matcher else 1
    if x.ws != y.ws:
        return -1 if x.ws < y.ws else 1
    if x.we != y.we:
        return -1 if x.we > y.we else 1
    if x.klen != y.klen:
        return -1 if x.klen > y.klen else 1
    return -1 if x.seq < y.seq else (1 if x.seq > y.seq else 0)


cdef class _Hits:
    """A growing array of RawHit; the objects it points to are held in `keep` or by the automaton."""

    cdef RawHit* items
    cdef Py_ssize_t n, cap
    cdef list keep

    def __cinit__(self):
        self.cap = 256
        self.n = 0
        self.items = <RawHit*>PyMem_Malloc(self.cap * sizeof(RawHit))
        if self.items == NULL:
            raise MemoryError()
        self.keep = []

    def __dealloc__(self):
        PyMem_Free(self.items)

    cdef int add(self, Py_ssize_t matcher, Py_ssize_t ws, Py_ssize_t we, Py_ssize_t klen, Py_ssize_t seq,
                 object key, object rows) except -1:
        cdef RawHit* grown
        if self.n == self.cap:
            grown = <RawHit*>PyMem_Realloc(self.items, 2 * self.cap * sizeof(RawHit))
            if grown == NULL:
                raise MemoryError()
            self.items = grown
            self.cap *= 2
        self.items[self.n] = RawHit(matcher, ws, we, klen, seq, <PyObject*>key, <PyObject*>rows)
        self.n += 1
        return 0


def multi_find(automaton, str text, Py_ssize_t n_matchers, list row_fns):
    """`matching._multi_find_py`."""
    cdef _Hits acc = _Hits()
    cdef Py_ssize_t n = len(text)
    cdef Py_ssize_t seq = 0, last, klen, start, end, ws, we, i
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef tuple item, value, group, check
    cdef object key, which, prefixes, suffixes, rows, prefix, suffix, pre, suf
    cdef list ok
    for item in automaton.iter(text):
        last = item[0]
        value = <tuple>item[1]
        key = value[0]
        klen = value[1]
        which = value[2]
        prefixes = value[3]
        suffixes = value[4]
        rows = value[5]
        end = last + 1
        start = end - klen
        ws = start
        while ws > 0 and Py_UNICODE_ISALPHA(PyUnicode_READ(kind, data, ws - 1)):
            ws -= 1
        we = end
        while we < n and Py_UNICODE_ISALPHA(PyUnicode_READ(kind, data, we)):
            we += 1
        prefix = text[ws:start]
        suffix = text[end:we]
        if which is not None:
            if prefix in prefixes and suffix in suffixes:
                acc.add(<Py_ssize_t>which, ws, we, klen, seq, key, rows)
            seq += 1
            continue
        for group in prefixes:  # several matchers, or several clitic tests
            i = group[0]
            pre = group[1]
            suf = group[2]
            if pre is not None:
                if prefix in pre and suffix in suf:
                    acc.add(i, ws, we, klen, seq, key, group[3])
                continue
            ok = []
            for check in suf:
                if prefix in check[1] and suffix in check[2]:
                    ok.append(check[0])
            if ok:
                rows = row_fns[i](tuple(ok))
                acc.keep.append(rows)
                acc.add(i, ws, we, klen, seq, key, rows)
        seq += 1
    qsort(acc.items, acc.n, sizeof(RawHit), _by_place)
    cdef list out = [[] for _ in range(n_matchers)]
    cdef list kept
    cdef RawHit* h
    cdef Py_ssize_t j, current = -1, last_end = -1
    for j in range(acc.n):  # leftmost-longest, per matcher
        h = &acc.items[j]
        if h.matcher != current:
            current = h.matcher
            kept = <list>out[current]
            last_end = -1
        if h.ws >= last_end:
            kept.append((h.ws, h.we, <object>h.key, <object>h.rows))
            last_end = h.we
    return out


def place_hits(automaton, str t, str proclitics):
    """`places._place_hits_py`."""
    cdef list hits = []
    cdef Py_ssize_t n_t = len(t)
    cdef Py_ssize_t end, start, k, length, n_pro = len(proclitics)
    cdef int kind = PyUnicode_KIND(t)
    cdef void* data = PyUnicode_DATA(t)
    cdef Py_UCS4 c
    cdef bint ok
    cdef tuple item, value
    for item in automaton.iter(t):
        end = item[0]
        value = <tuple>item[1]
        length = value[2]
        start = end + 1 - length
        if end + 1 < n_t:
            c = PyUnicode_READ(kind, data, end + 1)
            if Py_UNICODE_ISALNUM(c) or c == u"_":
                continue
        ok = start == 0 or not _word_char(PyUnicode_READ(kind, data, start - 1))
        k = start
        while not ok and k > 0 and start - k < 2 and \
                PyUnicode_FindChar(proclitics, PyUnicode_READ(kind, data, k - 1), 0, n_pro, 1) >= 0:
            k -= 1
            ok = k == 0 or not _word_char(PyUnicode_READ(kind, data, k - 1))
        if ok:
            hits.append((start, end + 1, value[0], value[1]))
    return hits


cdef struct Span:
    Py_ssize_t s, e, i


cdef int _by_length(const void* a, const void* b) noexcept nogil:
    """The longest first, then the leftmost, then in the order given: the reference's stable sort by
    (-length, start)."""
    cdef const Span* x = <const Span*>a
    cdef const Span* y = <const Span*>b
    cdef Py_ssize_t lx = x.e - x.s, ly = y.e - y.s
    if lx != ly:
        return -1 if lx > ly else 1
    if x.s != y.s:
        return -1 if x.s < y.s else 1
    return -1 if x.i < y.i else (1 if x.i > y.i else 0)


def longest_first(list hits, Py_ssize_t n_t):
    """`places._longest_first_py`."""
    cdef Py_ssize_t n = len(hits), j, k, s, e
    cdef list out = []
    if n == 0:
        return out
    cdef Span* spans = <Span*>PyMem_Malloc(n * sizeof(Span))
    cdef unsigned char* taken = <unsigned char*>PyMem_Malloc(n_t + 1)
    cdef tuple h
    cdef bint free
    if spans == NULL or taken == NULL:
        PyMem_Free(spans)
        PyMem_Free(taken)
        raise MemoryError()
    try:
        for j in range(n):
            h = <tuple>hits[j]
            spans[j].s = h[0]
            spans[j].e = h[1]
            spans[j].i = j
        memset(taken, 0, n_t + 1)
        qsort(spans, n, sizeof(Span), _by_length)
        for j in range(n):
            s = spans[j].s
            e = spans[j].e
            if s < 0:
                s = 0
            if e > n_t:
                e = n_t
            free = True
            for k in range(s, e):
                if taken[k]:
                    free = False
                    break
            if not free:
                continue
            for k in range(s, e):
                taken[k] = 1
            out.append(hits[spans[j].i])
    finally:
        PyMem_Free(spans)
        PyMem_Free(taken)
    return out


cdef inline bint _word_char(Py_UCS4 c):
    return Py_UNICODE_ISALNUM(c) or c == u"_"
