"""The Arabic language layer: knows Arabic, not the domain."""
from .normalize import norm, normalize, strip_article

__all__ = ["norm", "normalize", "strip_article"]
