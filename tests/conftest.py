"""Fixtures shared by the whole suite.

`store_url` runs a test once on SQLite and once on PostgreSQL. PostgreSQL needs
RASAD_TEST_PG_URL (scripts/test.sh starts a server and sets it); where the
server could not be started the PostgreSQL runs are skipped with the reason,
never silently.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _pg_base() -> str | None:
    return os.environ.get("RASAD_TEST_PG_URL")


def _pg_skip_reason() -> str:
    return os.environ.get("RASAD_TEST_PG_SKIP") or \
        "PostgreSQL tests need RASAD_TEST_PG_URL (scripts/test.sh starts a server and sets it)"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'rasad.db'}"
        return
    base = _pg_base()
    if not base:
        pytest.skip(_pg_skip_reason())
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"rasad_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(make_url(base).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def store(store_url):
    from rasad.store import Store

    s = Store.open(store_url)
    yield s
    s.close()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    d = SHARED / "seeds"
    if not d.is_dir():
        pytest.skip(f"{d} is not there (the development seeds live beside the repo)")
    return d
