"""The limits middleware: streamed bodies over the limit and timeouts, at the ASGI level."""

from __future__ import annotations

import asyncio
from typing import Any

from chronik.web.limits import LimitsMiddleware


async def echo_body(scope: Any, receive: Any, send: Any) -> None:
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": body})


async def sleeper(scope: Any, receive: Any, send: Any) -> None:
    await asyncio.sleep(5)


def run(app: Any, chunks: list[bytes], headers: list[tuple[bytes, bytes]] | None = None) -> list[dict[str, Any]]:
    sent: list[dict[str, Any]] = []
    pending = [{"type": "http.request", "body": c, "more_body": i < len(chunks) - 1} for i, c in enumerate(chunks)]

    async def receive() -> dict[str, Any]:
        return pending.pop(0)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "path": "/api/x", "headers": headers or []}
    asyncio.run(app(scope, receive, send))
    return sent


def test_limits_pass_small_bodies_and_add_security_headers() -> None:
    sent = run(LimitsMiddleware(echo_body, max_body_bytes=10, timeout_s=5), [b"abc", b"def"])
    assert sent[0]["status"] == 200 and sent[1]["body"] == b"abcdef"
    assert (b"x-content-type-options", b"nosniff") in sent[0]["headers"]


def test_limits_stop_streamed_body_without_content_length() -> None:
    sent = run(LimitsMiddleware(echo_body, max_body_bytes=10, timeout_s=5), [b"x" * 6, b"x" * 6])
    assert sent[0]["status"] == 413
    assert b"E051" in sent[1]["body"]


def test_limits_reject_declared_length_before_reading() -> None:
    sent = run(LimitsMiddleware(echo_body, max_body_bytes=10, timeout_s=5), [b""], [(b"content-length", b"11")])
    assert sent[0]["status"] == 413


def test_limits_answer_504_after_timeout() -> None:
    sent = run(LimitsMiddleware(sleeper, max_body_bytes=10, timeout_s=0.05), [b""])
    assert sent[0]["status"] == 504
    assert b"E052" in sent[1]["body"]
