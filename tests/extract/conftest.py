"""Fixtures of the extraction tests: the bundled knowledge base, loaded once for the session."""
from __future__ import annotations

import pytest

from rasad.knowledge import load


@pytest.fixture(scope="session")
def kb():
    return load()
