"""The Arabic language layer: knows Arabic, not the domain."""
from .analysis import Analysis, analyse
from .normalize import light, norm, normalize, strip_article
from .quantities import quantities
from .sentences import sentences
from .times import times
from .tokens import split_clitics, tokenize

__all__ = [
    "Analysis", "analyse", "light", "norm", "normalize", "quantities", "sentences", "split_clitics",
    "strip_article", "times", "tokenize",
]
