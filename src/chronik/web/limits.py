"""ASGI middleware that bounds every request: body size, wall-clock time, security headers.

Pure ASGI (not `BaseHTTPMiddleware`) so that the body limit also holds for chunked uploads
without a Content-Length header, and a slow handler is answered with 504 instead of hanging.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Pages load only what the app itself serves: no CDN, no inline script, no framing.
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)


class BodyTooLarge(Exception):
    """Raised inside `receive` when a streamed body passes the limit."""


def error_body(code: str, source: str, problem: str) -> bytes:
    """The JSON error document every chronik endpoint uses."""
    return json.dumps({"error": {"code": code, "source": source, "problem": problem}}).encode()


async def send_error(send: Send, *, status: int, code: str, source: str, problem: str) -> None:
    body = error_body(code, source, problem)
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class LimitsMiddleware:
    """Reject bodies over `max_body_bytes` (413) and answer 504 after `timeout_s` seconds."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int, timeout_s: float) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.timeout_s = timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        declared = _content_length(scope)
        if declared is not None and declared > self.max_body_bytes:
            await send_error(send, status=413, code="E051", source=path, problem=self._size_problem())
            return
        started = False
        seen = 0

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body_bytes:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        try:
            await asyncio.wait_for(self.app(scope, limited_receive, tracking_send), self.timeout_s)
        except BodyTooLarge:
            if not started:
                await send_error(send, status=413, code="E051", source=path, problem=self._size_problem())
        except TimeoutError:
            if not started:
                problem = f"no answer within {self.timeout_s:g} s"
                await send_error(send, status=504, code="E052", source=path, problem=problem)

    def _size_problem(self) -> str:
        return f"request body is larger than {self.max_body_bytes} bytes"


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            return int(text) if text.isdigit() else None
    return None
