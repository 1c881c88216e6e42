"""The analyst's desk: HTML views and their JSON twins over one store, opened read-only.

    from dateline.web import create_app
    app = create_app("news.db")      # any ASGI server; `dateline serve` runs uvicorn

Pages are rendered on the server and work without JavaScript; htmx swaps search results and
list pages in place, vega-embed draws the Vega-Lite charts altair writes here, Cytoscape.js
draws the graphs. Every script is served from the package (static/vendor), never a CDN.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import queue
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Depends, FastAPI, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException

from ..store import Store
from ..store.fts import QueryTooComplex
from . import charts, marking, queries
from . import statements as stmts

HERE = Path(__file__).resolve().parent
API = "/api"
#: how much of the store each connection reads through a memory map (SQLite caps it at its build's limit)
MMAP_BYTES = 1 << 34


class NotFound(HTTPException):
    def __init__(self, what: str) -> None:
        super().__init__(404, f"no {what} with that id in this store")


class BadRequest(HTTPException):
    def __init__(self, why: str) -> None:
        super().__init__(400, why)


class ReadOnlyPool:
    """Read-only connections to the store, one per request at a time (SQLite connections are
    not for two threads at once). Each is opened ``mode=ro`` and with ``query_only`` on."""

    def __init__(self, path: str | os.PathLike[str], keep: int = 8) -> None:
        self.path = Path(path)
        self._idle: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue()
        self._keep = keep
        self._idle.put(self._open())  # fails now, with the store's own message, if it cannot be read

    def _open(self) -> sqlite3.Connection:
        conn = Store(self.path, write=False).conn
        conn.execute("PRAGMA query_only = ON")
        # pages read through a memory map (shared by every connection, no copy per read), a
        # larger page cache for what is not mapped, and sorts kept in memory, not temp files
        conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        conn.execute("PRAGMA cache_size = -32768")
        conn.execute("PRAGMA temp_store = MEMORY")
        return conn

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        try:
            conn = self._idle.get_nowait()
        except queue.Empty:
            conn = self._open()
        try:
            yield conn
        finally:
            if self._idle.qsize() < self._keep:
                self._idle.put(conn)
            else:
                conn.close()

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return


class StoreCache:
    """Answers over the whole store (counts, top speakers and outlets) kept while the store's
    files are unchanged: the app only reads, so they change only when another process writes
    to the store, and that changes the file or its write-ahead log (size or time)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.paths = (Path(path), Path(f"{path}-wal"))
        self._stamp: tuple | None = None
        self._values: dict[str, Any] = {}
        self._lock = threading.Lock()

    def stamp(self) -> tuple:
        out = []
        for p in self.paths:
            try:
                st = p.stat()
            except OSError:
                out.append(None)
            else:
                out.append((st.st_mtime_ns, st.st_size))
        return tuple(out)

    def get(self, name: str, compute: Callable[[], Any]) -> Any:
        stamp = self.stamp()
        with self._lock:
            if stamp != self._stamp:
                self._stamp, self._values = stamp, {}
            if name in self._values:
                return self._values[name]
        value = compute()
        with self._lock:
            if self._stamp == stamp:
                self._values[name] = value
        return value


# --- templates -----------------------------------------------------------------------------


def _marked(snippet: str | None) -> Markup:
    """A search snippet: its text escaped, the matched words (between \\x01 and \\x02) marked."""
    if not snippet:
        return Markup("")
    text = str(escape(snippet.replace("<mark>", "").replace("</mark>", "")))
    return Markup(text.replace("\x01", "<mark>").replace("\x02", "</mark>"))


