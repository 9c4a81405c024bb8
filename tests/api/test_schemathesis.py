"""Property-based API tests generated from the OpenAPI schema (schemathesis), in-process over the ASGI app:
no request the schema allows, nor a malformed one, may make the server fail; responses must match the schema.

Schemathesis reads the schema when this module is imported, so the apps are made then, over a scratch store;
before the tests run, a fixture points the reading app at the session's example-corpus store (SQLite, and
PostgreSQL when available) and the writing app (which has the write token) at an empty store of its own.
`RASAD_API_EXAMPLES` sets the examples per operation (default 20: about a minute on SQLite).

Every check runs but `positive_data_acceptance` (a schema-valid request must succeed): the API rightly refuses
some combinations a schema cannot express (date_from after date_to, a box whose west lies east of its east,
longitudes beyond 180), with a 422 saying why.
"""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402

from rasad.api.app import create_app  # noqa: E402
from rasad.settings import Settings  # noqa: E402

from .conftest import AUTH  # noqa: E402

EXCLUDED = [schemathesis.checks.positive_data_acceptance]
EXAMPLES = int(os.environ.get("RASAD_API_EXAMPLES", "20"))
_SCRATCH_DIR = tempfile.mkdtemp(prefix="rasad-schemathesis-")
_SCRATCH = Path(_SCRATCH_DIR) / "scratch.db"
READ_APP = create_app(Settings(db=f"sqlite:///{_SCRATCH}"))
WRITE_APP = create_app(Settings(db=f"sqlite:///{_SCRATCH}"), write_token="sesame")
_SCRATCH_STORES = (READ_APP.state.store, WRITE_APP.state.store)


@atexit.register
def _cleanup() -> None:
    for store in _SCRATCH_STORES:
        store.close()
    shutil.rmtree(_SCRATCH_DIR, ignore_errors=True)
read_schema = schemathesis.openapi.from_asgi("/openapi.json", READ_APP)
write_schema = schemathesis.openapi.from_asgi("/openapi.json", WRITE_APP)


@pytest.fixture
def on_corpus(api):
    """The reading app over the session's example-corpus store."""
    READ_APP.state.store, READ_APP.state.settings = api.app.state.store, api.app.state.settings
    yield


@pytest.fixture
def on_fresh(fresh_client):
    """The writing app over an empty store of the test's own."""
    WRITE_APP.state.store, WRITE_APP.state.settings = fresh_client.app.state.store, fresh_client.app.state.settings
    yield


def _settings(n: int):
    return settings(max_examples=n, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck))


@read_schema.include(method="GET").parametrize()
@_settings(EXAMPLES)
def test_reading(case, on_corpus):
    case.call_and_validate(excluded_checks=EXCLUDED)


@write_schema.include(method=["POST", "PATCH"]).parametrize()
@_settings(max(5, EXAMPLES // 3))
def test_writing(case, on_fresh):
    case.call_and_validate(headers=AUTH, excluded_checks=EXCLUDED)
