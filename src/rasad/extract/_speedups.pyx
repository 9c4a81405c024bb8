# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""C loops for extraction's per-document analysis (optional).

Built by Cython when rasad is installed (see setup.py). When it is not built
(no compiler where rasad was installed) `context.analyse` runs the
pure-Python loops these mirror, which stay the references they are tested
against:

  file_hits                          context._file_hits_py
  of, words_before, words_after,     the methods of context.SentenceInfo
  tokens_within                      (bound onto it in their place)
  norm_of                            the method of context.Context
  gate_bits                          claims._gate_bits_py          (tests/extract/test_fast_claims.py)
  source_tokens, opening_words,      attribution._source_tokens_py, _opening_words_py,
  speaker_span, word_tokens,         _speaker_span_py, _word_tokens_py, _phrase_end_py
  phrase_end                         (tests/extract/test_fast_attribution.py)
  heads                              places._heads_py              (tests/extract/test_fast_places.py)

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


# --- claims ---
# `claims._gates`' loop over a sentence's tokens; its reference is claims._gate_bits_py. A token's norm
# and stem are read straight from their slots (the offsets `slot_offset` finds in the class's member
# descriptors) when the token is of the class given, else by attribute.

cdef extern from "Python.h":
    ctypedef struct PyMemberDef:
        Py_ssize_t offset
    ctypedef struct PyMemberDescrObject:
        PyMemberDef* d_member
    ctypedef struct PyTypeObject_ "PyTypeObject"
    PyTypeObject_* Py_TYPE(object o)
    PyTypeObject_* PyMemberDescr_Type_p "(&PyMemberDescr_Type)"


def slot_offset(type cls, str name):
    """Where in a `cls` object the slot `name` is kept (-1: `name` is no slot of `cls`)."""
    descr = cls.__dict__.get(name)
    if descr is None or Py_TYPE(descr) != PyMemberDescr_Type_p:
        return -1
    return (<PyMemberDescrObject*><void*>descr).d_member.offset


cdef inline object _slot(object t, type cls, Py_ssize_t off, str name):
    cdef void* v
    if off >= 0 and Py_TYPE(t) == <PyTypeObject_*><void*>cls:
        v = (<void**>((<char*><void*>t) + off))[0]
        if v != NULL:
            return <object>v
    return getattr(t, name)


def gate_bits(list toks, dict bits, type cls, Py_ssize_t norm_off, Py_ssize_t stem_off):
    """`claims._gate_bits_py`: the bits of `bits` of every token's norm and stem, or'ed."""
    cdef long found = 0
    cdef object t, v
    for t in toks:
        v = bits.get(_slot(t, cls, norm_off, "norm"))
        if v is not None:
            found |= <long>v
        v = bits.get(_slot(t, cls, stem_off, "stem"))
        if v is not None:
            found |= <long>v
    return found


# --- attrib ---
# attribution's scans of a sentence's tokens; the Python loops in attribution.py are the reference
# (tests/extract/test_fast_attribution.py).

def source_tokens(list toks, words):
    """`attribution._source_tokens_py`: the indices of the word tokens whose matching form or stem is
    one of `words`."""
    cdef list out = []
    cdef Py_ssize_t k, n = len(toks)
    cdef object t
    for k in range(n):
        t = toks[k]
        if (t.norm in words or t.stem in words) and t.kind == "word":
            out.append(k)
    return out


def opening_words(list toks, Py_ssize_t lo, Py_ssize_t hi, openers):
    """`attribution._opening_words_py`: the texts of toks[lo:hi] (lo, hi >= 0), joined by spaces, up to the first
    punctuation mark other than a quotation mark or the first word in `openers`."""
    cdef list words = []
    cdef Py_ssize_t k
    cdef object t
    if hi > len(toks):
        hi = len(toks)
    for k in range(lo, hi):
        t = toks[k]
        if t.kind == "punct" and t.text not in '"“”«»' or t.norm in openers:
            break
        words.append(t.text)
    return " ".join(words)


def speaker_span(list toks, Py_ssize_t lo, bint objective, str text, tuple sets, body_follows, si):
    """`attribution._speaker_span_py`: the span of the speaker phrase from toks[lo] on, or None."""
    openers, documents, issuer_links, source_stops, not_speakers = sets
    cdef Py_ssize_t j, n = len(toks), n_words = 0, s, e
    cdef bint document = False
    cdef object t, w, stem, first = None, start = None, end = None
    if lo < 0:
        lo = 0
    for j in range(lo, n):
        t = toks[j]
        if t.kind == "punct":
            if t.text in '"“”«»(':
                continue
            if objective and n_words:
                break
            return None  # a comma or colon before "إن": not a speaker phrase
        w = t.norm
        if w in openers or w[:1] == "و" and w.lstrip("و") in openers:
            break
        if not n_words and (w == "به" or w == "بها" or w == "ما"):
            continue
        stem = t.stem
        if not n_words and (w in documents or stem in documents):
            document = True
            continue
        if document and not n_words and (w in issuer_links or stem in issuer_links):
            continue
        if t.prefix.startswith("ل") and stem != "لواء":
            if document and not n_words:  # the issuer
                s = t.start + 1
                e = t.end
                while s < e and text[s] in "ـ\"«“":
                    s += 1
                start = s
                first = t
                end = t.end
                n_words += 1
                continue
            break
        if n_words >= 10:
            break
        if w == "في" and n_words and body_follows(si, j):
            end = t.end
            n_words += 1
            continue
        if w in source_stops or (stem in source_stops and (t.prefix == "" or t.prefix == "و")):
            if objective or not n_words:
                break
            return None
        if not n_words:
            first = t
        end = t.end
        n_words += 1
    else:
        if not objective:
            return None
    if not n_words or first.norm in not_speakers:
        return None
    return (start if start is not None else first.start), end


def word_tokens(list toks):
    """`attribution._word_tokens_py`: the tokens of kind "word", in order."""
    cdef list out = []
    cdef object t
    for t in toks:
        if t.kind == "word":
            out.append(t)
    return out


cdef inline bint _covers(list items, object offset) except -1:
    """context.covers: some item has start <= offset < end."""
    cdef object x
    for x in items:
        if x.start <= offset < x.end:
            return True
    return False


def phrase_end(list toks, Py_ssize_t k, stops, list verbs, list actors, body_follows, si):
    """`attribution._phrase_end_py`: the end offset of a source phrase whose head is toks[k]."""
    cdef Py_ssize_t j = k + 1, n = len(toks), words = 0
    cdef object t, w, end = toks[k].end
    while j < n and words < 8:
        t = toks[j]
        if t.kind == "punct":
            if t.text in '"“”«»':
                j += 1
                continue
            break
        w = t.norm
        if w == "في" and body_follows(si, j):
            pass
        elif w in stops or t.stem in stops and (t.prefix == "" or t.prefix == "و"):
            break
        if t.prefix.startswith("ل") and not _covers(actors, t.start) or _covers(verbs, t.start):
            break
        end = t.end
        words += 1
        j += 1
    while j < n and toks[j].text in '"”»' and toks[j].start == end:
        end = toks[j].end
        j += 1
    return end


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
