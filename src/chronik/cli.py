"""The `chronik` command line: analyse, ingest, show, export and summarise articles.

A thin shell over `chronik.readers`, `chronik.ingest`, `chronik.export` and the store.
Exit codes: 0 success, 1 some inputs rejected (analyze), every input rejected (ingest)
or an article not found (show), 2 a usage or configuration error (bad option, unknown
stage, store error).
"""

from __future__ import annotations

import heapq
import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from chronik import __version__
from chronik.budget import TimeBudget
from chronik.cli_render import rejection_table, render_article, render_summary, tally_table
from chronik.errors import ChronikError
from chronik.export import TABLES, export_table, table_name
from chronik.ingest import IngestProgress, expand_paths, ingest
from chronik.model import Article
from chronik.parallel import ParallelAnalyzer, PipelineSpec
from chronik.pipeline import Pipeline, build_pipeline, registered_stages
from chronik.readers import FORMATS, ReaderOptions, ReadResult, Rejection, read_path
from chronik.readers.base import DEFAULT_MAX_BYTES
from chronik.store.base import Store
from chronik.structure import load_roles

DEFAULT_DB = "chronik.db"

app = typer.Typer(
    name="chronik",
    help="German news articles in, a structured chronicle out: who said what, who did what to whom, where and when.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
stdout = Console(soft_wrap=True)
stderr = Console(stderr=True, soft_wrap=True)


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    text = "text"


class ShowFormat(StrEnum):
    json = "json"
    text = "text"


PathsArgument = Annotated[
    list[str], typer.Argument(help="Files, directories (read recursively), glob patterns, or - for standard input.")
]
StagesOption = Annotated[
    str | None,
    typer.Option(
        "--stages",
        help="Comma-separated pipeline stages to run (default: the full German pipeline); 'none' runs no stage.",
    ),
]
InputFormatOption = Annotated[
    str | None,
    typer.Option("--input-format", "-i", help=f"Input format instead of detection by content: {', '.join(FORMATS)}."),
]
MaxSizeOption = Annotated[
    float, typer.Option("--max-size", help="Size limit per article (file, line or record) in MB.", min=0.001)
]
TextColumnOption = Annotated[
    str | None, typer.Option("--text-column", help="CSV: name or 0-based index of the column holding the text.")
]
DelimiterOption = Annotated[str | None, typer.Option("--delimiter", help="CSV: field separator (default: detected).")]
QuotecharOption = Annotated[str | None, typer.Option("--quotechar", help="CSV: quote character (default: detected).")]
LanguageOption = Annotated[
    str, typer.Option("--language", help="Language of articles whose input does not say (de or en).")
]
RolesOption = Annotated[
    list[str] | None,
    typer.Option("--roles", help="Extra file of journalist role words for bylines (one per line); repeatable."),
]
TimeBudgetOption = Annotated[
    float,
    typer.Option(
        "--time-budget",
        help="CPU seconds one article may spend in the pipeline, plus 0.5 s per 1,000 characters; "
        "past it the running stage is stopped, later stages are skipped and an E023 warning is kept. 0: no limit.",
        min=0,
    ),
]
DEFAULT_TIME_BUDGET_S = 60.0
DbOption = Annotated[
    str, typer.Option("--db", help="Store URL: a SQLite file path or sqlite:///path, or postgresql://…")
]


def _version(value: bool) -> None:
    if value:
        stdout.print(f"chronik {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """German news articles in, a structured chronicle out: who said what, who did what to whom, where and when."""


def _fail(error: ChronikError, *, code: int = 2) -> typer.Exit:
    stderr.print(Text(str(error), style="red"), highlight=False)  # a Text: paths may hold "[...]"
    return typer.Exit(code)


def _reader_options(
    input_format: str | None,
    max_size: float,
    text_column: str | None,
    delimiter: str | None,
    quotechar: str | None,
    roles: list[str] | None,
    language: str,
) -> ReaderOptions:
    if input_format is not None and input_format not in FORMATS:
        raise _fail(ChronikError("E006", input_format, f"unknown input format; use one of {', '.join(FORMATS)}"))
    try:
        load_roles(tuple(roles or ()))  # fail once, before reading, on a bad role file
    except ChronikError as exc:
        raise _fail(exc) from None
    return ReaderOptions(
        format=input_format,
        max_bytes=int(max_size * 1024 * 1024),
        text_column=text_column,
        delimiter=delimiter,
        quotechar=quotechar,
        role_files=tuple(roles or ()),
        language=language,
    )


def _stage_names(stages: str | None) -> list[str] | None:
    if stages is None:
        return None
    if stages.strip().lower() in ("none", ""):
        return []
    return [name.strip() for name in stages.split(",") if name.strip()]


def _budget(seconds: float) -> TimeBudget | None:
    return TimeBudget(base_s=seconds) if seconds > 0 else None


def _pipeline(stages: str | None, time_budget: float) -> Pipeline:
    try:
        pipeline = build_pipeline(_stage_names(stages))
    except ChronikError as exc:
        raise _fail(exc) from None
    pipeline.budget = _budget(time_budget)
    return pipeline


class LazyPipeline:
    """Builds the pipeline on the first article that needs it: a re-run of only duplicates
    then never loads a model. Build errors stop the run instead of rejecting each article."""

    def __init__(self, stages: str | None, *, budget: TimeBudget | None = None) -> None:
        self.names = _stage_names(stages)
        self.budget = budget
        unknown = [name for name in self.names or () if name not in registered_stages()]
        if unknown:
            raise _fail(
                ChronikError("E020", ", ".join(unknown), f"unknown stage; known: {', '.join(registered_stages())}")
            )
        self._pipeline: Pipeline | None = None

    def __call__(self, article: Article) -> Article:
        if self._pipeline is None:
            try:
                self._pipeline = build_pipeline(self.names)
                self._pipeline.budget = self.budget
            except ChronikError as exc:  # re-raised as a plain ChronikError, which `ingest` does not catch
                raise ChronikError(exc.code, exc.source, exc.problem) from exc
        return self._pipeline(article)


def open_store(url: str) -> Store:
    """The store behind `url` (SQLite by default); a module-level hook so tests can swap it."""
    from chronik.store import open_store as open_backend

    return open_backend(url)


def _open(url: str) -> Store:
    try:
        return open_store(url)
    except ChronikError as exc:
        raise _fail(exc) from None


@app.command()
def analyze(
    paths: PathsArgument,
    output: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="json: one JSON document; jsonl: one object per line; text: readable."),
    ] = OutputFormat.json,
    stages: StagesOption = None,
    tokens: Annotated[bool, typer.Option("--tokens", help="Include tokens in JSON output.")] = False,
    input_format: InputFormatOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES / 1024 / 1024,
    text_column: TextColumnOption = None,
    delimiter: DelimiterOption = None,
    quotechar: QuotecharOption = None,
    roles: RolesOption = None,
    language: LanguageOption = "de",
    time_budget: TimeBudgetOption = DEFAULT_TIME_BUDGET_S,
) -> None:
    """Analyse articles and print the structured result (nothing is stored).

    JSON output is one object for one article, else a list. Rejected inputs are listed on
    standard error with their error code; the exit code is then 1.
    """
    options = _reader_options(input_format, max_size, text_column, delimiter, quotechar, roles, language)
    pipeline = _pipeline(stages, time_budget)
    articles: list[dict[str, Any]] = []
    rejected = 0
    for result in _read_all(paths, options):
        if isinstance(result, Rejection):
            rejected += 1
            stderr.print(str(result), markup=False, highlight=False)
            continue
        article = _run(pipeline, result)
        if article is None:
            rejected += 1
        elif output is OutputFormat.text:
            stdout.print(render_article(article))
        elif output is OutputFormat.jsonl:
            sys.stdout.write(json.dumps(article.to_dict(include_tokens=tokens), ensure_ascii=False) + "\n")
        else:
            articles.append(article.to_dict(include_tokens=tokens))
    if output is OutputFormat.json:
        document: Any = articles[0] if len(articles) == 1 else articles
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    if rejected:
        raise typer.Exit(1)


def _read_all(paths: list[str], options: ReaderOptions) -> Iterator[ReadResult]:
    for item in expand_paths(paths):
        if isinstance(item, Rejection):
            yield item
        else:
            yield from read_path(item, options=options)


def _run(pipeline: Pipeline, article: Article) -> Article | None:
    try:
        return pipeline(article)
    except ChronikError as exc:
        stderr.print(str(exc), markup=False, highlight=False)
        return None


@app.command("ingest")
def ingest_command(
    paths: PathsArgument,
    db: DbOption = DEFAULT_DB,
    stages: StagesOption = None,
    input_format: InputFormatOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES / 1024 / 1024,
    text_column: TextColumnOption = None,
    delimiter: DelimiterOption = None,
    quotechar: QuotecharOption = None,
    roles: RolesOption = None,
    language: LanguageOption = "de",
    time_budget: TimeBudgetOption = DEFAULT_TIME_BUDGET_S,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            help="Processes that analyse articles (each loads the models once); this process reads and stores.",
        ),
    ] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Analyse articles and store them; already stored texts are skipped as duplicates.

    Shows a progress bar, then a tally (ingested / duplicate / rejected) and the rejected
    inputs with their error codes. Rejections are recorded in the store as well. The exit
    code is 1 only when every input was rejected.
    """
    options = _reader_options(input_format, max_size, text_column, delimiter, quotechar, roles, language)
    lazy = LazyPipeline(stages, budget=_budget(time_budget))
    pipeline: LazyPipeline | ParallelAnalyzer = lazy
    if workers > 1:
        names = tuple(lazy.names) if lazy.names is not None else None
        pipeline = ParallelAnalyzer(PipelineSpec(names=names, budget=lazy.budget), workers=workers)
    with _open(db) as store:
        progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=stderr,
            disable=quiet or not stderr.is_terminal,  # logs get the tally, not a bar frozen at 100%
        )
        with progress:
            task = progress.add_task("ingesting", total=None)

            def advance(event: IngestProgress) -> None:
                total = max(event.total, event.done) if event.total is not None else None
                progress.update(task, completed=event.done, total=total, description=Path(event.source).name[:40])

            try:
                report = ingest(paths, store, pipeline, options=options, on_progress=advance)
            except ChronikError as exc:
                raise _fail(exc) from None
            progress.update(task, total=report.seen, completed=report.seen, description="done")
    counts = {"ingested": report.ingested, "duplicate": report.duplicate, "rejected": report.rejected}
    stdout.print(tally_table(counts, title=f"Ingested into {db}"))
    if report.rejections:
        stdout.print(rejection_table(report.rejections))
    if report.rejected and not (report.ingested or report.duplicate):
        raise typer.Exit(1)  # nothing usable in any input


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id (as printed by ingest, analyze or export).")],
    db: DbOption = DEFAULT_DB,
    output: Annotated[ShowFormat, typer.Option("--format", "-f", help="json or text.")] = ShowFormat.json,
    tokens: Annotated[bool, typer.Option("--tokens", help="Include tokens in JSON output.")] = False,
) -> None:
    """Print one stored article with all its layers."""
    with _open(db) as store:
        article = store.get_article(article_id)
    if article is None:
        raise _fail(ChronikError("E032", article_id, f"no such article in {db}"), code=1)
    if output is ShowFormat.text:
        stdout.print(render_article(article))
    else:
        sys.stdout.write(json.dumps(article.to_dict(include_tokens=tokens), ensure_ascii=False, indent=2) + "\n")


