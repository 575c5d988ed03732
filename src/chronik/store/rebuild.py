"""Re-resolving a whole store, so an edited aliases file merges or splits existing entities.

Everything cross-article (corpus entities, aliases, facts, timeline and network counts)
is derived from the stored articles, so it is dropped and every article is written again
in ingest order, in one transaction: a failure leaves the store as it was.
"""

from __future__ import annotations

from chronik import dedup
from chronik.store.queries import SqlQueries
from chronik.store.writer import SqlWriter

_UNLINK = (
    "UPDATE entities SET corpus_id = NULL",
    "UPDATE quotes SET speaker_id = NULL",
    "UPDATE events SET place_id = NULL",
    "UPDATE event_participants SET entity_id = NULL",
    "DELETE FROM entity_facts",
    "DELETE FROM corpus_aliases",
    "DELETE FROM corpus_entities",
    "DELETE FROM timeline_counts",
    "DELETE FROM network_edges",
    "DELETE FROM network_totals",
)


class SqlRebuild(SqlWriter, SqlQueries):
    def _fts_delete_sql(self, table: str) -> str:
        """DELETE of one full-text row by row number (one parameter)."""
        return f"DELETE FROM {table} WHERE no = ?"

    def rebuild_entities(self) -> int:
        """Resolve every stored article's entities again with this store's aliases; returns articles rewritten."""
        with self._locked(), self._transaction():
            near = {
                str(row[0]): (str(row[1]), float(row[2]))
                for row in self._fetch("SELECT article_id, duplicate_of, similarity FROM near_duplicates")
            }
            for statement in _UNLINK:
                self._run(statement)
            self._alias_cache.clear()
            rows = self._fetch("SELECT id, ingested_at FROM articles ORDER BY no")
            for article_id, ingested_at in rows:
                self._rewrite(str(article_id), str(ingested_at), near.get(str(article_id)))
        return len(rows)

    def _rewrite(self, article_id: str, ingested_at: str, near: tuple[str, float] | None) -> None:
        article = self.get_article(article_id)
        if article is None:
            return
        for number in self._fetch("SELECT no FROM quotes WHERE article_id = ?", (article_id,)):
            self._run(self._fts_delete_sql("quote_search"), number)
        self._run(
            self._fts_delete_sql("article_search"),
            (self._scalar("SELECT no FROM articles WHERE id = ?", (article_id,)),),
        )
        self._run("DELETE FROM articles WHERE id = ?", (article_id,))  # cascades to the article's rows
        self._write_article(article, dedup.fingerprint(article.text), near, ingested_at=ingested_at)
