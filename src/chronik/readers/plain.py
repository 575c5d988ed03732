"""Plain text and the plain news format (` date YYYY-MM-DD <lead>` first line).

The article text is exactly the decoded input, so offsets map back onto the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from chronik.readers.article import ArticleFields, make_article
from chronik.readers.base import ReaderOptions, ReadResult, decode_bytes


def read_limited(stream: BinaryIO, *, max_bytes: int) -> bytes:
    """Read at most one byte past the limit, so that `check_size` can tell it was exceeded."""
    return stream.read(max_bytes + 1)


def read_plain(stream: BinaryIO, source: str, options: ReaderOptions) -> Iterator[ReadResult]:
    """One article from a text file; structure (date header, byline, subheads) is detected."""
    decoded = decode_bytes(read_limited(stream, max_bytes=options.max_bytes), source, max_bytes=options.max_bytes)
    fields = ArticleFields(language=options.language, warnings=decoded.warnings, role_files=options.role_files)
    yield make_article(decoded.text, source=source, fields=fields)
