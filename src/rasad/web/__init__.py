"""The browser UI that `rasad serve` serves: static files only (plain ES modules, no build step).

`static/index.html` is the page; `static/*.js` its modules; `static/vendor/` the vendored libraries and font
(origin, version and licence of each in `static/vendor/README.md`); `static/data/basemap.json` the plain base
map (`static/data/README.md`). Nothing is fetched from outside the server at run time.
"""
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"
