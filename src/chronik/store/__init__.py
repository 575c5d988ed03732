"""Stores: SQLite by default, PostgreSQL for servers (same interface)."""

from chronik.store.base import AddResult, Page, Store

__all__ = ["AddResult", "Page", "Store"]
