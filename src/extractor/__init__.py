"""Korean news articles and press releases → validated structured data.

    from extractor import extract
    article = extract(Path("article.txt"))
"""

from __future__ import annotations

from .errors import ExtractorError, InputError, InternalError
from .pipeline import Extractor, Settings, extract
from .records import Article

__version__ = "0.1.0"
__all__ = ["Article", "Extractor", "ExtractorError", "InputError", "InternalError", "Settings", "__version__",
           "extract"]
