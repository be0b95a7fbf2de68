"""Answers to GET requests kept while the store does not change: the dashboard and API clients
ask the same questions again and again, and the store's version number (raised by every write)
says when an answer is stale. An answer is also given an ETag, so a client that has it gets 304."""
from __future__ import annotations

import hashlib
import time
from collections import OrderedDict

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHED_PREFIXES = ("/events", "/articles", "/statements", "/tallies", "/actors", "/stats", "/api/acled/read")
MAX_ENTRIES = 512
MAX_BODY = 8 * 1024 * 1024  # a larger answer (a huge GeoJSON) is not kept


VERSION_TTL = 0.5  # seconds a version number read from the store is trusted


class ResponseCache:
    def __init__(self, app: ASGIApp, version):
        self.app, self._version = app, version  # version(): the store's version number
        self.entries: OrderedDict[tuple, tuple[int, list, bytes]] = OrderedDict()
        self._seen = (0.0, None)

    def version(self) -> int:
        """The store's version, read at most every VERSION_TTL seconds: an answer may lag a write
        by that much, and a flood of requests costs the store one query per half second."""
        now = time.monotonic()
        if now - self._seen[0] > VERSION_TTL:
            self._seen = (now, self._version())
        return self._seen[1]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith(CACHED_PREFIXES):
            await self.app(scope, receive, send)
            return
        key = (self.version(), scope["path"], scope.get("query_string", b""))
        hit = self.entries.get(key)
        if hit is None:
            hit = await self._answer(scope, receive, key)
        else:
            self.entries.move_to_end(key)
        status, headers, body = hit
        etag = dict(headers).get(b"etag")
        if etag and dict(scope.get("headers") or []).get(b"if-none-match") == etag:
            await send({"type": "http.response.start", "status": 304, "headers": [(b"etag", etag)]})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def _answer(self, scope: Scope, receive: Receive, key: tuple):
        """Run the app; keep a whole 200 answer (returned, to be sent), pass anything else through."""
        start: dict = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            else:
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, capture)
        body = b"".join(chunks)
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"etag"]
        status = start.get("status", 500)
        if status == 200 and len(body) <= MAX_BODY:
            headers.append((b"etag", b'"' + hashlib.sha1(body).hexdigest()[:20].encode() + b'"'))
            self.entries[key] = (status, headers, body)
            if len(self.entries) > MAX_ENTRIES:
                self.entries.popitem(last=False)
        return status, headers, body
