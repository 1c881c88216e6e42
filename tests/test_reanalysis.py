"""Re-analysis: documents stored without analysis (or by an older dateline) analysed in place."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dateline import Corpus, __version__
from dateline.cli import app

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "pages"
PAGE = str(EXAMPLES / "courier-harbour-strike.html")


def test_no_analysis_then_reanalyze(tmp_path, nlp):
    db = str(tmp_path / "news.db")
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", PAGE, "--db", db, "--no-analysis", "--workers", "1"])
    assert first.exit_code == 0, first.output
    # a plain ingest of the same page adds nothing, and says what to do about it
    again = runner.invoke(app, ["ingest", PAGE, "--db", db, "--workers", "1"])
    assert again.exit_code == 0
    assert "1 stored documents have no analysis" in again.output and "dateline reanalyze --db" in again.output
    with Corpus(db) as c:
        assert c.claims() == [] and c.unanalysed() == 1
    done = runner.invoke(app, ["reanalyze", "--db", db])
    assert done.exit_code == 0 and "1 documents analysed" in done.output
    with Corpus(db) as c:
        claims = c.claims(speaker="Elena Marsh")
        assert claims and all(x["speaker_name"] == "Elena Marsh" for x in claims)
        assert c.statements(speaker="Elena Marsh")
        assert c.unanalysed() == 0
        (reading,) = [json.loads(line) for line in _export(c)]
        assert reading["dateline_version"] == __version__ and reading["analysis"].startswith("analysed")
    # nothing left to do: the next run says so and changes nothing
    idle = runner.invoke(app, ["reanalyze", "--db", db])
    assert idle.exit_code == 0 and "nothing to analyse" in idle.output
    hint = runner.invoke(app, ["ingest", PAGE, "--db", db, "--workers", "1"])
    assert "no analysis" not in hint.output


def test_an_older_analysis_is_redone(tmp_path, nlp):
    db = str(tmp_path / "news.db")
    with Corpus(db) as c:
        c.ingest([PAGE], workers=1)
        n = len(c.claims())
        conn = c._writable().conn
        # as an older dateline stored it: a reading without the version, and a claim since lost
        reading = json.loads(conn.execute("SELECT reading FROM documents").fetchone()[0])
        reading.pop("dateline_version")
        conn.execute("UPDATE documents SET reading = ?", (json.dumps(reading),))
        conn.execute("DELETE FROM statement_members WHERE claim_seq = (SELECT max(seq) FROM claims)")
        conn.execute("DELETE FROM claims WHERE seq = (SELECT max(seq) FROM claims)")
        assert len(c.claims()) == n - 1
        assert c.reanalyze() == 1
        assert len(c.claims()) == n
        assert sum(len(s["carriers"]) for s in c.statements()) == n  # every claim in a statement again
        assert c.reanalyze() == 0
        assert c.reanalyze(everything=True) == 1


def test_reanalyze_needs_a_store(tmp_path):
    out = CliRunner().invoke(app, ["reanalyze", "--db", str(tmp_path / "none.db")])
    assert out.exit_code == 2 and "no such store" in out.output
    assert not (tmp_path / "none.db").exists()


def _export(c: Corpus) -> list[str]:
    import io

    buf = io.StringIO()
    c.export("jsonl", buf)
    return buf.getvalue().splitlines()
