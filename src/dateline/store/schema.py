"""The store's schema as numbered migrations. docs/schema.md describes every table.

A store records each migration it has run in ``schema_migrations``; opening a store runs the
ones it lacks, each in its own transaction. A migration is only ever added, never edited.

PostgreSQL-ready where it costs nothing: plain types (TEXT, INTEGER, REAL, BLOB → bytea),
no AUTOINCREMENT, no reserved words as column names, JSON kept as TEXT, dates as ISO TEXT.
The FTS5 tables are SQLite's own (tsvector columns on PostgreSQL).
"""

from __future__ import annotations

import sqlite3

#: the name in ``meta`` that says a SQLite file is a dateline store
APP = "dateline"

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "documents, articles, entities, claims, events, timexes, links, groups, full-text search",
        """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    inputs      TEXT NOT NULL,          -- JSON array of what was given to ingest
    analysis    INTEGER NOT NULL        -- 1: entities and claims were looked for
);

CREATE TABLE documents (
    seq            INTEGER PRIMARY KEY, -- order of arrival
    id             TEXT NOT NULL UNIQUE,-- the reading's id (hash of the normalised source)
    content_hash   TEXT NOT NULL,       -- hash of the raw content: the same content is stored once
    url            TEXT,
    url_key        TEXT,                -- the url without scheme, www., fragment, trailing slash
    source_path    TEXT,
    source_format  TEXT,
    source_offset  INTEGER,
    status         TEXT NOT NULL CHECK (status IN ('ok', 'error')),
    error_stage    TEXT,
    error_message  TEXT,
    run_id         INTEGER REFERENCES runs (id),
    ingested_at    TEXT NOT NULL,
    reading        TEXT NOT NULL        -- the whole reading, JSON, as `dateline read --json` prints it
);
CREATE INDEX documents_content_hash ON documents (content_hash);
CREATE INDEX documents_url_key ON documents (url_key);
CREATE INDEX documents_status ON documents (status);

CREATE TABLE articles (
    seq              INTEGER PRIMARY KEY REFERENCES documents (seq),
    document_id      TEXT NOT NULL UNIQUE REFERENCES documents (id),
    title            TEXT,
    base_title       TEXT,              -- the title without a wire version label
    title_key        TEXT,              -- base_title's words, lower case: versions share it
    version_label    TEXT,              -- "1st LD", "UPDATE 2"
    section          TEXT,
    published        TEXT,
    published_day    TEXT,              -- YYYY-MM-DD
    language         TEXT,
    dateline_place   TEXT,
    dateline_agency  TEXT,
    authors          TEXT NOT NULL,     -- JSON array
    agencies         TEXT NOT NULL,     -- JSON array
    text             TEXT NOT NULL,
    text_hash        TEXT NOT NULL,     -- hash of the text's words: exact copies share it
    word_count       INTEGER NOT NULL
);
CREATE INDEX articles_text_hash ON articles (text_hash);
CREATE INDEX articles_title_key ON articles (title_key);
CREATE INDEX articles_published_day ON articles (published_day);

CREATE TABLE entities (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    type        TEXT,
    name_key    TEXT NOT NULL,
    documents   INTEGER NOT NULL DEFAULT 0,
    mentions    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_name_key ON entities (name_key);

CREATE TABLE entity_aliases (
    entity_id  INTEGER NOT NULL REFERENCES entities (id),
    alias      TEXT NOT NULL,
    alias_key  TEXT NOT NULL,              -- how it is matched: see store/entities.py name_key
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX entity_aliases_key ON entity_aliases (alias_key);

CREATE TABLE document_entities (
    document_id  TEXT NOT NULL REFERENCES documents (id),
    local_id     TEXT NOT NULL,          -- the entity's id inside its reading
    entity_id    INTEGER NOT NULL REFERENCES entities (id),
    name         TEXT NOT NULL,
    type         TEXT,
    titles       TEXT NOT NULL,          -- JSON array
    PRIMARY KEY (document_id, local_id)
);
CREATE INDEX document_entities_entity ON document_entities (entity_id);

CREATE TABLE mentions (
    document_id  TEXT NOT NULL REFERENCES documents (id),
    local_id     TEXT NOT NULL,
    entity_id    INTEGER NOT NULL REFERENCES entities (id),
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    PRIMARY KEY (document_id, local_id, span_start)
);
CREATE INDEX mentions_entity ON mentions (entity_id);

CREATE TABLE claims (
    seq                INTEGER PRIMARY KEY,
    document_id        TEXT NOT NULL REFERENCES documents (id),
    local_id           TEXT NOT NULL,
    kind               TEXT,
    speaker_local_id   TEXT,
    speaker_entity_id  INTEGER REFERENCES entities (id),
    speaker_text       TEXT,
    speaker_key        TEXT,             -- speaker_text's words, lower case
    cue                TEXT,
    addressee          TEXT,
    content            TEXT,
    span_start         INTEGER,
    span_end           INTEGER,
    quotes             TEXT NOT NULL,    -- JSON [[s, e], ...]
    via                TEXT NOT NULL,    -- JSON ["KCNA", "Reuters", ...]
    said_on            TEXT,
    reported_on        TEXT,
    claim_day          TEXT,             -- said_on, else reported_on, else the article's day
    UNIQUE (document_id, local_id)
);
CREATE INDEX claims_speaker ON claims (speaker_entity_id);
CREATE INDEX claims_day ON claims (claim_day);

CREATE TABLE events (
    document_id           TEXT NOT NULL REFERENCES documents (id),
    local_id              TEXT NOT NULL,
    type                  TEXT,
    actor                 TEXT,
    actor_entity_id       INTEGER REFERENCES entities (id),
    recipient             TEXT,
    recipient_entity_id   INTEGER REFERENCES entities (id),
    occurred_on           TEXT,
    place                 TEXT,
    span_start            INTEGER,
    span_end              INTEGER,
    asserted_by           TEXT,          -- the claim's local id, when the event is only claimed
    event_day             TEXT,
    PRIMARY KEY (document_id, local_id)
);
CREATE INDEX events_actor ON events (actor_entity_id);
CREATE INDEX events_recipient ON events (recipient_entity_id);

CREATE TABLE timexes (
    document_id  TEXT NOT NULL REFERENCES documents (id),
    position     INTEGER NOT NULL,
    text         TEXT,
    type         TEXT,
    value        TEXT,
    anchor       TEXT,
    span_start   INTEGER,
    span_end     INTEGER,
    PRIMARY KEY (document_id, position)
);

CREATE TABLE fingerprints (
    document_id  TEXT PRIMARY KEY REFERENCES documents (id),
    text_hash    TEXT NOT NULL,
    shingles     INTEGER NOT NULL,
    signature    BLOB NOT NULL           -- MinHash, 128 little-endian uint32
);

CREATE TABLE links (
    a      TEXT NOT NULL REFERENCES documents (id),   -- the earlier document
    b      TEXT NOT NULL REFERENCES documents (id),
    kind   TEXT NOT NULL,                -- near: near-duplicate text
    score  REAL NOT NULL,
    PRIMARY KEY (a, b, kind)
);
CREATE INDEX links_b ON links (b);

CREATE TABLE groups (
    id               TEXT PRIMARY KEY,   -- kind-<first member>
    kind             TEXT NOT NULL CHECK (kind IN ('copy', 'syndicated', 'version', 'story')),
    size             INTEGER NOT NULL,
    title            TEXT,
    first_published  TEXT,
    last_published   TEXT
);
CREATE INDEX groups_kind ON groups (kind);

CREATE TABLE group_members (
    group_id     TEXT NOT NULL REFERENCES groups (id),
    document_id  TEXT NOT NULL REFERENCES documents (id),
    position     INTEGER NOT NULL,       -- by publication day, then arrival
    PRIMARY KEY (group_id, document_id)
);
CREATE INDEX group_members_document ON group_members (document_id);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content = 'articles', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE claims_fts USING fts5 (
    content, speaker_text, content = 'claims', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
""",
    ),
    (
        2,
        "events: the act a statement is about, negation, hypotheticals, rank and confidence",
        """
ALTER TABLE events ADD COLUMN about TEXT;           -- PLOVER type of the act a threat, demand… is about
ALTER TABLE events ADD COLUMN negated INTEGER;      -- 1: the text says it did not happen
ALTER TABLE events ADD COLUMN hypothetical INTEGER; -- 1: only possible, conditional or asked about
ALTER TABLE events ADD COLUMN event_rank INTEGER;   -- 1: the main event of its sentence
ALTER TABLE events ADD COLUMN confidence REAL;
""",
    ),
    (
        3,
        "entity_keys: how reading entities find their corpus entity (names, surnames, acronyms)",
        """
CREATE TABLE entity_keys (
    entity_id  INTEGER NOT NULL REFERENCES entities (id),
    key        TEXT NOT NULL,               -- see store/entities.py: person_key, surnames, acronym_of
    kind       TEXT NOT NULL CHECK (kind IN ('name', 'surname', 'short', 'acronym', 'initials')),
    PRIMARY KEY (entity_id, key, kind)
);
CREATE INDEX entity_keys_key ON entity_keys (key, kind);
-- entities stored before: their names as keys (their aliases are still matched as before)
INSERT INTO entity_keys (entity_id, key, kind) SELECT id, name_key, 'name' FROM entities WHERE name_key != '';
""",
    ),
    (
        4,
        "store scale: the version check on one index, an LSH index of signatures, links of every kind",
        """
-- the version check (url_key = ? AND status = 'ok') on one index, not a scan of the status index
CREATE INDEX documents_url_key_status ON documents (url_key, status);
DROP INDEX documents_url_key;

-- MinHash LSH bands: a new signature finds its near-duplicate candidates here, band by band
CREATE TABLE lsh_bands (
    band_key  INTEGER NOT NULL,         -- 64-bit hash of the band's number and its signature values
    seq       INTEGER NOT NULL,         -- documents.seq
    PRIMARY KEY (band_key, seq)
) WITHOUT ROWID;

-- links now hold version and story pairs too; the next ingest rebuilds them (no linked_seq yet)
DELETE FROM meta WHERE key = 'linked_seq';
""",
    ),
    (
        5,
        "claims keep their kind of source and their channel",
        """
ALTER TABLE claims ADD COLUMN source_kind TEXT;     -- person | organisation | group | document | anonymous
ALTER TABLE claims ADD COLUMN channel TEXT;         -- JSON {kind, outlet, platform}, or NULL
CREATE INDEX claims_source_kind ON claims (source_kind);
""",
    ),
    (
        6,
        "statements: one claim by one speaker across documents; full-text search Datasette finds; articles' outlet",
        """
CREATE TABLE statements (
    id                 TEXT PRIMARY KEY,   -- st-<hash of the first member claim's document and local id>
    speaker_entity_id  INTEGER REFERENCES entities (id),
    speaker_key        TEXT,               -- the words naming the speaker, lower case (unresolved speakers)
    speaker_name       TEXT,
    kind               TEXT,
    content            TEXT,               -- the first carrier's wording
    said_on            TEXT,               -- as the earliest report that dates it says, else that report's day
    first_day          TEXT,               -- the earliest member's claim day: the window is measured from it
    last_day           TEXT,
    first_document_id  TEXT REFERENCES documents (id),
    first_published    TEXT,
    last_published     TEXT,
    carriers           INTEGER NOT NULL,   -- documents carrying it
    outlets            INTEGER NOT NULL,
    variants           INTEGER NOT NULL,   -- wordings other than its own
    variants_json      TEXT NOT NULL       -- JSON [{content, documents, changes}]
);
CREATE INDEX statements_speaker ON statements (speaker_entity_id, first_day);
CREATE INDEX statements_speaker_key ON statements (speaker_key, first_day);
CREATE INDEX statements_said_on ON statements (said_on);

CREATE TABLE statement_members (
    claim_seq     INTEGER PRIMARY KEY REFERENCES claims (seq),
    statement_id  TEXT NOT NULL REFERENCES statements (id),
    document_id   TEXT NOT NULL REFERENCES documents (id),
    score         REAL NOT NULL          -- how close its wording is to the statement's (1: the same words)
);
CREATE INDEX statement_members_statement ON statement_members (statement_id);
CREATE INDEX statement_members_document ON statement_members (document_id);

-- the outlet of each article (the page's publisher, else its site), for lists and labels
ALTER TABLE articles ADD COLUMN outlet TEXT;
UPDATE articles SET outlet = (SELECT json_extract(d.reading, '$.publisher') FROM documents d WHERE d.seq = articles.seq);

-- how a document is named for people (Datasette's label): its title and outlet
ALTER TABLE documents ADD COLUMN label TEXT;
UPDATE documents SET label = (SELECT coalesce(a.title, '(no title)') || coalesce(' — ' || a.outlet, '') FROM articles a
                              WHERE a.seq = documents.seq);

-- full-text search declared as Datasette recognises it (content="table"), rebuilt from the tables
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content="articles", content_rowid="seq",
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
DROP TABLE claims_fts;
CREATE VIRTUAL TABLE claims_fts USING fts5 (
    content, speaker_text, content="claims", content_rowid="seq",
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
""",
    ),
    (
        7,
        "the LSH band index in levels, so that new keys go to a small level instead of dirtying pages all over one big tree",
        """
CREATE TABLE lsh_bands_levelled (
    level     INTEGER NOT NULL,         -- 0: new keys; full levels merge into the next (store/linking.py)
    band_key  INTEGER NOT NULL,
    seq       INTEGER NOT NULL,
    PRIMARY KEY (level, band_key, seq)
) WITHOUT ROWID;
-- the keys stored so far form the base level (store/linking.py BASE_LEVEL)
INSERT INTO lsh_bands_levelled (level, band_key, seq) SELECT 30, band_key, seq FROM lsh_bands ORDER BY band_key, seq;
DROP TABLE lsh_bands;
ALTER TABLE lsh_bands_levelled RENAME TO lsh_bands;
""",
    ),
    (
        8,
        "claims keep their channel's kind and their publisher (the last hop of via) as columns, indexed with the day",
        """
ALTER TABLE claims ADD COLUMN channel_kind TEXT;    -- channel's kind (interview, statement, …), NULL without one
ALTER TABLE claims ADD COLUMN outlet TEXT;          -- the last hop of via: who published the claim
UPDATE claims SET
    channel_kind = CASE WHEN json_valid(channel) THEN
                   CASE WHEN json_type(channel, '$.kind') = 'text' THEN json_extract(channel, '$.kind') END END,
    outlet = CASE WHEN json_valid(via) THEN
             CASE WHEN json_type(via, '$[#-1]') = 'text' THEN json_extract(via, '$[#-1]') END END
WHERE channel IS NOT NULL OR via != '[]';

-- each filter of a list of claims with the day after it: a filtered list, newest first, is
-- read from its index in order (no sort of every claim of a busy speaker or a common kind)
DROP INDEX claims_speaker;
-- a speaker's claims newest first, and all that a speaker's page counts (the documents they
-- are in, their days, channels, addressees and chains) read from the index alone
CREATE INDEX claims_speaker_day ON claims (speaker_entity_id, claim_day, seq, document_id, channel_kind, addressee, via);
DROP INDEX claims_source_kind;
CREATE INDEX claims_source_kind_day ON claims (source_kind, claim_day);
CREATE INDEX claims_kind_day ON claims (kind, claim_day);
CREATE INDEX claims_channel_day ON claims (channel_kind, claim_day);
CREATE INDEX claims_outlet_day ON claims (outlet, claim_day);
-- and articles by outlet or language, newest first
CREATE INDEX articles_outlet_day ON articles (outlet, published_day);
CREATE INDEX articles_language_day ON articles (language, published_day);
""",
    ),
    (
        9,
        "each article's story feature keys kept, so that linking an ingest reads them instead of working them out again",
        """
CREATE TABLE story_features (
    seq   INTEGER PRIMARY KEY REFERENCES articles (seq),
    keys  BLOB NOT NULL                 -- its story features' 64-bit keys, 8 bytes each, little-endian, ascending
);
-- the articles stored so far get theirs in batches once this is done (store/groups.py
-- backfill_story_features), from the first seq on; the key goes when all have them
INSERT INTO meta (key, value) VALUES ('story_features_at', '0')
    ON CONFLICT (key) DO UPDATE SET value = excluded.value;
""",
    ),
    (
        10,
        "each statement's distinct wordings kept, so that grouping a new claim reads its speaker's wordings, not every copy",
        """
-- one row a wording of a statement (its members' contents with the day their texts give the
-- saying): a new claim is compared with these (store/statements.py), however many copies
-- carry each; kept up to date as members join and leave
CREATE TABLE IF NOT EXISTS statement_wordings (
    statement_id  TEXT NOT NULL REFERENCES statements (id),
    content       TEXT NOT NULL,
    said_on       TEXT NOT NULL,        -- '' when the text does not date the saying
    PRIMARY KEY (statement_id, content, said_on)
) WITHOUT ROWID;
INSERT OR IGNORE INTO statement_wordings (statement_id, content, said_on)
    SELECT DISTINCT m.statement_id, c.content, coalesce(c.said_on, '')
    FROM statement_members m JOIN claims c ON c.seq = m.claim_seq
    WHERE c.content IS NOT NULL AND c.content != '';
""",
    ),
]

