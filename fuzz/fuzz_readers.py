"""atheris fuzz harness for the readers (run outside CI, for minutes or hours).

Every input goes through `read_bytes` once with content detection and once per forced
format; anything but an `Article` or a `Rejection` (an escaping exception) is a crash, and
every article's paragraph and author spans must fit its text.

    pip install atheris
    nice -n 10 python fuzz/fuzz_readers.py -max_total_time=600 -rss_limit_mb=4096 fuzz/corpus
    python fuzz/fuzz_readers.py crash-<hash>   # replay one finding

Turn every finding into a regression test in tests/robustness/test_fuzz_findings.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from chronik.model import Article
    from chronik.readers import FORMATS, ReaderOptions, Rejection, read_bytes

OPTIONS = [ReaderOptions(max_bytes=256 * 1024)] + [ReaderOptions(format=fmt, max_bytes=256 * 1024) for fmt in FORMATS]
SEEDS = {
    "news.txt": b" date 2025-12-06 Vorspann.\n\nTitel ohne Punkt\n\n"
    b"Text. \xc2\xabZitat\xc2\xbb, sagte sie.\n\nAnna Muster Redaktorin",
    "page.html": b"<html><head><title>T</title></head><body><article>"
    b"<p>Ein Absatz mit Text.</p></article></body></html>",
    "feed.rss": b'<rss version="2.0"><channel><title>F</title><item><title>A</title>'
    b"<description>&lt;p&gt;B&lt;/p&gt;</description></item></channel></rss>",
    "lines.jsonl": b'{"text": "Eins.", "date": "2025-12-06"}\n{"text": "Zwei.", "authors": ["A"]}\n',
    "table.csv": b'id,title,text\n1,T,Ein Text\n2,U,"Zwei, Text"\n',
    "gnad.csv": b"Sport;'Ein Text.'\nKultur;'Noch einer.'\n",
}


def check(data: bytes) -> None:
    for options in OPTIONS:
        for result in read_bytes(data, source="fuzz", options=options):
            if isinstance(result, Rejection):
                assert result.code.startswith("E") and result.problem
                continue
            assert isinstance(result, Article)
            for paragraph in result.paragraphs:
                assert result.text[paragraph.start : paragraph.end] == paragraph.text
            for author in result.authors:
                if author.start is not None and author.end is not None:
                    assert result.text[author.start : author.end] == author.name


def write_seeds(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for name, data in SEEDS.items():
        (directory / name).write_bytes(data)


def main() -> None:
    corpus = next((Path(arg) for arg in sys.argv[1:] if not arg.startswith("-") and not Path(arg).is_file()), None)
    if corpus is not None:
        write_seeds(corpus)
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
