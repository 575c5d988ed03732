"""The `chronik` command line (chronik/cli.py) against the real SQLite store."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from rich.console import Console
from typer.testing import CliRunner

from chronik import __version__, cli
from chronik.cli import app
from chronik.export import TABLES
from chronik.store import open_store
from tests.scale_support import FIXTURE, FIXTURE_ARTICLES, available_stages

runner = CliRunner()

NEWS = (
    " date 2025-04-09 Der Grosse Rat von Basel-Stadt hat das Budget abgelehnt. Die Regierung muss nachbessern.\n"
    "\n"
    "Simone Beispiel Redaktorin Inland\n"
    "\n"
    "Finanzdirektorin Eva Muster (52) zeigte sich am Mittwoch enttäuscht. Man werde einen neuen Entwurf vorlegen.\n"
    "\n"
    "Streit um die Steuern\n"
    "\n"
    "Die bürgerlichen Parteien verlangen tiefere Steuern, die Linke mehr Geld für Schulen.\n"
    "\n"
    "Wie weiter nach dem Nein?\n"
    "\n"
    "Ein neues Budget soll im Juni ins Parlament kommen."
)


@pytest.fixture
def news_file(tmp_path: Path) -> Path:
    path = tmp_path / "basel.txt"
    path.write_text(NEWS, encoding="utf-8")
    return path


def _ingest(paths: list[Path], db: Path) -> str:
    result = runner.invoke(app, ["ingest", *map(str, paths), "--db", str(db), "--stages", "none", "--quiet"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_version_prints_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.stdout


def test_analyze_json_reports_structure(news_file: Path) -> None:
    result = runner.invoke(app, ["analyze", str(news_file), "--format", "json", "--stages", "none"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)
    assert article["text"] == NEWS
    assert article["date"] == "2025-04-09"
    assert article["authors"][0]["name"] == "Simone Beispiel"
    assert article["authors"][0]["role"] == "Redaktorin Inland"
    assert article["lead"].startswith("Der Grosse Rat von Basel-Stadt")
    assert [s["text"] for s in article["subheads"]] == ["Streit um die Steuern", "Wie weiter nach dem Nein?"]
    body = [p for p in article["paragraphs"] if p["kind"] == "body"]
    assert len(body) == 3
    for paragraph in article["paragraphs"]:
        assert NEWS[paragraph["start"] : paragraph["end"]] == paragraph["text"]
    assert "tokens" not in article


def test_analyze_language_option(news_file: Path) -> None:
    result = runner.invoke(app, ["analyze", str(news_file), "--stages", "none", "--language", "en"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["language"] == "en"


def test_analyze_jsonl_one_object_per_article(news_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "zwei.jsonl"
    other.write_text(json.dumps({"text": "Eins."}) + "\n" + json.dumps({"text": "Zwei."}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(news_file), str(other), "-f", "jsonl", "--stages", "none"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["text"] for line in lines] == [NEWS, "Eins.", "Zwei."]


def test_analyze_text_is_readable(news_file: Path) -> None:
    result = runner.invoke(app, ["analyze", str(news_file), "-f", "text", "--stages", "none"])
    assert result.exit_code == 0, result.output
    assert "Simone Beispiel (Redaktorin Inland)" in result.stdout
    assert "subhead" in result.stdout and "2025-04-09" in result.stdout


def test_analyze_rejected_input_exits_1_with_code(tmp_path: Path) -> None:
    empty = tmp_path / "leer.txt"
    empty.write_text("   \n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(empty), "--stages", "none"])
    assert result.exit_code == 1
    assert "[E002]" in result.stderr and "leer.txt" in result.stderr


def test_analyze_unknown_stage_exits_2(news_file: Path) -> None:
    result = runner.invoke(app, ["analyze", str(news_file), "--stages", "gibtsnicht"])
    assert result.exit_code == 2
    assert "[E020]" in result.stderr


def test_analyze_stdin(news_file: Path) -> None:
    result = runner.invoke(app, ["analyze", "-", "--stages", "none"], input=NEWS.encode())
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["date"] == "2025-04-09"


def test_ingest_tally_duplicates_and_rejections(
    news_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "stdout", Console(width=400, soft_wrap=True))
    broken = tmp_path / "kaputt.jsonl"
    broken.write_text(json.dumps({"text": "Gut."}) + "\n{kaputt\n", encoding="utf-8")
    db = tmp_path / "c.db"
    first = _ingest([news_file, broken], db)
    assert "ingested" in first and "│ ingested  │     2 │" in first
    assert "E010" in first and "kaputt.jsonl:2" in first and "malformed JSON" in first
    second = _ingest([news_file, broken], db)
    assert "│ duplicate │     2 │" in second and "│ ingested  │     0 │" in second


def test_show_prints_stored_article(news_file: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _ingest([news_file], db)
    article_id = json.loads(runner.invoke(app, ["analyze", str(news_file), "--stages", "none"]).stdout)["id"]
    result = runner.invoke(app, ["show", article_id, "--db", str(db)])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert shown["id"] == article_id and shown["text"] == NEWS
    assert [s["text"] for s in shown["subheads"]] == ["Streit um die Steuern", "Wie weiter nach dem Nein?"]
    missing = runner.invoke(app, ["show", "a-0000000000000000", "--db", str(db)])
    assert missing.exit_code == 1 and "[E032]" in missing.stderr


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_export_articles(news_file: Path, tmp_path: Path, suffix: str) -> None:
    db = tmp_path / "e.db"
    _ingest([news_file], db)
    target = tmp_path / f"out{suffix}"
    result = runner.invoke(app, ["export", "--db", str(db), "--to", str(target)])
    assert result.exit_code == 0, result.output
    assert "wrote 1 articles rows" in result.stdout
    if suffix == ".jsonl":
        assert json.loads(target.read_text(encoding="utf-8").splitlines()[0])["text"] == NEWS
    elif suffix == ".csv":
        with target.open(encoding="utf-8", newline="") as stream:
            rows = list(csv.DictReader(stream))
        assert rows[0]["date"] == "2025-04-09" and rows[0]["text"] == NEWS
    else:
        table = pq.read_table(target)
        assert table.column("text").to_pylist() == [NEWS]


def test_export_unknown_suffix_and_table(news_file: Path, tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    _ingest([news_file], db)
    bad_suffix = runner.invoke(app, ["export", "--db", str(db), "--to", str(tmp_path / "x.xlsx")])
    assert bad_suffix.exit_code == 2 and "[E006]" in bad_suffix.stderr
    bad_table = runner.invoke(app, ["export", "--db", str(db), "--to", str(tmp_path / "x.csv"), "--table", "x"])
    assert bad_table.exit_code == 2 and "[E050]" in bad_table.stderr


def test_export_quotes_alias_names_quotations(news_file: Path, tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    _ingest([news_file], db)
    result = runner.invoke(app, ["export", "--db", str(db), "--to", str(tmp_path / "q.csv"), "--table", "quotes"])
    assert result.exit_code == 0, result.output
    assert "wrote 0 quotations rows" in result.stdout
    assert (tmp_path / "q.csv").read_text(encoding="utf-8").startswith("article_id,quote_id,type,text")


def _stored_articles(db: Path) -> dict[str, dict[str, Any]]:
    with open_store(str(db)) as store:
        return {article.id: {**article.to_dict(), "tokens": []} for article in store.iter_articles()}


@pytest.mark.slow
def test_export_parquet_loads_back(tmp_path: Path) -> None:
    stages = available_stages()
    first, second, folder = tmp_path / "first.db", tmp_path / "second.db", tmp_path / "tables"
    ingested = runner.invoke(app, ["ingest", str(FIXTURE), "--db", str(first), "--stages", ",".join(stages) or "none"])
    assert ingested.exit_code == 0, ingested.output
    for table in TABLES:
        (folder / table).mkdir(parents=True)
        target = folder / table / "part-0.parquet"
        result = runner.invoke(app, ["export", "--db", str(first), "--to", str(target), "--table", table])
        assert result.exit_code == 0, result.output
    loaded = runner.invoke(app, ["load", str(folder), "--db", str(second)])
    assert loaded.exit_code == 0, loaded.output
    articles = _stored_articles(first)
    assert len(articles) == FIXTURE_ARTICLES
    assert _stored_articles(second) == articles
    assert pq.read_table(folder / "quotations").num_rows == sum(len(a["quotes"]) for a in articles.values())


def test_summary_lists_counts_and_latest(news_file: Path, tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    _ingest([news_file], db)
    result = runner.invoke(app, ["summary", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "articles" in result.stdout and "2025-04-09" in result.stdout


@pytest.mark.parametrize("command", ["analyze", "ingest", "show", "export", "summary"])
def test_every_option_has_help(command: str) -> None:
    import typer.main

    group = typer.main.get_command(app)
    assert group.help
    sub = group.commands[command]  # type: ignore[attr-defined]
    assert sub.help
    for param in sub.params:
        assert getattr(param, "help", None) or param.param_type_name == "argument", (command, param.name)
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.stdout


def test_analyze_shared_sample_acceptance() -> None:
    shared = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples" / "000_04c4e64a074c13a2.txt"
    if not shared.exists():
        pytest.skip("shared sample absent")
    result = runner.invoke(app, ["analyze", str(shared), "--format", "json", "--stages", "none"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)
    text = shared.read_text(encoding="utf-8")
    assert article["date"] == "2025-12-06"
    assert [(a["name"], a["role"]) for a in article["authors"]] == [("Daniel Kestenholz", "Redaktor Nachtdienst")]
    assert article["lead"] and text.splitlines()[0].endswith(article["lead"])
    assert [s["text"] for s in article["subheads"]] == [
        "USA wollen Beziehungen zu Russland normalisieren",
        "Ukraine als Spiegelbild für Europa?",
    ]
    body = [p for p in article["paragraphs"] if p["kind"] == "body"]
    assert len(body) >= 8
    for paragraph in article["paragraphs"]:
        assert text[paragraph["start"] : paragraph["end"]] == paragraph["text"]


def test_ingest_stdin_and_all_rejected_exit_code(tmp_path: Path) -> None:
    db = tmp_path / "stdin.db"
    result = runner.invoke(app, ["ingest", "-", "--db", str(db), "--stages", "none", "-q"], input=NEWS.encode())
    assert result.exit_code == 0, result.output
    assert "│ ingested  │     1 │" in result.stdout
    missing = runner.invoke(app, ["ingest", str(tmp_path / "fehlt.txt"), "--db", str(db), "--stages", "none"])
    assert missing.exit_code == 1 and "E001" in missing.stdout


def test_analyze_extra_roles_file(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Titel der Meldung\n\nVera Beispiel Blattmacherin\n\nDer Text.", encoding="utf-8")
    roles = tmp_path / "roles.txt"
    roles.write_text("Blattmacherin\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(article), "--stages", "none", "--roles", str(roles)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["authors"][0] == {
        "name": "Vera Beispiel",
        "role": "Blattmacherin",
        "start": 19,
        "end": 32,
    }
    missing = runner.invoke(app, ["analyze", str(article), "--stages", "none", "--roles", str(tmp_path / "x.txt")])
    assert missing.exit_code == 2 and "[E040]" in missing.stderr


def test_errors_with_brackets_in_path_are_printed_verbatim(tmp_path: Path) -> None:
    odd = tmp_path / "[entwurf].txt"
    odd.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(odd), "--stages", "none"])
    assert result.exit_code == 1 and "[entwurf].txt" in result.stderr
    bad_stage = runner.invoke(app, ["analyze", str(odd), "--stages", "[x]"])
    assert bad_stage.exit_code == 2 and "[x]" in bad_stage.stderr


def test_ingest_builds_pipeline_only_for_new_articles(
    news_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chronik import pipeline
    from chronik.model import Article

    builds: list[int] = []

    class Marker:
        name = "marker"
        requires: tuple[str, ...] = ()
        provides: tuple[str, ...] = ()

        def __call__(self, article: Article) -> Article:
            return article

    def create_marker() -> Marker:
        builds.append(1)
        return Marker()

    monkeypatch.setitem(pipeline._REGISTRY, "marker", create_marker)
    db = str(tmp_path / "lazy.db")
    for _ in range(2):
        result = runner.invoke(app, ["ingest", str(news_file), "--db", db, "--stages", "marker", "-q"])
        assert result.exit_code == 0, result.output
    assert len(builds) == 1  # the second run saw only duplicates
    unknown = runner.invoke(app, ["ingest", str(news_file), "--db", db, "--stages", "gibtsnicht"])
    assert unknown.exit_code == 2 and "[E020]" in unknown.stderr


def test_ingest_stage_import_failure_stops_the_run(
    news_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chronik import pipeline

    monkeypatch.setitem(pipeline._REGISTRY, "broken", "chronik.gibtsnicht:create_stage")
    result = runner.invoke(app, ["ingest", str(news_file), "--db", str(tmp_path / "b.db"), "--stages", "broken", "-q"])
    assert result.exit_code == 2 and "[E020]" in result.stderr
