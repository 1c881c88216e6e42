"""Datasette on a store: its own full-text search, the metadata dateline writes, a real server on 127.0.0.1."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from dateline import Corpus

from servers import free_port, running
from test_statements import QUOTE, reading

pytest.importorskip("datasette")


def _get(port: int, path: str, **params) -> dict:
    url = f"http://127.0.0.1:{port}{path}" + ("?" + urllib.parse.urlencode(params) if params else "")
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.loads(r.read())


@pytest.fixture()
def served(tmp_path):
    db = tmp_path / "news.db"
    with Corpus(db) as corpus:
        corpus.add([
            reading("wire", "2025-05-06T07:00:00+00:00", [{"content": QUOTE, "via": ["Wire"]}], publisher="Wire"),
            reading("post", "2025-05-06T09:00:00+00:00", [{"content": QUOTE, "via": ["Wire", "Post"]},
                                                          {"content": "The harbour dredging starts in autumn"}],
                    publisher="Post"),
        ])
        meta = Path(corpus.datasette_metadata())
    assert meta == tmp_path / "news.metadata.json"
    port = free_port()
    exe = shutil.which("datasette", path=os.path.dirname(sys.executable)) or shutil.which("datasette")
    cmd = [exe, "serve"] if exe else [sys.executable, "-m", "datasette", "serve"]
    with running([*cmd, str(db), "-m", str(meta), "-h", "127.0.0.1", "-p", str(port)],
                 f"http://127.0.0.1:{port}/-/versions.json", "datasette",
                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT):
        yield port


def test_search_facets_and_labels_through_datasette(served):
    port = served
    hits = _get(port, "/news/articles.json", _search="dredging", _shape="objects")
    assert [r["document_id"] for r in hits["rows"]] == ["post"]
    claims = _get(port, "/news/claims.json", _search="ferry fares", _shape="objects")
    assert sorted(r["document_id"] for r in claims["rows"]) == ["post", "wire"]
    assert _get(port, "/news/claims.json", _search="nothingsuchword", _shape="objects")["rows"] == []
    # documents are named by their title and outlet where other tables point at them
    labelled = _get(port, "/news/claims.json", _search="dredging", _labels="on", _shape="objects")["rows"]
    assert labelled[0]["document_id"]["label"] == "Ferry news from post — Post"
    # the facets and descriptions of the metadata
    meta = _get(port, "/-/metadata.json")
    tables = meta["databases"]["news"]["tables"]
    assert "outlet" in tables["articles"]["facets"]
    assert tables["claims"]["columns"]["cue"]
    faceted = _get(port, "/news/articles.json", _extra="facet_results")
    facets = faceted["facet_results"]
    facets = facets.get("results", facets)
    assert "outlet" in facets
    statements = _get(port, "/news/statements.json", _shape="objects")["rows"]
    assert max(s["carriers"] for s in statements) == 2
