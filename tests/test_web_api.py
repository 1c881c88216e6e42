"""The web app's pages and JSON API through FastAPI's TestClient, over a real store of our pages."""

from __future__ import annotations

import csv
import hashlib
import io
import sqlite3
from html.parser import HTMLParser

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")
from fastapi.testclient import TestClient  # noqa: E402

import web_store  # noqa: E402
from dateline.web import create_app  # noqa: E402


@pytest.fixture(scope="module")
def db(nlp, tmp_path_factory):
    return web_store.build(tmp_path_factory)


@pytest.fixture(scope="module")
def app(db):
    app = create_app(db)
    yield app
    app.state.pool.close()


@pytest.fixture(scope="module")
def client(app):
    return TestClient(app, raise_server_exceptions=False)


def varga(client) -> int:
    speakers = client.get("/api/summary").json()["top_speakers"]
    return next(s["id"] for s in speakers if s["name"] == "Ada Varga")


class Tags(HTMLParser):
    """Every start tag with its attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parsed(html: str) -> Tags:
    t = Tags()
    t.feed(html)
    return t


# --- views -------------------------------------------------------------------------------------


def test_home_has_counts_top_speakers_and_latest_statements(client):
    r = client.get("/")
    assert r.status_code == 200
    assert "text/html" in r.headers["content-type"]
    data = client.get("/api/summary").json()
    assert data["counts"]["articles"] == 5
    names = [s["name"] for s in data["top_speakers"]]
    assert names[0] == "Ada Varga"  # she says the most
    assert f'href="/entities/{data["top_speakers"][0]["id"]}"' in r.text
    assert any(o["outlet"] == "AP" for o in data["top_outlets"])
    assert data["latest_statements"][0]["said_on"] == "2025-06-20"  # newest first
    assert 'name="q"' in r.text


def test_search_finds_articles_and_statements_with_snippets_and_facets(client):
    data = client.get("/api/search", params={"q": "bridge"}).json()
    titles = [a["title"] for a in data["articles"]["items"]]
    assert "Lowmark minister vows to reopen Sarn bridge within a month" in titles
    assert all("\x01" in a["snippet"] for a in data["articles"]["items"])
    contents = [c["content"] for c in data["statements"]["items"]]
    assert any("Sarn bridge" in c for c in contents)
    speakers = {f["label"]: f["count"] for f in data["facets"]["statements"]["speaker"]}
    assert speakers["Ada Varga"] >= 2
    page = client.get("/search", params={"q": "bridge"}).text
    assert "<mark>" in page  # the matched word, marked after escaping
    assert any(c["snippet"] and "\x01bridge\x02" in c["snippet"] for c in data["statements"]["items"])
    assert "<mark>bridge</mark>" in page.split('class="statements-results"')[1].split("</section>")[0]
    assert "facet-speaker" in page


def test_search_facets_narrow_the_results(client):
    vid = varga(client)
    data = client.get("/api/search", params={"speaker": vid, "channel": "interview"}).json()
    items = data["statements"]["items"]
    assert items and all(c["speaker_entity"] == vid for c in items)
    assert all(c["channel"]["kind"] == "interview" for c in items)
    since = client.get("/api/claims", params={"since": "2025-06-01", "kind": "indirect"}).json()["items"]
    assert since and all(c["date"] >= "2025-06-01" and c["kind"] == "indirect" for c in since)
    langs = client.get("/api/articles", params={"language": "xx"}).json()["items"]
    assert langs == []


@pytest.mark.parametrize("q", ['"', "NEAR(bridge", "title:bridge", "bridge OR", "*", "'; DROP TABLE articles; --",
                               "a AND OR NOT", "(((", "bridge\x00", "^bridge"])
def test_search_input_is_never_fts_or_sql_syntax(client, db, q):
    r = client.get("/api/search", params={"q": q})
    assert r.status_code == 200, r.text
    assert client.get("/search", params={"q": q}).status_code == 200
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 5


def test_search_over_the_limits_is_refused_with_a_reason(client):
    r = client.get("/api/search", params={"q": " ".join(f"w{i}" for i in range(80))})
    assert r.status_code == 400
    assert "limit" in r.json()["error"]
    page = client.get("/search", params={"q": "x" * 2000})
    assert page.status_code == 400 and "characters long" in page.text
    assert client.get("/search", params={"since": "last week"}).status_code == 400


def test_lists_paginate_and_download_as_csv(client):
    one = client.get("/api/claims", params={"per_page": 1}).json()
    two = client.get("/api/claims", params={"per_page": 1, "page": 2}).json()
    assert one["has_more"] and len(one["items"]) == 1
    assert one["items"][0]["ref"] != two["items"][0]["ref"]
    assert client.get("/api/claims", params={"per_page": 100000}).status_code == 400
    r = client.get("/api/claims", params={"format": "csv", "q": "bridge"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and {"speaker", "content", "via", "document_id"} <= set(rows[0])
    assert any("Sarn bridge" in row["content"] for row in rows)


def test_article_marks_each_claim_by_kind_with_its_card(client):
    r = client.get("/articles/lowmark-0502")
    assert r.status_code == 200
    tags = parsed(r.text)
    marks = [a for t, a in tags.tags if t == "mark" and "claim" in a.get("class", "")]
    kinds = {a["class"].split("kind-")[1] for a in marks}
    assert {"direct", "indirect"} <= kinds
    direct = next(a for a in marks if a.get("id") == "claim-c1")
    assert "kind-direct" in direct["class"] and direct["tabindex"] == "0"
    assert "cue: told" in direct["data-card"] and "Ada Varga" in direct["data-card"] and "AP" in direct["data-card"]
    entity_links = [a["href"] for t, a in tags.tags if t == "a" and "entity" in a.get("class", "")]
    assert f"/entities/{varga(client)}" in entity_links
    # its copy at the Valley Herald is listed, and the spread of each claim is one click away
    assert 'href="/articles/lowmark-0502-herald"' in r.text
    sid = client.get("/api/statements/lowmark-0502:c1").json()["statement"]["id"]
    assert f'href="/statements/{sid}"' in r.text
    text = "".join(tags.text)
    assert "We will have traffic back on the Sarn bridge" in text


def test_article_json_is_the_reading_with_corpus_ids(client):
    data = client.get("/api/articles/lowmark-0617").json()
    assert data["reading"]["id"] == "lowmark-0617"
    assert data["reading"]["claims"][1]["channel"]["kind"] == "interview"
    assert varga(client) in data["entity_ids"].values()


def test_page_text_is_escaped_script_onerror_and_javascript_links_render_as_text(client):
    r = client.get("/articles/hostile-page")
    assert r.status_code == 200
    tags = parsed(r.text)
    scripts = [a for t, a in tags.tags if t == "script"]
    assert all(a.get("src", "").startswith("/static/") for a in scripts)  # only ours
    assert not any(t == "img" for t, _ in tags.tags)
    for _t, attrs in tags.tags:
        assert not any(k.startswith("on") for k in attrs), attrs
        assert not any((v or "").strip().lower().startswith("javascript:") for v in attrs.values()), attrs
    text = "".join(tags.text)
    assert "<script>alert('stolen')</script>" in text  # shown as the words it is
    assert "<img src=x onerror=alert(1)>" in text
    assert 'href="javascript:alert(2)"' in text
    assert "&lt;script&gt;" in r.text
    for path in ("/search?q=security", "/", f"/entities/{_entity(client, 'Lena Moor')}"):
        page = parsed(client.get(path).text)
        assert not any(t == "img" for t, _ in page.tags)
        # our scripts, and the chart and graph data as inert JSON
        assert all(a.get("src", "").startswith("/static/") or a.get("type") == "application/json"
                   for t, a in page.tags if t == "script")


def _entity(client, name: str) -> int:
    for s in client.get("/api/summary").json()["top_speakers"]:
        if s["name"] == name:
            return s["id"]
    raise AssertionError(name)


def test_entity_has_a_timeline_relays_and_co_mentions(client):
    vid = varga(client)
    data = client.get(f"/api/entities/{vid}").json()
    assert data["entity"]["name"] == "Ada Varga"
    days = {row["day"] for row in data["timeline"]["data"] if row["what"] == "statement"}
    assert {"2025-05-02", "2025-05-21", "2025-06-17"} <= days
    channels = {row["channel"] for row in data["timeline"]["data"]}
    assert "interview" in channels
    spec = data["timeline"]["spec"]
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    assert spec["encoding"]["color"]["field"] == "channel"
    relays = {(x["relay"], x["role"]) for x in data["relays"]}
    assert ("Radio Lowmark", "conduit") in relays and ("AP", "publisher") in relays
    assert "Tomas Brenner" in [x["name"] for x in data["co_mentioned"]]
    assert all(c["speaker_entity"] == vid for c in data["statements"]["items"])
    page = client.get(f"/entities/{vid}").text
    assert 'id="timeline-spec"' in page and "/static/vendor/vega-embed.min.js" in page
    assert "</script>" not in page.split('id="timeline-spec">')[1].split("</script>")[0]
    rows = list(csv.DictReader(io.StringIO(client.get(f"/api/entities/{vid}/claims?format=csv").text)))
    assert len(rows) == data["entity"]["claims"]


def test_statement_spread_and_wordings(client):
    # a claim's reference redirects to the statement it is a copy of: any copy finds it
    r = client.get("/api/statements/lowmark-0502:c1", follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"].startswith("/api/statements/")
    a = client.get("/api/statements/lowmark-0502:c1").json()
    b = client.get("/api/statements/lowmark-0502-herald:c1").json()
    assert a["statement"]["id"] == b["statement"]["id"]
    st = a["statement"]
    assert {c["document_id"] for c in st["carriers"]} == {"lowmark-0502", "lowmark-0502-herald"}
    assert st["speaker"]["name"] == "Ada Varga"
    assert st["wordings"][0]["content"] == st["content"]
    # the Herald cut the quote short: its wording shows the words it left out
    cut = next(w for w in st["wordings"][1:] if "lowmark-0502-herald" in w["documents"])
    assert {"op": "del", "text": "the end of May,"} in cut["diff"] or any(
        p["op"] == "del" and "end of May" in p["text"] for p in cut["diff"])
    assert any(ch["change"] == "cut" for ch in cut["changes"])
    spread = a["spread"]
    labels = {n["id"]: n["label"] for n in spread["nodes"]}
    assert any(labels[e["source"]] == "Ada Varga" and labels[e["target"]] == "AP" for e in spread["edges"])
    assert {n["document_id"] for n in spread["nodes"] if n["role"] == "document"} == {"lowmark-0502", "lowmark-0502-herald"}
    interview = client.get("/api/statements/lowmark-0617:c2").json()["spread"]
    roles = {n["label"]: n["role"] for n in interview["nodes"]}
    assert roles["interview"] == "channel" and roles["Radio Lowmark"] == "carrier"
    page = client.get(f"/statements/{st['id']}")
    assert page.status_code == 200 and 'id="spread-data"' in page.text and "cytoscape.min.js" in page.text
    assert client.get("/statements/lowmark-0502:c1").url.path == f"/statements/{st['id']}"


def test_story_lists_articles_by_outlet(client):
    groups = client.get("/api/articles/lowmark-0502").json()["groups"]
    gid = groups[0]["id"]
    data = client.get(f"/api/stories/{gid}").json()
    assert {d["document_id"] for d in data["story"]["documents"]} == {"lowmark-0502", "lowmark-0502-herald"}
    outlets = {o["outlet"] for o in data["by_outlet"]}
    assert {"wire.example", "valley-herald.example"} <= outlets
    assert data["chart"]["mark"]["type"] == "point"
    assert client.get(f"/stories/{gid}").status_code == 200


def test_network_filters_by_date_and_subject(client):
    data = client.get("/api/network").json()
    labels = {n["id"]: n for n in data["nodes"]}
    assert any(labels[e["source"]]["label"] == "Ada Varga" and e["relation"] == "relayed by" for e in data["edges"])
    later = client.get("/api/network", params={"since": "2025-06-18"}).json()
    assert "Ada Varga" not in {n["label"] for n in later["nodes"]}
    about = client.get("/api/network", params={"about": "crowns"}).json()
    assert {n["label"] for n in about["nodes"] if n["role"] == "speaker"} == {"Tomas Brenner"}
    assert client.get("/network").status_code == 200
    assert client.get("/api/network?format=csv").text.startswith("source,target,relation,claims")


def test_openapi_schema_lists_the_api(client):
    schema = client.get("/api/openapi.json").json()
    for path in ("/api/search", "/api/articles/{document_id}", "/api/entities/{entity_id}",
                 "/api/statements/{statement_id}", "/api/stories/{group_id}", "/api/network", "/api/claims"):
        assert path in schema["paths"], path


# --- errors and safety ------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/articles/nope", "/entities/999999", "/entities/abc", "/statements/nope:c1",
                                  "/statements/plain", "/stories/nope", "/no/such/page"])
def test_unknown_ids_give_a_404_page(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert "text/html" in r.headers["content-type"] and "Not found" in r.text
    api = client.get("/api" + path)
    assert api.status_code == 404 and "error" in api.json()


def test_no_stack_trace_reaches_a_response(db, monkeypatch):
    from dateline.web import queries

    def broken(*args, **kwargs):
        raise RuntimeError("secret internals at /home/someone/db.py line 3")

    monkeypatch.setattr(queries, "counts", broken)
    app = create_app(db)  # its own app: the shared one keeps the counts it has already made
    client = TestClient(app, raise_server_exceptions=False)
    for path in ("/", "/api/summary"):
        r = client.get(path)
        assert r.status_code == 500
        assert "Traceback" not in r.text and "secret internals" not in r.text and "RuntimeError" not in r.text
    app.state.pool.close()


def test_the_store_cannot_be_written_through_the_app(client, app, db):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for method in ("post", "put", "delete", "patch"):
        for path in ("/api/articles/lowmark-0502", "/api/search", "/articles/lowmark-0502"):
            r = getattr(client, method)(path)
            assert r.status_code == 405, (method, path)
    with app.state.pool.connection() as conn:
        for sql in ("INSERT INTO meta (key, value) VALUES ('x', 'y')", "DELETE FROM articles",
                    "CREATE TABLE evil (a)", "PRAGMA query_only = OFF"):
            try:
                conn.execute(sql)
                conn.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
            except sqlite3.OperationalError as exc:
                assert "readonly" in str(exc) or "read-only" in str(exc) or "query_only" in str(exc)
            else:
                raise AssertionError(f"{sql} was allowed")
        conn.execute("PRAGMA query_only = ON")  # as the pool gave it
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_serve_refuses_a_missing_store_with_a_clear_message(tmp_path):
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "dateline", "serve", "--db", str(tmp_path / "none.db"), "--port", "1"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert "no such store" in r.stderr and "Traceback" not in r.stderr
