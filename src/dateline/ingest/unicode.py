"""Text made valid Unicode where it enters: file contents, file names, JSON, WARC headers, URLs.

Python strings can hold what no UTF-8 file, terminal or SQLite database can: lone surrogates
(``"\\ud800"`` is valid JSON; a file name that is not UTF-8 comes back from the OS as
``"caf\\udce9.html"``). One such character used to stop a whole batch at the first write. Every
string that enters is therefore made valid here, and each repair is said in the page's
warnings, so nothing is changed silently.
"""

from __future__ import annotations

import os
import re

#: what no UTF-8 encoder accepts: surrogates that are not part of a pair (Python keeps them apart)
_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def has_surrogates(text: str) -> bool:
    if text.isascii():
        return False
    # lone surrogates are the only characters the strict UTF-8 encoder refuses; it runs several
    # times faster over a page than the regular expression's search does
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def valid_text(text: str, what: str, warnings: list[str] | None) -> str:
    """``text`` with lone surrogates replaced by U+FFFD; a warning naming ``what`` says how many."""
    if text.isascii():
        return text
    fixed, n = _SURROGATE.subn(REPLACEMENT, text)
    if n and warnings is not None:
        warnings.append(f"{what}: {n} invalid character{'s' if n > 1 else ''} (lone surrogates) replaced with U+FFFD")
    return fixed


def valid_optional(text: str | None, what: str, warnings: list[str] | None) -> str | None:
    return None if text is None else valid_text(text, what, warnings)


def without_nuls(text: str, what: str, warnings: list[str] | None) -> str:
    """``text`` without NUL characters (they end strings in C libraries and split full-text tokens)."""
    n = text.count("\x00")
    if not n:
        return text
    if warnings is not None:
        warnings.append(f"{what}: {n} NUL character{'s' if n > 1 else ''} removed")
    return text.replace("\x00", "")


def path_label(path: str, warnings: list[str] | None = None) -> str:
    """How a file path is shown and stored: itself when it is valid Unicode, else a bytes-safe
    form (``caf\\xe9.html``) with a warning. The file is still opened by its real name."""
    if not has_surrogates(path):
        return path
    try:
        label = os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeError:  # surrogates that did not come from the file system's bytes
        label = _SURROGATE.sub(REPLACEMENT, path)
    if warnings is not None:
        warnings.append(f"the file name is not valid UTF-8; it is shown as {label}")
    return label
