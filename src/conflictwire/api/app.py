"""`conflictwire serve`: the store over HTTP (FastAPI, OpenAPI docs at /docs) and the analyst's
dashboard at /.

Reads: /events (the filters of `conflictwire events`, paged, as JSON, GeoJSON or CSV),
/events/{id}, /articles/{id}, /statements, /tallies, /actors, /stats, and ACLED's own query
language at /api/acled/read. Writes: POST /articles (a token is needed when one is set).
Every bad request is a 4xx with a reason; queries are built with bound parameters only.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Optional

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import ValidationError

from ..store import AcledQueryError, EventFilter, NotFound, Store
from ..store.formats import flat_row, geojson, write_csv
from .cache import ResponseCache
from .security import BodyLimit, TokenCheck
from .writing import add_article_routes

STATIC = Path(__file__).parent / "static"
EVENT_PARAMS = {"since", "until", "country", "admin1", "event_type", "sub_event_type", "actor", "bbox", "text",
                "min_fatalities", "grade", "limit", "offset", "format"}
PAGE_DEFAULT, PAGE_MAX = 100, 50_000


def _reason(exc: ValidationError | RequestValidationError) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in e['loc'] if p not in ('query', 'body'))}: {e['msg']}" for e in exc.errors())


def event_filter(request: Request) -> EventFilter:
    """The /events query as an EventFilter; an unknown parameter or a bad value is a 400 that says which."""
    params = request.query_params
    unknown = sorted(set(params) - EVENT_PARAMS)
    if unknown:
        raise HTTPException(400, f"unknown filter(s) {', '.join(unknown)}; the filters are {', '.join(sorted(EVENT_PARAMS))}")
    values: dict = {k: params[k] for k in EVENT_PARAMS - {"format"} if k in params}
    if "bbox" in values:
        try:
            values["bbox"] = tuple(float(v) for v in values["bbox"].split(","))
        except ValueError:
            raise HTTPException(400, "bbox is west,south,east,north in degrees, e.g. 2,10,16,24") from None
    values["limit"] = values.get("limit", PAGE_DEFAULT)
    try:
        f = EventFilter(**values)
    except ValidationError as exc:
        raise HTTPException(400, _reason(exc)) from None
    if f.limit and f.limit > PAGE_MAX:
        raise HTTPException(400, f"limit={f.limit}: at most {PAGE_MAX} events a page; page with offset")
    return f


def create_app(db: Optional[str] = None, token: Optional[str] = None, store: Optional[Store] = None,
               tiles: Optional[str] = None, extractor=None) -> FastAPI:
    """The app over the store at `db` (or a Store already open); `token` guards the writes;
    `tiles`, a tile server's URL template for the map (none: country outlines from packaged data);
    `extractor`, an Extractor to reuse for POST /articles (one is built on the first report)."""
    store = store or Store(db)
    app = FastAPI(title="conflictwire", version="0.1.0",
                  description="Conflict events read from news reports, merged across reports, each field with the words it came from.")
    app.state.store = store
    app.add_middleware(BodyLimit)
    app.add_middleware(ResponseCache, version=store.version)
    guard = TokenCheck(token)

    @app.exception_handler(RequestValidationError)
    async def bad_request(_request: Request, exc: RequestValidationError):
        return JSONResponse({"detail": _reason(exc)}, status_code=422)

    @app.exception_handler(NotFound)
    async def not_found(_request: Request, exc: NotFound):
        return JSONResponse({"detail": str(exc)}, status_code=404)

    @app.exception_handler(AcledQueryError)
    async def acled_error(_request: Request, exc: AcledQueryError):
        return JSONResponse({"success": False, "status": 400, "error": [{"status": 400, "message": str(exc)}]}, status_code=400)

    @app.get("/events", summary="Canonical events, filtered and paged")
    def events(f: EventFilter = Depends(event_filter),
               format: str = Query("json", pattern="^(json|geojson|csv)$")):
        found = store.events(where=f)
        total = store.count(where=f.model_copy(update={"limit": None, "offset": 0}))
        if format == "geojson":
            return JSONResponse(geojson(found) | {"total": total, "offset": f.offset, "limit": f.limit})
        if format == "csv":
            out = io.StringIO()
            write_csv(found, out)
            return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": 'attachment; filename="events.csv"', "X-Total-Count": str(total)})
        return {"total": total, "count": len(found), "offset": f.offset, "limit": f.limit,
                "events": [e.model_dump(mode="json") for e in found]}

    @app.get("/events/{event_id}", summary="One event: fields, reports, evidence, merge reasons")
    def event(event_id: str):
        detail = store.event(store.full_id(event_id))
        body = detail.model_dump(mode="json")
        body["row"] = flat_row(detail.event)
        return body

    @app.get("/articles/{article_id}", summary="One report's text with its records")
    def article(article_id: str):
        return store.article(article_id).model_dump(mode="json")

    @app.get("/statements", summary="Statements: accusations, denials, threats, claims")
    def statements(statement_type: Optional[str] = None, speaker: Optional[str] = None, since: Optional[str] = None,
                   until: Optional[str] = None, event_id: Optional[str] = None,
                   limit: int = Query(100, ge=1, le=5000), offset: int = Query(0, ge=0)):
        total, found = store.statements(statement_type=statement_type, speaker=speaker, since=since, until=until,
                                        event_id=event_id, limit=limit, offset=offset)
        return {"total": total, "count": len(found), "statements": found}

    @app.get("/tallies", summary="Figures reports gave, beside the store's counts")
    def tallies():
        checks = store.tallies()
        return {"count": len(checks), "tallies": [c.model_dump(mode="json") for c in checks]}

    @app.get("/actors", summary="Actors and their number of events")
    def actors(limit: int = Query(1000, ge=1, le=10000)):
        return {"actors": store.actors(limit)}

    @app.get("/stats", summary="Counts by week, type, country, admin1 and grade")
    def stats(f: EventFilter = Depends(event_filter)):
        return store.summary(where=f.model_copy(update={"limit": None, "offset": 0}))

    @app.get("/api/acled/read", summary="ACLED's API: its parameters, its answer's shape, its column names")
    def acled_read(request: Request):
        return store.acled_read(dict(request.query_params))

    add_article_routes(app, store, guard, extractor)

    @app.get("/config", summary="The dashboard's settings")
    def config():
        return {"tiles": tiles, "page_max": PAGE_MAX}

    @app.get("/", include_in_schema=False)
    def dashboard():
        return FileResponse(STATIC / "index.html")

    if STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")
    vendor = vendor_folder()
    if vendor is not None:
        app.mount("/vendor", StaticFiles(directory=vendor), name="vendor")
    return app


def vendor_folder() -> Optional[Path]:
    """The front-end packages (Leaflet, its marker clusters, world outlines), installed by npm at
    set-up into web/node_modules; never fetched at run time."""
    for folder in (Path(__file__).resolve().parents[3] / "web" / "node_modules", STATIC / "vendor"):
        if folder.is_dir():
            return folder
    return None

