"""Load the Parquet tables of a batch run (`chronik spark`) into a store.

Only the ``articles`` table (its ``text`` and ``document`` columns) and the
``rejections`` table are read: ``document`` holds every analysed layer, so the stored
articles are exactly the ones that single-process ingest would store. The other tables
are views of the same data for analytics. Files are streamed a batch of rows at a time,
so memory stays flat however big the run was; loading twice stores nothing new
(articles are idempotent by content hash).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pyarrow.parquet as pq

from chronik.errors import ChronikError
from chronik.ingest import IngestReport, record_rejection, store_article
from chronik.model import Article
from chronik.readers import Rejection
from chronik.store.base import Store
from chronik.tables import SCHEMAS, article_from_row

BATCH_ROWS = 256

LoadProgress = Callable[[IngestReport], None]


def table_files(directory: str | Path, table: str) -> list[Path]:
    """The part files of one table, in a stable order; E072 when the table is missing."""
    folder = Path(directory, table)
    if not folder.is_dir():
        raise ChronikError("E072", str(directory), f"no {table}/ folder: not the output of `chronik spark`")
    return sorted(path for path in folder.iterdir() if path.suffix == ".parquet" and not path.name.startswith("."))


def iter_articles(directory: str | Path, *, batch_rows: int = BATCH_ROWS) -> Iterator[Article]:
    """Every analysed article of a batch run, rebuilt from the ``articles`` table."""
    for path in table_files(directory, "articles"):
        parquet = pq.ParquetFile(path)
        _check_columns(parquet, path)
        for batch in parquet.iter_batches(batch_size=batch_rows, columns=["text", "document"]):
            for row in batch.to_pylist():
                yield article_from_row(row)


def iter_rejections(directory: str | Path, *, batch_rows: int = BATCH_ROWS) -> Iterator[Rejection]:
    """Every rejected input of a batch run (an absent ``rejections`` table means none)."""
    if not Path(directory, "rejections").is_dir():
        return
    for path in table_files(directory, "rejections"):
        for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_rows):
            for row in batch.to_pylist():
                yield Rejection(row["source"], row["code"], row["problem"], row["line"])


def _check_columns(parquet: pq.ParquetFile, path: Path) -> None:
    names = set(parquet.schema_arrow.names)
    missing = [name for name in SCHEMAS["articles"].names if name not in names]
    if missing:
        raise ChronikError("E072", str(path), f"articles table lacks columns: {', '.join(missing)}")


def load_parquet(
    directory: str | Path,
    store: Store,
    *,
    batch_rows: int = BATCH_ROWS,
    on_progress: LoadProgress | None = None,
) -> IngestReport:
    """Store every article and rejection of a batch run; returns what happened."""
    report = IngestReport()
    for article in iter_articles(directory, batch_rows=batch_rows):
        if store.has_content(article.content_hash):
            report.duplicate += 1
        else:
            store_article(article, store, report)
        if on_progress is not None:
            on_progress(report)
    for rejection in iter_rejections(directory, batch_rows=batch_rows):
        record_rejection(rejection, store, report)
    return report
