# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""C loops for the knowledge scanners' per-hit work (optional).

Built by Cython when rasad is installed (see setup.py). When it is not built
(no compiler where rasad was installed) the scanners run the pure-Python
loops these mirror, and which stay the reference they are tested against
(tests/knowledge/test_fast_scan.py):

  multi_find   matching._multi_find_py  (MultiMatcher.find)
  place_hits   places._place_hits_py    (Gazetteer.scan_spans)

A character is a letter where `str.isalpha` says so and a word character
where `str.isalnum` or "_" does: the same Unicode tests, on code points.
"""
from cpython.unicode cimport PyUnicode_DATA, PyUnicode_KIND, PyUnicode_READ


cdef extern from "Python.h":
    bint Py_UNICODE_ISALPHA(Py_UCS4 ch)
    bint Py_UNICODE_ISALNUM(Py_UCS4 ch)
    Py_ssize_t PyUnicode_FindChar(object s, Py_UCS4 ch, Py_ssize_t start, Py_ssize_t end, int direction) except -2


def multi_find(automaton, str text, Py_ssize_t n_matchers, list row_fns):
    """`matching._multi_find_py`."""
    cdef list per = [[] for _ in range(n_matchers)]
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
                (<list>per[<Py_ssize_t>which]).append((ws, ws - we, -klen, seq, we, key, rows))
            seq += 1
            continue
        for group in prefixes:  # several matchers, or several clitic tests
            i = group[0]
            pre = group[1]
            suf = group[2]
            if pre is not None:
                if prefix in pre and suffix in suf:
                    (<list>per[i]).append((ws, ws - we, -klen, seq, we, key, group[3]))
                continue
            ok = []
            for check in suf:
                if prefix in check[1] and suffix in check[2]:
                    ok.append(check[0])
            if ok:
                (<list>per[i]).append((ws, ws - we, -klen, seq, we, key, row_fns[i](tuple(ok))))
        seq += 1
    cdef list out = []
    cdef list hits, kept
    cdef tuple h
    cdef Py_ssize_t last_end
    for hits in per:  # leftmost-longest
        hits.sort()
        kept = []
        last_end = -1
        for h in hits:
            ws = h[0]
            if ws >= last_end:
                we = h[4]
                kept.append((h[0], h[4], h[5], h[6]))
                last_end = we
        out.append(kept)
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


cdef inline bint _word_char(Py_UCS4 c):
    return Py_UNICODE_ISALNUM(c) or c == u"_"
