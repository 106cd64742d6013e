"""Read an article file into an `Article`: its encoding found, bad files named with a reason.

Newsroom archives hold UTF-8 (with or without BOM), GB18030/GBK, Big5 and UTF-16 files, and
also empty files, images, PDFs and truncated downloads. Each of those either decodes, with
the encoding recorded, or raises `InputError` with the path and a reason a person can act
on. Nothing is guessed into mojibake: bytes that decode under no candidate are reported.
"""

from __future__ import annotations

from pathlib import Path

from .errors import InputError
from .model import Article

MAX_BYTES = 50 * 1024 * 1024  # one article; a larger file is reported (split it), not read
BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# The first bytes of file kinds that turn up in article folders and are not text.
SIGNATURES = ((b"%PDF", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
              (b"GIF8", "a GIF image"), (b"PK\x03\x04", "a ZIP archive (or a Word/Excel file)"),
              (b"\x1f\x8b", "a gzip archive"), (b"\xd0\xcf\x11\xe0", "an old Office document"),
              (b"RIFF", "a RIFF media file"), (b"\x7fELF", "a program"))
LEGACY = ("gb18030", "big5")  # Chinese encodings tried, in order, when the bytes are not UTF-8


def decode(data: bytes, where: str = "", common: frozenset[str] = frozenset()) -> tuple[str, str]:
    """The text of an article's bytes and the encoding they were in.

    GBK and Big5 share their byte ranges, so some bytes decode as both. The reading with more
    characters from `common` (characters that statistics are written with, in either script)
    wins; without a difference, charset-normalizer judges which reads as language.

    >>> common = frozenset("增长長")
    >>> decode("增长5%".encode("gb18030"), common=common)
    ('增长5%', 'gb18030')
    >>> decode("增長5%".encode("big5"), common=common)
    ('增長5%', 'big5')

    Raises:
        InputError: empty, binary, or in no encoding we read.
    """
    prefix = f"{where}: " if where else ""
    if not data.strip():
        raise InputError(f"{prefix}empty file" if not data else f"{prefix}holds only white space")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError as error:
                raise InputError(f"{prefix}starts as {encoding} but breaks at byte {error.start}") from None
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"{prefix}not an article: {kind}")
    if b"\x00" in data:
        position = data.index(b"\x00")
        raise InputError(f"{prefix}not an article: binary data (a NUL byte at byte {position})")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error.start
    decoded = {}
    for encoding in LEGACY:
        try:
            decoded[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    if len(decoded) == 1:
        encoding, text = next(iter(decoded.items()))
        return text, encoding
    if decoded:
        scores = {encoding: sum(char in common for char in text) for encoding, text in decoded.items()}
        if len(set(scores.values())) > 1:
            encoding = max(scores, key=scores.get)
            return decoded[encoding], encoding
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=list(decoded)).best()
        if best is not None and best.encoding in decoded:
            return decoded[best.encoding], best.encoding
        return decoded[LEGACY[0]], LEGACY[0]
    raise InputError(f"{prefix}not UTF-8 (bad byte at {utf8_error}), GB18030 or Big5: cannot be read as text")


def read_article(path: str | Path, *, doc_id: str | None = None, common: frozenset[str] = frozenset()) -> Article:
    """Read and decode one article file (`common`: see `decode`; `Extractor.common_chars`).

    Raises:
        InputError: the file cannot be read or decoded, naming the path and the reason.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: too large ({size / 2**20:.0f} MB; the limit is "
                             f"{MAX_BYTES // 2**20} MB per article): split it")
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not an article") from None
    except FileNotFoundError:
        reason = "a broken symbolic link" if path.is_symlink() else "no such file"
        raise InputError(f"{path}: {reason}") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as error:
        if error.errno == 40:  # ELOOP
            raise InputError(f"{path}: a symbolic link that loops back on itself") from None
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
    text, encoding = decode(data, str(path), common)
    return Article(doc_id=doc_id or path.stem, text=text, path=str(path), encoding=encoding)
