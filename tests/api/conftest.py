"""The API over a store holding the example corpus (examples/corpus), ingested once per session per database.

`api` is a TestClient over that store, on SQLite and on PostgreSQL (skipped without RASAD_TEST_PG_URL, like
the suite's `store_url`); tests that write use `fresh_client`, over an empty store of their own.
"""
from __future__ import annotations

import os
import uuid
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CORPUS = ROOT / "examples" / "corpus"
warnings.filterwarnings("ignore", message=".*httpx.*starlette.testclient.*")


def _client(app):
    from fastapi.testclient import TestClient

    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def corpus_url(request, tmp_path_factory):
    """A database with the example corpus ingested (extraction and reconciliation included)."""
    from rasad import pipeline
    from rasad.settings import Settings
    from rasad.store import Store

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'corpus.db'}"
        admin = name = None
    else:
        base = os.environ.get("RASAD_TEST_PG_URL")
        if not base:
            pytest.skip(os.environ.get("RASAD_TEST_PG_SKIP") or "PostgreSQL tests need RASAD_TEST_PG_URL")
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        name = f"rasad_api_{uuid.uuid4().hex[:12]}"
        admin = create_engine(make_url(base).set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(base).set(database=name).render_as_string(hide_password=False)
    settings = Settings.from_env(db=url)
    with Store.open(url) as store:
        report = pipeline.ingest([str(CORPUS)], store, settings)
    assert report.stored and not report.interrupted
    yield url
    if admin is not None:
        from sqlalchemy import text

        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def api(corpus_url):
    from rasad.api.app import create_app
    from rasad.settings import Settings

    app = create_app(Settings.from_env(db=corpus_url))
    with _client(app) as client:
        client.store = app.state.store
        yield client


@pytest.fixture
def fresh_client(store_url):
    """A client over an empty store of its own that accepts writes with the token 'sesame'."""
    from rasad.api.app import create_app
    from rasad.settings import Settings

    app = create_app(Settings.from_env(db=store_url), write_token="sesame")
    with _client(app) as client:
        client.store = app.state.store
        yield client


AUTH = {"Authorization": "Bearer sesame"}
