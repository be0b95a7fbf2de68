"""POST /articles: a report in (JSON or plain text), its records out, stored and merged."""
from __future__ import annotations

import json
import threading
from typing import Optional

from fastapi import Depends, FastAPI, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import ConflictwireError, Failure
from ..ingest import Report
from ..ingest.readers import check_date
from ..knowledge import SUPPORTED_LANGUAGES


class ReportIn(BaseModel):
    """A report as JSON: only `text` is needed."""
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1)
    title: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    id: Optional[str] = None
    language: Optional[str] = None
    source: Optional[str] = None  # the outlet

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the text is empty: send the body of a news report")
        return value

    @field_validator("published")
    @classmethod
    def _date(cls, value: Optional[str]) -> Optional[str]:
        return None if value is None else check_date(value)

    @field_validator("language")
    @classmethod
    def _language(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and value not in SUPPORTED_LANGUAGES:
            raise ValueError(f"language {value!r} is not supported (supported: {', '.join(SUPPORTED_LANGUAGES)})")
        return value


class Extracting:
    """One extractor for the app, built on the first report; extraction runs one report at a time."""

    def __init__(self, extractor=None):
        self._extractor = extractor
        self._lock = threading.Lock()

    def __call__(self, report: Report):
        with self._lock:
            if self._extractor is None:
                from ..pipeline import Extractor

                self._extractor = Extractor()
            return next(self._extractor.run([report]))


async def report_of(request: Request) -> ReportIn:
    body = await request.body()
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        if kind == "application/json":
            try:
                data = json.loads(body)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise HTTPException(400, f"malformed JSON: {exc}") from None
            if not isinstance(data, dict):
                raise HTTPException(422, "send a JSON object with at least a 'text' field")
            return ReportIn(**data)
        if kind in ("text/plain", ""):
            params = request.query_params
            return ReportIn(text=body.decode("utf-8"), title=params.get("title"), published=params.get("published"),
                            language=params.get("language"), url=params.get("url"), source=params.get("source"))
    except ValidationError as exc:
        raise HTTPException(422, "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())) from None
    except UnicodeDecodeError:
        raise HTTPException(400, "the text is not valid UTF-8") from None
    raise HTTPException(415, f"send application/json or text/plain, not {kind}")


def add_article_routes(app: FastAPI, store, guard, extractor=None) -> None:
    extract = Extracting(extractor)

    @app.post("/articles", status_code=201, dependencies=[Depends(guard)],
              summary="Add a report: its records, stored and merged")
    async def post_article(report: ReportIn = Depends(report_of)):
        item = Report(source=report.id or report.url or "<POST /articles>", text=report.text, title=report.title,
                      published=report.published, url=report.url, language=report.language,
                      source_path=report.id, outlet=report.source)
        result = await _run(extract, item)
        if isinstance(result, Failure):
            raise HTTPException(422, f"{result.reason} (stage {result.stage})")
        try:
            stored = await _run(store.add, result)  # a write may wait for another writer: not on the event loop
        except ConflictwireError as exc:
            raise HTTPException(503, str(exc)) from None
        records = [e.model_dump(mode="json") for e in result.events]
        for record, placed in zip(records, stored.placed):
            record["canonical_event_id"], record["merged"] = placed.event_id, placed.merged
        return {"status": stored.status, "article": result.article.model_dump(mode="json"), "events": records,
                "statements": [s.model_dump(mode="json") for s in result.statements],
                "tallies": [t.model_dump(mode="json") for t in result.tallies]}


async def _run(work, item):
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(work, item)
