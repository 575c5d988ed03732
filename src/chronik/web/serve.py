"""`chronik serve`: the web UI and REST API over one store, served by uvicorn."""

from __future__ import annotations

import ipaddress
import logging

from chronik.web.app import DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_S, create_app

logger = logging.getLogger(__name__)


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses (the safe default to bind to)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    db: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    *,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> None:
    """Serve the store at `db` until interrupted; ingest over HTTP only when `token` is set."""
    import uvicorn

    if not is_loopback(host):
        logger.warning("serving on %s: the API is reachable from other machines", host)
    app = create_app(db, token=token, max_body_bytes=max_body_bytes, timeout_s=timeout_s)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