def _safe_url(url: str | None) -> str | None:
    """A page's link, only when it is http(s): a ``javascript:`` address is shown, never followed."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def _qs(params: dict[str, Any], **changes: Any) -> str:
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["marked"] = _marked
    env.filters["safe_url"] = _safe_url
    env.globals["qs"] = _qs
    env.globals["chain"] = marking.chain
    env.globals["card"] = marking.card
    return env


# --- parameters ----------------------------------------------------------------------------


def _date(name: str, value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise BadRequest(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def _entity_id(value: str | int | None, *, missing: str = "entity") -> int:
    text = str(value)
    if not text.isdigit() or len(text) > 18:
        raise NotFound(missing)
    return int(text)


def _speaker(value: str | None) -> int | None:
    if not value:
        return None
    if not value.isdigit() or len(value) > 18:
        raise BadRequest(f"speaker: {value!r} is not an entity id")
    return int(value)


def _limited(value: str | None, name: str, most: int = 1000) -> str | None:
    if value is None:
        return None
    value = value.replace("\x00", " ").strip()
    if len(value) > most:
        raise BadRequest(f"{name} is {len(value):,} characters long; the limit is {most:,}")
    return value or None


class SearchParams:
    """The search's query and facets, as the page and the API take them."""

    def __init__(
        self,
        q: str | None = Query(None, description="words, \"phrases\", OR, -exclusions, prefix*"),
        speaker: str | None = Query(None, description="a speaker's entity id"),
        outlet: str | None = Query(None, description="the publisher a claim reached the page through"),
        channel: str | None = Query(None, description="statement, interview, … or none"),
        kind: str | None = Query(None, description="direct, indirect, mixed, headline, omission"),
        source_kind: str | None = Query(None, description="person, organisation, group, document, anonymous"),
        language: str | None = Query(None),
        site: str | None = Query(None, description="an article's web site (host)"),
        since: str | None = Query(None, description="YYYY-MM-DD"),
        until: str | None = Query(None, description="YYYY-MM-DD"),
        page: int = Query(1, ge=1, le=10000),
        per_page: int = Query(20, ge=1, le=queries.MAX_PER_PAGE),
    ) -> None:
        self.q = _limited(q, "q")
        self.speaker = _speaker(speaker)
        self.outlet = _limited(outlet, "outlet", 200)
        self.channel = _limited(channel, "channel", 100)
        self.kind = _limited(kind, "kind", 50)
        self.source_kind = _limited(source_kind, "source_kind", 50)
        self.language = _limited(language, "language", 20)
        self.site = _limited(site, "site", 200)
        self.since = _date("since", since)
        self.until = _date("until", until)
        self.page = queries.page_of(page, per_page)

    def claims(self) -> queries.ClaimFilters:
        return queries.ClaimFilters(q=self.q, speaker=self.speaker, outlet=self.outlet, channel=self.channel,
                                    kind=self.kind, source_kind=self.source_kind, since=self.since,
                                    until=self.until, language=self.language)

    def articles(self) -> queries.ArticleFilters:
        return queries.ArticleFilters(q=self.q, language=self.language, since=self.since, until=self.until,
                                      speaker=self.speaker, site=self.site, outlet=self.outlet)

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("q", "speaker", "outlet", "channel", "kind", "source_kind", "language",
                                              "site", "since", "until")}


