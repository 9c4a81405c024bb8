# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""C loops for extraction's per-document analysis (optional).

Built by Cython when rasad is installed (see setup.py). When it is not built
(no compiler where rasad was installed) `context.analyse` runs the
pure-Python loop this mirrors, and which stays the reference it is tested
against (tests/extract/test_fast_context.py):

  file_hits                          context._file_hits_py
  of, words_before, words_after,     the methods of context.SentenceInfo
  tokens_within                      (bound onto it in their place)
  norm_of                            the method of context.Context

Hits are made with their type's own allocator and filled in place -- what
`tuple.__new__(Hit, (...))` does, without the intermediate tuple. They hold
only ints, strings, a tuple of strings and a bool, so, like such a tuple,
they are not tracked by the cycle collector.
"""
from cpython.mem cimport PyMem_Free, PyMem_Malloc
from cpython.ref cimport Py_INCREF


cdef extern from "Python.h":
    ctypedef struct PyObject
    ctypedef PyObject* (*allocfunc)(PyTypeObject*, Py_ssize_t)
    ctypedef struct PyTypeObject:
        Py_ssize_t tp_itemsize
        allocfunc tp_alloc
    PyObject* PyType_GenericAlloc(PyTypeObject *tp, Py_ssize_t nitems)
    object _alloc "PyType_GenericAlloc"(PyTypeObject *tp, Py_ssize_t nitems)
    void PyObject_GC_UnTrack(void *op)
    void PyTuple_SET_ITEM(object p, Py_ssize_t pos, object o)  # steals a reference to o


cdef inline void _put(object t, Py_ssize_t i, object v):
    Py_INCREF(v)
    PyTuple_SET_ITEM(t, i, v)


def file_hits(list scan, object index, list starts, list ends, list infos, type hit_type):
    """`context._file_hits_py`."""
    cdef PyTypeObject* tp = <PyTypeObject*>hit_type
    if tp.tp_alloc != PyType_GenericAlloc or tp.tp_itemsize != sizeof(PyObject*):
        raise TypeError("file_hits: the hit type must be a plain tuple subclass")
    cdef Py_ssize_t n_sents = len(infos), k, cur, i, ms, me, s_
    cdef Py_ssize_t* c_starts = <Py_ssize_t*>PyMem_Malloc((n_sents + 1) * sizeof(Py_ssize_t))
    cdef Py_ssize_t* c_ends = <Py_ssize_t*>PyMem_Malloc((n_sents + 1) * sizeof(Py_ssize_t))
    if c_starts == NULL or c_ends == NULL:
        PyMem_Free(c_starts)
        PyMem_Free(c_ends)
        raise MemoryError()
    cdef object kind, matches, key, matched, meanings, s, e, si, h, of
    cdef object hits = None, filed = None
    cdef tuple m, row
    cdef object no_ids = ()
    try:
        for i in range(n_sents):
            c_starts[i] = starts[i]
            c_ends[i] = ends[i]
        for kind, matches in scan:
            key = (kind,)
            k = -1
            cur = -2  # the sentence whose lists `hits` and `filed` are
            for m in matches:
                ms = m[0]
                me = m[1]
                s = index[ms]
                s_ = s
                while k + 1 < n_sents and c_starts[k + 1] <= s_:
                    k += 1
                if k < 0 or s_ >= c_ends[k]:
                    continue
                if k != cur:
                    cur = k
                    si = infos[k]
                    hits = si.hits
                    of = si._of
                    filed = of.get(key)
                    if filed is None:
                        filed = []
                        of[key] = filed
                e = index[me - 1] + 1 if me > ms else s
                matched = m[2]
                meanings = m[3]
                for row in meanings:
                    h = _alloc(tp, 9)
                    _put(h, 0, s)
                    _put(h, 1, e)
                    _put(h, 2, kind)
                    _put(h, 3, row[0])
                    _put(h, 4, row[1])
                    _put(h, 5, row[2])
                    _put(h, 6, matched)
                    _put(h, 7, no_ids)
                    _put(h, 8, False)
                    PyObject_GC_UnTrack(<PyObject*>h)
                    (<list>hits).append(h)
                    (<list>filed).append(h)
    finally:
        PyMem_Free(c_starts)
        PyMem_Free(c_ends)


# --------------------------------------------------------------------------- SentenceInfo's look-ups
# Bound onto context.SentenceInfo as its methods when built; the methods written there are the reference.

cdef inline Py_ssize_t _bisect_right(object a, object x) except -1:
    """bisect.bisect_right(a, x)."""
    cdef Py_ssize_t lo = 0, hi = len(a), mid
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


cdef inline Py_ssize_t _bisect_left(object a, object x) except -1:
    """bisect.bisect_left(a, x)."""
    cdef Py_ssize_t lo = 0, hi = len(a), mid
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def of(self, *kinds):
    """The hits of some kinds, in text order (cached: extractors ask again and again)."""
    cdef dict cache = self._of
    found = cache.get(kinds)
    if found is None:
        if len(kinds) == 1 and self.filed or not self.hits:
            found = []  # no hit of that kind
        else:
            found = [h for h in self.hits if h.kind in kinds]
        cache[kinds] = found
    return found


def words_before(self, offset, Py_ssize_t n):
    """The last n word tokens that end at or before `offset`, in text order:
    `[t for t in tokens if t.end <= offset and t.kind == "word"][-n:]`."""
    cdef object toks = self.tokens
    cdef Py_ssize_t k = _bisect_right(self.token_ends, offset)
    cdef list out = []
    cdef object t
    while k > 0 and len(out) < n:
        k -= 1
        t = toks[k]
        if t.kind == "word":
            out.append(t)
    out.reverse()
    return out


def words_after(self, offset, Py_ssize_t n):
    """The first n word tokens that start at or after `offset`:
    `[t for t in tokens if t.start >= offset and t.kind == "word"][:n]`."""
    cdef object toks = self.tokens
    cdef Py_ssize_t k = _bisect_left(self.token_starts, offset)
    cdef Py_ssize_t size = len(toks)
    cdef list out = []
    cdef object t
    while k < size and len(out) < n:
        t = toks[k]
        if t.kind == "word":
            out.append(t)
        k += 1
    return out


def tokens_within(self, a, b):
    """The tokens t with a <= t.start and t.end <= b."""
    cdef Py_ssize_t lo = _bisect_left(self.token_starts, a)
    cdef Py_ssize_t hi = _bisect_right(self.token_ends, b)
    return self.tokens[lo:hi] if hi > lo else []


# --------------------------------------------------------------------------- Context's look-up

_norm_cached = None  # context._norm_cached, set when norm_of is bound


def norm_of(self, start, end):
    """The matching form of an original-text span."""
    return _norm_cached(self.doc.text[start:end])


# --- places ---
# places._heads' scan of a sentence's tokens; places._heads_py is the reference.

def heads(list tokens, object ends_in_head, object head_kind):
    """The indexes of the tokens that are place words able to introduce a name: `places._heads_py`
    (`ends_in_head`: places._HEAD_ENDING, `head_kind`: places._head_kind_of)."""
    cdef list out = []
    cdef Py_ssize_t k
    cdef object t
    for k in range(len(tokens)):
        t = tokens[k]
        if ends_in_head[t.norm] and not t.suffix and t.kind == "word" and "ال" not in t.prefix \
                and head_kind(t.norm, t.stem) is not None:
            out.append(k)
    return out
