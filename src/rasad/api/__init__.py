"""The web API (FastAPI) over the store: `rasad.api.app.create_app`; `rasad serve` runs it.

Modules: `app` (the app, errors as JSON, the UI's static files), `deps`
(shared parameters and their validation), `schemas` (response models: the
OpenAPI schema), `rows` and `edits` (store rows in API shapes), `routers/`
(one module per group of endpoints). docs/api.md describes every endpoint.
"""
