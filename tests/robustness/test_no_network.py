"""Analysis never touches the network: every socket connect fails, the pipeline still works."""

from __future__ import annotations

import socket

import pytest

from chronik.pipeline import build_pipeline
from chronik.readers import read_bytes
from tests.robustness.spans import check_article_spans

ARTICLE = (
    " date 2025-12-06 Der Bundesrat will mit Brüssel weiter verhandeln.\n\n"
    "Bern, 5. Dezember 2025\n\n"
    "«Wir bleiben am Tisch», sagte Bundesrätin Anna Muster (54) am Freitag in Bern.\n\n"
    "Der EU-Kommissar traf sich danach mit Vertretern aus Wien und Berlin.\n\n"
    "Daniela Beispiel Redaktorin Ausland"
)


def test_full_pipeline_runs_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network access during analysis")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *args, **kwargs: refuse(None, args))  # type: ignore[arg-type]
    pipeline = build_pipeline()  # loading models and lexicons must not fetch anything either
    [article] = list(read_bytes(ARTICLE.encode(), source="netzlos.txt"))
    result = pipeline(article)  # type: ignore[arg-type]
    assert attempts == []
    assert result.stages == pipeline.names
    assert result.quotes and result.mentions and result.date == "2025-12-06"
    check_article_spans(result)