@app.command("export")
def export_command(
    to: Annotated[Path, typer.Option("--to", help="Output file: .jsonl, .csv or .parquet (format from the suffix).")],
    db: DbOption = DEFAULT_DB,
    table: Annotated[
        str,
        typer.Option(
            "--table",
            help=f"What to export, one row per record: {', '.join(TABLES)} (`quotes` = quotations). "
            "Columns: docs/tables.md.",
        ),
    ] = "articles",
) -> None:
    """Export the articles, entities, mentions, quotations or events table to JSON Lines, CSV or Parquet."""
    try:
        name = table_name(table)
    except ChronikError as exc:
        raise _fail(exc) from None
    with _open(db) as store:
        try:
            rows = export_table(store, to, table=name)
        except ChronikError as exc:
            raise _fail(exc) from None
    stdout.print(f"wrote {rows:,} {name} rows to {to}")


@app.command()
def summary(
    db: DbOption = DEFAULT_DB,
    latest: Annotated[int, typer.Option("--latest", help="How many of the latest articles to show.", min=0)] = 5,
) -> None:
    """Summarise the store: counts, then the latest articles with their people, quotes and events."""
    with _open(db) as store:
        counts = store.counts()
        articles = heapq.nlargest(latest, store.iter_articles(), key=lambda a: (a.date or "", a.id))
        render_summary(counts, articles, stdout)
        rejections = store.rejections(limit=10)
    if rejections.items:
        stdout.print(rejection_table(rejections.items, title=f"Rejected inputs ({rejections.total:,} in all)"))


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)] = 8000,
    token: Annotated[
        str | None,
        typer.Option("--token", envvar="CHRONIK_TOKEN", help="Bearer token that enables POST /api/ingest."),
    ] = None,
) -> None:
    """Serve the web UI and the REST API over the store (read-only unless a token is given)."""
    from chronik.web.serve import serve as run_server

    run_server(db, host, port, token)


