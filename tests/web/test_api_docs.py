"""Every `curl` line of docs/api.md runs: with real curl against a live server, and through TestClient."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import TOKEN

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
DOC_BASE = "http://127.0.0.1:8000"
SH_BLOCK = re.compile(r"```sh\n(.*?)```", re.DOTALL)


def curl_lines() -> list[str]:
    blocks = SH_BLOCK.findall(DOC.read_text(encoding="utf-8"))
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip().startswith("curl ")]


def expected_status(line: str) -> int:
    """The examples that show refusals say so in the request itself."""
    if "%{http_code}" in line:
        return 401
    return 422 if "limit=500" in line else 200


def request_of(line: str) -> tuple[str, str, dict[str, str], str | None]:
    """Method, path, headers and body of the first command of a shell line (before any pipe)."""
    words = shlex.split(line.split(" | ")[0].replace("$CHRONIK_TOKEN", TOKEN))
    method, headers, body, url = "GET", {}, None, ""
    options = iter(words[1:])
    for word in options:
        if word == "-X":
            method = next(options)
        elif word == "-H":
            name, _, value = next(options).partition(": ")
            headers[name] = value
        elif word == "-d":
            body = next(options)
        elif word in ("-o", "-w"):
            next(options)
        elif word.startswith("http"):
            url = word
    return method, url.removeprefix(DOC_BASE), headers, body


def test_doc_has_examples_for_every_endpoint() -> None:
    paths = {request_of(line)[1].split("?")[0] for line in curl_lines()}
    for endpoint in ["/api/articles", "/api/quotes", "/api/events", "/api/entities", "/api/timeline"]:
        assert endpoint in paths
    assert {"/api/network", "/api/stats", "/api/rejections", "/api/analyze", "/api/ingest"} <= paths


@pytest.mark.parametrize("line", curl_lines())
def test_doc_example_answers_through_testclient(client: TestClient, line: str) -> None:
    method, path, headers, body = request_of(line)
    response = client.request(method, path, headers=headers, content=body)
    assert response.status_code == expected_status(line), response.text
    if response.status_code == 200:
        assert response.json()


@pytest.mark.skipif(not (shutil.which("curl") and shutil.which("jq")), reason="needs curl and jq")
@pytest.mark.parametrize("line", curl_lines())
def test_doc_example_runs_with_curl(live_server: str, line: str) -> None:
    command = "set -o pipefail; " + line.replace(DOC_BASE, live_server)
    environment = {**os.environ, "CHRONIK_TOKEN": TOKEN}
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=environment, timeout=30)
    assert result.returncode == 0, result.stderr
    output = result.stdout.strip()
    assert output and output != "null"
    if expected_status(line) == 401:
        assert output == "401"
    elif expected_status(line) == 422:
        assert output.startswith("limit: ")
    else:
        assert '"error": {' not in output