class _JSON(JSONResponse):
    """The API's answers are plain dicts and lists from the queries: written by ``json.dumps``
    straight away (FastAPI's encoder walked every value first, ten times the cost on a big
    answer); anything else is handed to that encoder."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"),
                          default=jsonable_encoder).encode("utf-8")


def _json(data: Any) -> Response:
    return _JSON(data)


def _csv(rows: list[dict[str, Any]], name: str) -> Response:
    buf = io.StringIO()
    if rows:
        fields = list(rows[0])
        w = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: (", ".join(map(str, v)) if isinstance(v, list) else
                            (v.get("kind") if isinstance(v, dict) else v)) for k, v in r.items()})
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


# --- what each view shows (the page and its JSON twin share these) ---------------------------


def home_data(conn: sqlite3.Connection, cache: StoreCache | None = None) -> dict[str, Any]:
    """Counts, top speakers and outlets (aggregates over the whole store: from ``cache`` while
    the store is unchanged), the latest statements."""
    def kept(name: str, compute: Callable[[], Any]) -> Any:
        return compute() if cache is None else cache.get(name, compute)

    return {
        "counts": kept("counts", lambda: queries.counts(conn)),
        "top_speakers": kept("top_speakers", lambda: queries.top_speakers(conn)),
        "top_outlets": kept("top_outlets", lambda: queries.top_outlets(conn)),
        "latest_statements": stmts.latest(conn),
    }


def search_data(conn: sqlite3.Connection, p: SearchParams) -> dict[str, Any]:
    try:
        articles = queries.with_speaker_articles(conn, p.articles())
        return {
            "query": p.as_dict(),
            "articles": queries.search_articles(conn, articles, p.page),
            "statements": queries.list_claims(conn, p.claims(), p.page, collapse=True),
            "facets": {"statements": queries.claim_facets(conn, p.claims()),
                       "articles": queries.article_facets(conn, articles)},
        }
    except QueryTooComplex as exc:
        raise BadRequest(str(exc)) from None


def article_data(conn: sqlite3.Connection, document_id: str) -> dict[str, Any]:
    found = queries.article(conn, document_id)
    if found is None:
        raise NotFound("article")
    return found


def entity_data(conn: sqlite3.Connection, entity_id: int, page: queries.Page) -> dict[str, Any]:
    e = queries.entity(conn, entity_id)
    if e is None:
        raise NotFound("entity")
    said = queries.speaker_profile(conn, entity_id)
    periods = queries.entity_periods(conn, entity_id, said["periods"])
    return {
        "entity": e,
        "timeline": {"data": periods, "spec": charts.timeline(periods)},
        "addressees": said["addressees"],
        "relays": said["relays"],
        "co_mentioned": queries.co_mentioned(conn, entity_id),
        "statements": queries.list_claims(conn, queries.ClaimFilters(speaker=entity_id), page),
        "events": queries.entity_events(conn, entity_id, queries.page_of(1, 20)),
    }


def statement_data(conn: sqlite3.Connection, statement_id: str) -> dict[str, Any]:
    st = stmts.statement(conn, statement_id)
    if st is None:
        raise NotFound("statement")
    return {"statement": st, "spread": stmts.spread(conn, st["id"], st["speaker"]["entity_id"])}


def _statement_or_redirect(conn: sqlite3.Connection, ref: str, prefix: str) -> str | RedirectResponse:
    """The statement id ``ref`` names; a claim's reference (document:claim) redirects to its statement."""
    sid = stmts.resolve(conn, ref)
    if sid is None:
        raise NotFound("statement")
    if sid != ref:
        return RedirectResponse(f"{prefix}/statements/{quote(sid, safe='')}", status_code=307)
    return sid


def story_data(conn: sqlite3.Connection, group_id: str) -> dict[str, Any]:
    st = queries.story(conn, group_id)
    if st is None:
        raise NotFound("story")
    diffs = []
    for vid in st["version_groups"][:10]:
        members = queries.group_members(conn, vid)
        bodies = queries.texts(conn, [m["document_id"] for m in members])
        for older, newer in zip(members, members[1:]):
            a, b = bodies.get(older["document_id"], ""), bodies.get(newer["document_id"], "")
            diffs.append({"group": vid, "from": older, "to": newer, "diff": stmts.word_diff(a, b)})
    return {"story": st, "by_outlet": _by_outlet(st["documents"]), "chart": charts.story_times(st["documents"]),
            "version_diffs": diffs}


