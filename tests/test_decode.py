import gzip

import pytest

from dateline.ingest.decode import NotText, decode, gunzip

TEXT = "Café owners in Zürich said “no” — 50 €"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with its byte-order mark
        TEXT.encode("utf-16-le"),  # without one
        gzip.compress(TEXT.encode("utf-8")),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-nobom", "gzip"],
)
def test_unicode_forms_decode_to_the_same_text(data):
    assert decode(data) == TEXT


def test_cp1252_quotes_and_latin1_letters():
    raw = "The minister’s “final” offer: 6 % for Zürich".encode("cp1252")
    assert decode(raw) == "The minister’s “final” offer: 6 % for Zürich"


def test_latin1_declared_in_html_meta():
    raw = '<html><head><meta charset="iso-8859-1"></head><body><p>Año señal</p></body></html>'.encode("latin-1")
    assert "Año señal" in decode(raw)


def test_binary_is_refused_with_a_reason():
    with pytest.raises(NotText, match="binary"):
        decode(bytes(range(256)) * 20)


def test_truncated_gzip_gives_what_could_be_read():
    data = gzip.compress(("word " * 20000).encode())
    assert gunzip(data[: len(data) // 2]).startswith(b"word word")


def test_broken_gzip_is_refused():
    with pytest.raises(NotText, match="gzip"):
        gunzip(b"\x1f\x8b\x08\x00garbage")
