"""Read articles from files and folders into `Article` values."""

from __future__ import annotations

from pathlib import Path
from .errors import InputError
from .model import Article


def read_article(path: str | Path, *, doc_id: str | None = None) -> Article:
    """Decode one UTF-8 article (BOM or not).

    Raises:
        InputError: the file cannot be read or is not UTF-8, naming the path and the byte.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not an article") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 at byte {error.start}") from None
    return Article(doc_id=doc_id or path.stem, text=text, path=str(path), encoding="utf-8")

