"""Coded errors: every problem names the input and what is wrong with it.

Codes are stable so users can search for them; the README lists them all.
"""

from __future__ import annotations

ERROR_CODES: dict[str, str] = {
    "E001": "input not found",
    "E002": "input is empty or whitespace only",
    "E003": "input looks binary (not text)",
    "E004": "input is larger than the size limit",
    "E005": "input could not be decoded as UTF-8; decoded with a fallback encoding",
    "E006": "unknown or unsupported input format",
    "E010": "malformed JSON line",
    "E011": "JSON record has a missing or wrongly typed field",
    "E012": "no body text found in HTML",
    "E013": "malformed feed (RSS/Atom)",
    "E014": "malformed or truncated WARC/gzip archive",
    "E015": "malformed CSV or missing text column",
    "E016": "unparseable or implausible date",
    "E020": "unknown pipeline stage",
    "E021": "pipeline stage order is invalid",
    "E022": "pipeline stage failed on an article",
    "E023": "stage ran past its time budget",
    "E024": "invalid pipeline stage option",
    "E025": "a worker process died while analysing an article",
    "E030": "store error",
    "E031": "unsupported database URL",
    "E032": "article not found in store",
    "E033": "store schema is newer than this version of chronik",
    "E034": "article id already stored with a different text",
    "E040": "invalid lexicon or data file",
    "E050": "invalid query parameter",
    "E051": "request body is larger than the limit",
    "E052": "request ran past the time limit",
    "E053": "write endpoint needs a valid token (or is disabled)",
    "E060": "NER model not installed or cannot be loaded",
    "E061": "invalid NER stage configuration",
    "E070": "batch output folder exists and is not empty",
    "E071": "Spark (pyspark) or Java is not available",
    "E072": "not a chronik Parquet folder (missing table or manifest)",
}


class ChronikError(Exception):
    """Base error: carries a stable code, the input it concerns and the problem."""

    def __init__(self, code: str, source: str, problem: str) -> None:
        self.code = code
        self.source = source
        self.problem = problem
        super().__init__(f"[{code}] {source}: {problem}")


class InputError(ChronikError):
    """An input (file, line, record) cannot be turned into an article."""


class PipelineError(ChronikError):
    """A pipeline is misconfigured or a stage failed."""


class StoreError(ChronikError):
    """The store cannot do what was asked."""
