"""The Arabic language layer: knows Arabic, not the domain."""
from ._native import C as _C
from .analysis import Analysis, analyse
from .normalize import light, norm, normalize, strip_article
from .quantities import quantities
from .sentences import sentences
from .times import times
from .tokens import split_clitics, tokenize

# Whether the per-piece loops run in C (rasad.arabic._speedups, built by
# Cython when rasad was installed with a C compiler) or in Python.
SPEEDUPS = _C is not None

__all__ = [
    "SPEEDUPS", "Analysis", "analyse", "light", "norm", "normalize", "quantities", "sentences", "split_clitics",
    "strip_article", "times", "tokenize",
]