LATEST = MIGRATIONS[-1][0]


def applied(conn: sqlite3.Connection) -> int:
    """The highest migration this store has run, 0 for an empty database."""
    has = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").fetchone()
    if not has:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return row[0] or 0


def migrate(conn: sqlite3.Connection, now: str) -> int:
    """Run the migrations the store lacks; return the version it is at.

    Safe when several processes open a new store at once: each migration runs under SQLite's
    write lock (``BEGIN IMMEDIATE``, which waits out the connection's busy timeout), and what
    has been applied is read again once the lock is held, so a migration another process has
    just run is skipped, never run twice.
    """
    current = applied(conn)
    for version, description, sql in MIGRATIONS:
        if version <= current:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = applied(conn)  # under the lock: another process may have been first
            if version <= current:
                conn.execute("COMMIT")
                continue
            if version == 1:
                conn.execute(
                    "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
                    "applied_at TEXT NOT NULL)"
                )
            for statement in _statements(sql):
                conn.execute(statement)
            if version == 1:
                conn.execute("INSERT INTO meta (key, value) VALUES ('app', ?)", (APP,))
                conn.execute("INSERT INTO meta (key, value) VALUES ('groups_dirty', '0')")
            conn.execute(
                "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)",
                (version, description, now),
            )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        current = version
    return current


def _statements(sql: str) -> list[str]:
    # executescript() would commit on its own; statements one by one keep the migration atomic
    out, buf = [], []
    for line in sql.splitlines():
        buf.append(line)
        if sqlite3.complete_statement("\n".join(buf)):
            out.append("\n".join(buf).strip())
            buf = []
    return [s for s in out if s]
