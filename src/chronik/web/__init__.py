"""The web layer: REST API and HTML pages over a chronik store (FastAPI + Jinja2, offline)."""

from chronik.web.app import create_app

__all__ = ["create_app"]
