"""The app's guards: a size limit on request bodies, and the token write endpoints need when one
is configured (compared in constant time)."""
from __future__ import annotations

import hmac
from typing import Optional

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Receive, Scope, Send

MAX_BODY = 2 * 1024 * 1024  # a report of 2 MB is already ten times a long one


class BodyLimit:
    """Refuses a body larger than MAX_BODY with 413, whether it says its length or streams."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY):
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await _too_large(send, self.limit)
            return
        seen = 0

        async def counted() -> dict:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise TooLarge()
            return message

        try:
            await self.app(scope, counted, send)
        except TooLarge:
            await _too_large(send, self.limit)


class TooLarge(Exception):
    pass


async def _too_large(send: Send, limit: int) -> None:
    body = b'{"detail": "request body larger than %d bytes: send one report of at most 2 MB per request"}' % limit
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class TokenCheck:
    """A dependency for write endpoints: with a token configured, the request must carry it
    (`Authorization: Bearer TOKEN` or `X-Token: TOKEN`)."""

    def __init__(self, token: Optional[str]):
        self.token = token

    def __call__(self, request: Request) -> None:
        if not self.token:
            return
        given = request.headers.get("x-token") or ""
        auth = request.headers.get("authorization") or ""
        if auth.lower().startswith("bearer "):
            given = auth[7:].strip()
        if not given:
            raise HTTPException(401, "this server needs a token to write: send Authorization: Bearer TOKEN",
                                headers={"WWW-Authenticate": "Bearer"})
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            raise HTTPException(403, "wrong token")