@app.command("spark")
def spark_command(
    inputs: Annotated[
        list[str], typer.Option("--input", help="File, folder or glob to read (repeatable): JSONL, CSV, WARC, HTML, …")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the Parquet tables.")],
    master: Annotated[str | None, typer.Option("--master", help="Spark master: local[*], local[4], yarn, …")] = None,
    stages: StagesOption = None,
    chunk_mb: Annotated[
        float | None, typer.Option("--chunk-mb", help="Split JSONL/CSV files into ranges of this size (default: auto).")
    ] = None,
    with_tokens: Annotated[bool, typer.Option("--with-tokens", help="Keep tokens in articles.document.")] = False,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace the tables of an earlier run.")] = False,
    input_format: InputFormatOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES / 1024 / 1024,
    text_column: TextColumnOption = None,
    delimiter: DelimiterOption = None,
    quotechar: QuotecharOption = None,
    roles: RolesOption = None,
    language: LanguageOption = "de",
) -> None:
    """Analyse a big corpus on Spark; write Parquet tables (articles, entities, mentions, quotations, events).

    Needs the `spark` extra and Java. Load the result with `chronik load`. See docs/scale.md.
    """
    from chronik.spark import run_spark_job

    options = _reader_options(input_format, max_size, text_column, delimiter, quotechar, roles, language)
    try:
        report = run_spark_job(
            inputs,
            str(output),
            master=master or "local[*]",
            stages=_stage_names(stages),
            reader_options=options,
            chunk_bytes=None if chunk_mb is None else int(chunk_mb * 1024 * 1024),
            include_tokens=with_tokens,
            overwrite=overwrite,
        )
    except ChronikError as exc:
        raise _fail(exc) from None
    title = f"Wrote {output} in {report.seconds:.1f} s ({report.partitions} partitions)"
    stdout.print(tally_table(report.rows, title=title))


@app.command("load")
def load_command(
    directory: Annotated[Path, typer.Argument(help="Output folder of `chronik spark`.")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Load the Parquet tables of `chronik spark` into a store (idempotent: known articles are skipped)."""
    from chronik.load import load_parquet

    with _open(db) as store:
        try:
            report = load_parquet(directory, store)
        except ChronikError as exc:
            raise _fail(exc) from None
    counts = {"ingested": report.ingested, "duplicate": report.duplicate, "rejected": report.rejected}
    stdout.print(tally_table(counts, title=f"Loaded into {db}"))


def main() -> None:
    """Entry point of the `chronik` command."""
    app()