def _by_outlet(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: dict[str, list] = {}
    for d in docs:
        out.setdefault(d["outlet"] or "unknown", []).append(d)
    return [{"outlet": k, "documents": sorted(v, key=lambda d: d["published"] or "")} for k, v in out.items()]


def network_data(conn: sqlite3.Connection, since: str | None, until: str | None, about: str | None) -> dict[str, Any]:
    try:
        return {"query": {"since": since, "until": until, "about": about},
                **queries.network(conn, _date("since", since), _date("until", until), _limited(about, "about"))}
    except QueryTooComplex as exc:
        raise BadRequest(str(exc)) from None


# --- the app -------------------------------------------------------------------------------


def create_app(db: str | os.PathLike[str]) -> FastAPI:
    """The web app over the store at ``db``, read-only. Raises StoreError if it cannot be read."""
    pool = ReadOnlyPool(db)
    env = _environment()
    app = FastAPI(
        title="dateline",
        summary="Who said what, to whom, when, and through which sources: the JSON API over a dateline store.",
        version=_version(),
        openapi_url=f"{API}/openapi.json",
        docs_url=f"{API}/docs",
        redoc_url=None,
    )
    app.state.pool = pool
    app.state.cache = cache = StoreCache(db)
    app.state.db = str(db)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def conn() -> Iterator[sqlite3.Connection]:
        with pool.connection() as c:
            yield c

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = env.get_template(template).render(request=request, db=Path(app.state.db).name, **context)
        return HTMLResponse(html, status_code=status)

    # --- errors: a page for people, JSON for programs, never a traceback --------------------

    def error(request: Request, status: int, message: str) -> Response:
        if request.url.path.startswith(API + "/"):
            return JSONResponse({"error": message, "status": status}, status_code=status)
        return page(request, "error.html", status=status, status_code=status, message=message)

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "the request could not be answered"
        if exc.status_code == 404 and message == "Not Found":
            message = "no such page"
        if exc.status_code == 405:
            message = "this store is read-only here: only GET requests are answered"
        return error(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def _bad_params(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for e in exc.errors()[:3]:
            where = ".".join(str(x) for x in e.get("loc", ())[1:]) or "request"
            parts.append(f"{where}: {e.get('msg', 'invalid')}")
        return error(request, 400, "; ".join(parts) or "invalid parameters")

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        print(f"dateline serve: {request.method} {request.url.path}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return error(request, 500, "the server could not answer this request; the store is unchanged")

    # --- pages -------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, c: sqlite3.Connection = Depends(conn)):
        return page(request, "home.html", **home_data(c, cache))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(request: Request, p: SearchParams = Depends(), c: sqlite3.Connection = Depends(conn)):
        return page(request, "search.html", params=p.as_dict(), page_no=p.page.page, **search_data(c, p))

    @app.get("/articles/{document_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, document_id: str, c: sqlite3.Connection = Depends(conn)):
        data = article_data(c, document_id)
        r = data["reading"]
        return page(request, "article.html", a=data, r=r, paragraphs=marking.paragraphs(r, data["entity_ids"]))

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, entity_id: str, page_no: int = Query(1, alias="page", ge=1, le=10000),
                    c: sqlite3.Connection = Depends(conn)):
        data = entity_data(c, _entity_id(entity_id), queries.page_of(page_no, 20))
        return page(request, "entity.html", chart=charts.embed(data["timeline"]["spec"]), **data)

    @app.get("/statements/{statement_id}", response_class=HTMLResponse, include_in_schema=False)
    def statement_page(request: Request, statement_id: str, c: sqlite3.Connection = Depends(conn)):
        sid = _statement_or_redirect(c, statement_id, "")
        if isinstance(sid, RedirectResponse):
            return sid
        data = statement_data(c, sid)
        return page(request, "statement.html", graph=charts.embed(data["spread"]), **data)

    @app.get("/stories/{group_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, group_id: str, c: sqlite3.Connection = Depends(conn)):
        data = story_data(c, group_id)
        return page(request, "story.html", chart_json=charts.embed(data["chart"]), **data)

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request, since: str | None = None, until: str | None = None, about: str | None = None,
                     c: sqlite3.Connection = Depends(conn)):
        data = network_data(c, since, until, about)
        return page(request, "network.html", graph=charts.embed({"nodes": data["nodes"], "edges": data["edges"]}),
                    **data)

    # --- the JSON API --------------------------------------------------------------------------

    @app.get(f"{API}/summary", tags=["home"])
    def api_summary(c: sqlite3.Connection = Depends(conn)) -> dict[str, Any]:
        """Counts, top speakers and outlets, the latest statements."""
        return _json(home_data(c, cache))

    @app.get(f"{API}/search", tags=["search"])
    def api_search(p: SearchParams = Depends(), c: sqlite3.Connection = Depends(conn)) -> dict[str, Any]:
        """Articles and statements matching a query and facets, with the facets' counts; paginated."""
        return _json(search_data(c, p))

    @app.get(f"{API}/articles", tags=["search"], responses={200: {"content": {"text/csv": {}}}})
    def api_articles(p: SearchParams = Depends(), format: str = Query("json", pattern="^(json|csv)$"),
                     c: sqlite3.Connection = Depends(conn)):
        """Articles (best match first with a query, else newest first); ``format=csv`` for a table."""
        try:
            data = queries.search_articles(c, p.articles(), p.page)
        except QueryTooComplex as exc:
            raise BadRequest(str(exc)) from None
        return _csv(data["items"], "articles") if format == "csv" else _json(data)

    @app.get(f"{API}/claims", tags=["search"], responses={200: {"content": {"text/csv": {}}}})
    def api_claims(p: SearchParams = Depends(), format: str = Query("json", pattern="^(json|csv)$"),
                   c: sqlite3.Connection = Depends(conn)):
        """Claims, newest first, narrowed by the facets; ``format=csv`` for a table."""
        try:
            data = queries.list_claims(c, p.claims(), p.page)
        except QueryTooComplex as exc:
            raise BadRequest(str(exc)) from None
        return _csv(data["items"], "claims") if format == "csv" else _json(data)

    @app.get(f"{API}/articles/{{document_id}}", tags=["articles"])
    def api_article(document_id: str, c: sqlite3.Connection = Depends(conn)) -> dict[str, Any]:
        """The article's reading (the JSON contract), its corpus entity ids and its groups."""
        return _json(article_data(c, document_id))

    @app.get(f"{API}/entities/{{entity_id}}", tags=["entities"])
    def api_entity(entity_id: str, page: int = Query(1, ge=1, le=10000),
                   per_page: int = Query(20, ge=1, le=queries.MAX_PER_PAGE),
                   c: sqlite3.Connection = Depends(conn)) -> dict[str, Any]:
        """A person or organisation: timeline (data and Vega-Lite spec), addressees, relays,
        co-mentioned entities, a page of their statements and events."""
        return _json(entity_data(c, _entity_id(entity_id), queries.page_of(page, per_page)))

    @app.get(f"{API}/entities/{{entity_id}}/claims", tags=["entities"],
             responses={200: {"content": {"text/csv": {}}}})
    def api_entity_claims(entity_id: str, page: int = Query(1, ge=1, le=10000),
                          per_page: int = Query(50, ge=1, le=queries.MAX_PER_PAGE),
                          format: str = Query("json", pattern="^(json|csv)$"),
                          c: sqlite3.Connection = Depends(conn)):
        eid = _entity_id(entity_id)
        if queries.entity(c, eid) is None:
            raise NotFound("entity")
        data = queries.list_claims(c, queries.ClaimFilters(speaker=eid), queries.page_of(page, per_page))
        return _csv(data["items"], f"claims-{eid}") if format == "csv" else _json(data)

    @app.get(f"{API}/statements/{{statement_id}}", tags=["statements"])
    def api_statement(statement_id: str, c: sqlite3.Connection = Depends(conn)):
        """A statement with its carriers in order, its wordings with their differences, its spread.
        A claim's reference (``<document id>:<claim id>``) redirects to the statement it belongs to."""
        sid = _statement_or_redirect(c, statement_id, API)
        if isinstance(sid, RedirectResponse):
            return sid
        return _json(statement_data(c, sid))

    @app.get(f"{API}/stories/{{group_id}}", tags=["stories"])
    def api_story(group_id: str, c: sqlite3.Connection = Depends(conn)) -> dict[str, Any]:
        """A story (or any group): its articles by outlet and time, its versions with their diffs."""
        return _json(story_data(c, group_id))

    @app.get(f"{API}/network", tags=["network"], responses={200: {"content": {"text/csv": {}}}})
    def api_network(since: str | None = None, until: str | None = None, about: str | None = None,
                    format: str = Query("json", pattern="^(json|csv)$"), c: sqlite3.Connection = Depends(conn)):
        """Speakers, addressees and conduits as nodes; "said to" and "relayed by" edges."""
        data = network_data(c, since, until, about)
        if format == "csv":
            labels = {n["id"]: n["label"] for n in data["nodes"]}
            return _csv([{"source": labels[e["source"]], "target": labels[e["target"]], "relation": e["relation"],
                          "claims": e["claims"]} for e in data["edges"]], "network")
        return _json(data)

    return app


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("dateline")
    except Exception:
        return "0"
