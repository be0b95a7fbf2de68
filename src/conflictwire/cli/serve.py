"""`conflictwire serve`: the store's API and the analyst's map, on this machine."""
from __future__ import annotations

import ipaddress
from typing import Optional

import typer

from .common import DB_HELP, abort, ensure_gazetteer, open_store, say

EPILOG = """**Examples**

* `conflictwire serve` (the default store, at http://127.0.0.1:8000; API docs at /docs)
* `conflictwire serve --db events.db --port 8080`
* `conflictwire serve --host 0.0.0.0 --token "$(openssl rand -hex 16)"` (others may read; writing needs the token)
"""


def loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve_command(
    db: Optional[str] = typer.Option(None, "--db", envvar="CONFLICTWIRE_DB", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; anything but loopback needs --token."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    token: Optional[str] = typer.Option(None, "--token", envvar="CONFLICTWIRE_TOKEN", help="Token that POST /articles must carry (Authorization: Bearer TOKEN)."),
    tiles: Optional[str] = typer.Option(None, "--tiles", envvar="CONFLICTWIRE_TILES", help="A tile server's URL template (https://.../{z}/{x}/{y}.png) for the map; without it, country outlines from packaged data."),
) -> None:
    """Serve the store: a JSON/GeoJSON/CSV API (docs at /docs), ACLED's query API at
    /api/acled/read, and the dashboard (map, timeline, table, event cards) at /."""
    if not loopback(host) and not token:
        abort(ValueError(f"--host {host} is reachable from other machines: give --token (or CONFLICTWIRE_TOKEN) "
                         "so that only you can write to the store"), 2)
    import uvicorn

    from ..api import create_app

    store = open_store(db)
    ensure_gazetteer()
    say(f"serving {store.url.render_as_string(hide_password=True)} at http://{host}:{port}/ (API docs: /docs)")
    uvicorn.run(create_app(token=token, store=store, tiles=tiles), host=host, port=port, log_level="warning")
