"""Bytes → text: byte-order marks, declared charsets, UTF-8, then a measured guess.

Binary data is refused with a reason rather than decoded into noise.
"""

from __future__ import annotations

import codecs
import gzip
import re
import zlib

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
GZIP_MAGIC = b"\x1f\x8b"


class NotText(ValueError):
    """The bytes are not a text or HTML document (binary, or undecodable)."""


#: a gzip stream that ends before its end marker: what was read stands, marked partial
GZIP_CUT = "the gzip file is cut short; only the part before the cut was read"


def gunzip(data: bytes) -> bytes:
    """Decompress gzip data; a truncated stream gives what could be read, nothing gives an error."""
    return gunzip_checked(data)[0]


def gunzip_checked(data: bytes) -> tuple[bytes, bool]:
    """(the decompressed bytes, whether the stream was complete). A stream cut short gives what
    could be read (and False); one that gives nothing readable raises NotText."""
    try:
        return gzip.decompress(data), True
    except (OSError, EOFError, zlib.error) as exc:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out = d.decompress(data)
        except zlib.error:
            raise NotText(f"not a readable gzip file ({exc})") from None
        if len(out) < 64:  # a corrupt stream, not a truncated page
            raise NotText(f"not a readable gzip file ({exc})") from None
        return out, False


def decode(data: bytes, *, declared: str | None = None, warnings: list[str] | None = None) -> str:
    """Decode a document's bytes, or raise NotText saying why it is not a text document.

    A few NUL bytes in a text page (a crawler's artefact) are removed, with a warning; a page
    made of them is binary.
    """
    text = _decode(data, declared)
    if "\x00" in text:
        from .unicode import without_nuls

        text = without_nuls(text, "the page", warnings)
    return text


def _decode(data: bytes, declared: str | None) -> str:
    if data.startswith(GZIP_MAGIC):
        data = gunzip(data)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    if _looks_binary(data):
        raise NotText("binary data, not a text or HTML document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for name in (declared, _declared_charset(data)):
        if name:
            try:
                return data.decode(_normalise(name), errors="replace")
            except LookupError:
                pass
    if _western(data):
        return data.decode("cp1252", errors="replace")
    guessed = _guess(data)
    if guessed:
        return data.decode(guessed, errors="replace")
    # windows-1252 decodes every byte but five; latin-1 covers those
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "ignore") if m else None


def _normalise(name: str) -> str:
    name = name.lower().strip()
    # browsers read latin-1 and ascii labels as windows-1252 (WHATWG encoding standard)
    return "cp1252" if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii") else name


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


_TEXT_CONTROLS = {9, 10, 12, 13, 27}


def _looks_binary(data: bytes) -> bool:
    """Control bytes make up more than a twentieth of the start, or NULs more than a hundredth.

    Binary formats are full of both; a text page with a stray NUL or two is still text.
    """
    sample = data[:8192]
    if not sample:
        return False
    if sample.count(0) > len(sample) / 100:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return controls / len(sample) > 0.05


def _western(data: bytes) -> bool:
    """Mostly ASCII letters with a few high bytes: a Western European single-byte page.

    Statistical guessers often misread short windows-1252 texts; pages in Cyrillic, Greek
    or Asian single- and double-byte encodings have far more high bytes than this.
    """
    sample = data[:65536]
    high = sum(1 for b in sample if b >= 0x80)
    letters = sum(1 for b in sample if 65 <= b <= 90 or 97 <= b <= 122)
    return high > 0 and high < 0.15 * max(letters, 1)


def _guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - declared dependency
        return None
    best = from_bytes(data[:65536]).best()
    return best.encoding if best else None
