"""dateline.Corpus: ingest from files (folders, .jsonl, WARC) with workers, idempotent, linked."""

from __future__ import annotations

import gzip
import json
import sqlite3
import uuid
from pathlib import Path

import pytest

from dateline import Corpus

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "corpus"


def warc_record(url: str, body: bytes, content_type: str = "text/html; charset=utf-8") -> bytes:
    http = (
        f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    )
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {url}\r\nWARC-Date: 2025-03-03T10:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.UUID(int=abs(hash(url)) % (1 << 128))}>\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def make_warc(path: Path, gz: bool = True) -> Path:
    text = (
        "ORLAN, March 3 (AP) — Velmora agreed on Monday to open talks with its neighbours over the Tessa River "
        "dam, officials said after a long cabinet meeting in the capital.\n\n"
        "Foreign Minister Ana Korsak said a delegation would travel to Lisk next week to meet engineers from "
        "both downstream countries and agree on a schedule for water releases.\n\n"
        "Farmers in the valley say their canals ran dry in December after the reservoir was filled too fast."
    )
    records = [
        warc_record("https://radio.example/velmora-dam", text.encode(), "text/plain; charset=utf-8"),
        warc_record("https://radio.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(40), "image/png"),
    ]
    data = b"".join(records)
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "news.db"


def test_ingest_links_copies_syndication_versions_and_stories(db):
    corpus = Corpus(db)
    stats = corpus.ingest([str(FIXTURES / "wire.jsonl")], workers=2, analyze=False)
    assert (stats.seen, stats.added, stats.errors) == (7, 7, 0)
    assert stats.versions == 2  # "1st LD" and "2nd LD" of the wire headline
    stats = corpus.ingest([str(FIXTURES / "recrawl.jsonl")], workers=1, analyze=False)
    assert (stats.added, stats.versions) == (1, 1)  # the same address, corrected
    groups = {g["kind"]: g for g in corpus.duplicates()}
    assert set(groups) == {"copy", "syndicated", "version"}
    assert groups["copy"]["members"] == ["wire-dam-0303", "herald-dam"]
    assert set(groups["syndicated"]["members"]) >= {"wire-dam-0303", "planet-dam", "herald-dam"}
    assert "sport-chess" not in groups["syndicated"]["members"]
    assert groups["version"]["members"] == ["wire-dam-0303", "wire-dam-0303-ld1", "wire-dam-0303-ld2",
                                            "wire-dam-0303-recrawl"]
    stories = corpus.stories()
    assert len(stories) == 1 and "gazette-dam" in stories[0]["members"]
    assert "sport-chess" not in stories[0]["members"]


def test_same_content_twice_adds_nothing(db, tmp_path):
    corpus = Corpus(db)
    first = corpus.ingest([str(FIXTURES)], workers=2, analyze=False)
    conn = sqlite3.connect(db)
    before = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("documents", "articles", "links", "groups", "group_members", "fingerprints")}
    again = corpus.ingest([str(FIXTURES), str(FIXTURES / "wire.jsonl")], workers=1, analyze=False)
    assert again.added == 0 and again.duplicates == first.seen + 7
    after = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in before}
    assert after == before


def test_warc_input_and_error_rows(db, tmp_path):
    warc = make_warc(tmp_path / "crawl.warc.gz")
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "url": "https://a.example/x"}\nnot json\n', encoding="utf-8")
    corpus = Corpus(db)
    stats = corpus.ingest([str(warc), str(broken)], workers=1, analyze=False)
    assert stats.added == 1 and stats.errors == 3
    errors = corpus.errors()
    assert any("not an HTML or text record" in e["message"] for e in errors)
    assert any("not JSON" in e["message"] for e in errors)
    assert corpus.search("Tessa dam")[0]["url"] == "https://radio.example/velmora-dam"
    again = corpus.ingest([str(warc), str(broken)], workers=1, analyze=False)
    assert again.added == 0 and len(corpus.errors()) == 3  # failures are tried again, not piled up


def test_export_gives_the_readings_back(db):
    from dateline import read_all

    corpus = Corpus(db)
    corpus.ingest([str(FIXTURES / "wire.jsonl")], workers=1, analyze=False)
    direct = [r.to_dict() for r in read_all([str(FIXTURES / "wire.jsonl")], analyze=False)]
    assert [r.to_dict() for r in corpus.readings()] == direct


def test_with_analysis_claims_are_queryable(db):
    corpus = Corpus(db)
    corpus.ingest([str(FIXTURES / "wire.jsonl")], workers=1, analyze=True)
    rows = corpus.claims(speaker="Pavel Stroud")
    assert rows, "the fixture's quoted speaker has claims"
    assert all(r["document_id"] for r in rows)


def test_a_worker_that_dies_costs_only_its_page(db, monkeypatch):
    import os

    import dateline.corpus as corpus_module

    real = corpus_module.process_page

    def deadly(page, chash=None, **kw):
        if page.id == "planet-dam":
            os._exit(1)  # a crash in a parser, the OOM killer
        return real(page, chash, **kw)

    monkeypatch.setattr(corpus_module, "process_page", deadly)
    stats = Corpus(db).ingest([str(FIXTURES / "wire.jsonl")], workers=2, analyze=False)
    assert (stats.added, stats.errors) == (6, 1)
    assert "worker process" in Corpus(db).errors()[0]["message"]


def test_the_same_words_from_two_outlets_are_two_documents_and_one_copy_group(db, tmp_path):
    body = ("OSLO (AP) - The ferry line reopened on Monday after a week of storms, the operator said.\n\n"
            "Passengers queued from dawn at both harbours.")
    pages = tmp_path / "copies.jsonl"
    pages.write_text("\n".join(json.dumps({"id": i, "url": f"https://{i}.example/ferry", "publisher": p,
                                           "published": "2025-01-02", "body": body})
                               for i, p in (("a1", "Paper A"), ("b1", "Paper B"))) + "\n", encoding="utf-8")
    corpus = Corpus(db)
    assert corpus.ingest([str(pages)], workers=1, analyze=False).added == 2
    assert corpus.ingest([str(pages)], workers=1, analyze=False).added == 0  # the same pages again
    groups = [g for g in corpus.duplicates() if g["kind"] == "copy"]
    assert [sorted(g["members"]) for g in groups] == [["a1", "b1"]]
