"""Store access for request handlers: one store per worker thread, or one shared store.

SQLite connections and PostgreSQL sessions are cheapest and safest per thread; FastAPI runs
plain `def` handlers in a thread pool, so each pool thread opens its store once and keeps it
until the app shuts down.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator

from chronik.store import Store, open_store


class StoreHolder:
    """Hands each worker thread its own store (SQLite connections are per thread).

    A store passed in is shared instead, behind a lock, so a test double or an in-memory
    database works too.
    """

    def __init__(self, url: str, *, store: Store | None = None, opener: Callable[[str], Store] | None = None) -> None:
        self.url = url
        self._opener = opener or open_store
        self._shared = store
        self._share = store is not None or is_memory_url(url)  # an in-memory database exists once
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.RLock()

    @contextlib.contextmanager
    def use(self) -> Iterator[Store]:
        """The store for this thread (or the shared one, used under a lock)."""
        if self._share:
            with self._lock:
                if self._shared is None:
                    self._shared = self._open()
                yield self._shared
            return
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = self._open()
            self._local.store = store
        yield store

    def _open(self) -> Store:
        store = self._opener(self.url)
        with self._lock:
            self._opened.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
            self._local = threading.local()
            if self._shared in opened:
                self._shared = None
        for store in opened:
            with contextlib.suppress(Exception):  # a connection made in another thread may refuse; it dies anyway
                store.close()


def is_memory_url(url: str) -> bool:
    return url.removeprefix("sqlite://").lstrip("/") == ":memory:"
