"""chronik: German news articles in, a structured, searchable chronicle out."""

from chronik.errors import ChronikError
from chronik.model import Article

__version__ = "0.1.0"
__all__ = ["Article", "ChronikError", "__version__"]
