"""The FastAPI application: REST API under /api, HTML pages with JSON twins, static files.

`create_app(store_url)` is all a caller needs; the store may also be passed in (tests).
Read-only by default: the write endpoint needs the token given here. CORS stays off
unless origins are listed. Every request is bounded in body size and time.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.datastructures import URL
from starlette.exceptions import HTTPException as StarletteHTTPException

from chronik import __version__
from chronik.errors import ChronikError
from chronik.store.base import Store
from chronik.web.analysis import Analyzer, LazyPipeline
from chronik.web.limits import LimitsMiddleware
from chronik.web.stores import StoreHolder
from chronik.web.views import TEMPLATE_HELPERS

WEB_DIR = Path(__file__).resolve().parent
DEFAULT_MAX_BODY_BYTES = 2_000_000
DEFAULT_TIMEOUT_S = 30.0

# HTTP status per chronik error code; anything else is a server error.
STATUS_BY_CODE = {"E032": 404, "E050": 422, "E051": 413, "E052": 504, "E053": 401, "E020": 503, "E021": 503}


def create_app(
    store_url: str,
    *,
    token: str | None = None,
    store: Store | None = None,
    analyzer: Analyzer | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    cors_origins: Sequence[str] = (),
) -> FastAPI:
    """Build the chronik web application over the store at `store_url` (or the given `store`)."""
    from chronik.web import api, pages

    holder = StoreHolder(store_url, store=store)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        holder.close()

    app = FastAPI(
        title="chronik",
        version=__version__,
        description="Who said what, who did what to whom, where and when: the chronicle of German news articles.",
        docs_url=None,  # our own offline /docs page replaces the CDN-based Swagger UI
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.stores = holder
    app.state.token = token or None
    app.state.analyzer = analyzer or LazyPipeline(budget_s=timeout_s)
    app.state.templates = build_templates()
    _install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET"])
    app.add_middleware(LimitsMiddleware, max_body_bytes=max_body_bytes, timeout_s=timeout_s)
    return app


def build_templates() -> Jinja2Templates:
    """Jinja2 with autoescaping on for everything: article text is never trusted."""
    environment = Environment(loader=FileSystemLoader(WEB_DIR / "templates"), autoescape=True)
    templates = Jinja2Templates(env=environment)
    environment.globals["version"] = __version__
    environment.globals["relative_url"] = relative_url
    environment.globals.update(TEMPLATE_HELPERS)
    return templates


class JSONDocument(JSONResponse):
    """JSON of a dict that is JSON-ready already (store results, `Article.to_dict()`).

    Skips FastAPI's re-encoding of the whole structure, which costs more than the query on
    big articles; `default=str` keeps odd driver types (dates) printable.
    """

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=str).encode()


def relative_url(url: URL) -> str:
    """Path and query only: links never name a host."""
    return url.path + (f"?{url.query}" if url.query else "")


def wants_json(request: Request) -> bool:
    """API paths, `.json` twins and `?format=json` answer in JSON; everything else in HTML."""
    path = request.url.path
    return path.startswith("/api/") or path.endswith(".json") or request.query_params.get("format") == "json"


def error_response(request: Request, *, status: int, code: str, problem: str, extra: Any = None) -> Response:
    """One error shape for JSON clients, a readable page for browsers."""
    source = request.url.path
    if wants_json(request):
        content: dict[str, Any] = {"error": {"code": code, "source": source, "problem": problem}}
        if extra is not None:
            content["detail"] = extra
        return JSONDocument(content, status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    context = {"status": status, "code": code, "problem": problem, "source": source}
    return templates.TemplateResponse(request, "error.html", context, status_code=status)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")} for e in exc.errors()
        ]
        problem = "; ".join(f"{_location(e['loc'])}: {e['msg']}" for e in errors)
        return error_response(request, status=422, code="E050", problem=problem, extra=jsonable_encoder(errors))

    @app.exception_handler(ChronikError)
    async def on_chronik_error(request: Request, exc: ChronikError) -> Response:
        status = getattr(exc, "status", None) or STATUS_BY_CODE.get(exc.code, 500)
        response = error_response(request, status=status, code=exc.code, problem=exc.problem)
        if exc.code == "E053":
            response.headers["www-authenticate"] = "Bearer"
        return response

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = "E032" if exc.status_code == 404 else "E050"
        return error_response(request, status=exc.status_code, code=code, problem=str(exc.detail))


def _location(loc: list[Any]) -> str:
    """`["query", "limit"]` → `limit`; body paths keep their field path."""
    parts = [str(part) for part in loc if part not in ("query", "path")]
    return ".".join(parts) or "request"
