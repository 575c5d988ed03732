"""`serve`: loopback detection and that it hands uvicorn the app and address."""

from __future__ import annotations

from typing import Any

import pytest

from chronik.web import serve as serve_module


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("::1", True), ("localhost", True)])
def test_is_loopback_knows_local_addresses(host: str, loopback: bool) -> None:
    assert serve_module.is_loopback(host) is loopback


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "example.org"])
def test_is_loopback_rejects_public_addresses(host: str) -> None:
    assert not serve_module.is_loopback(host)


def test_serve_runs_uvicorn_with_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **options: calls.append({"app": app, **options}))
    serve_module.serve(str(tmp_path / "x.db"), host="127.0.0.1", port=8123, token="t")
    assert calls[0]["port"] == 8123 and calls[0]["host"] == "127.0.0.1"
    assert calls[0]["app"].state.token == "t"


def test_cli_serve_passes_options_to_uvicorn(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    from typer.testing import CliRunner

    from chronik.cli import app

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **options: calls.append({"app": app, **options}))
    monkeypatch.setenv("CHRONIK_TOKEN", "from-env")
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.db"), "--port", "8124"])
    assert result.exit_code == 0, result.output
    assert calls[0]["port"] == 8124 and calls[0]["host"] == "127.0.0.1"
    assert calls[0]["app"].state.token == "from-env"
