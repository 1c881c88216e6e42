"""Output for people: --help without type noise, -h/-V, --format text|markdown|json, piped
output without trailing spaces or 80-column wrapping, timeline and search lines."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dateline import Corpus

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_store import kim_reading  # noqa: E402

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "pages"
PAGE = str(EXAMPLES / "courier-harbour-strike.html")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    out = subprocess.run([sys.executable, "-m", "dateline", *args], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in out.stderr
    return out


@pytest.mark.parametrize("command", ["", "read", "extract", "fetch", "ingest", "search", "claims", "timeline", "export"])
def test_help_has_no_type_noise(command):
    out = run_cli(*([command] if command else []), "-h")
    assert out.returncode == 0
    assert not re.search(r"<(?:bool|int|float|str|list\[str\]|int range|float range)>|\[x[<>]=", out.stdout), out.stdout
    assert "Usage: dateline" in out.stdout


def test_top_help_documents_exit_codes_and_version():
    out = run_cli("--help")
    assert "Exit codes: 0" in " ".join(out.stdout.split()) and "130 interrupted" in " ".join(out.stdout.split())
    assert run_cli("-V").stdout.startswith("dateline ")


def test_every_option_is_explained():
    for command in ("read", "extract", "fetch", "ingest"):
        text = run_cli(command, "--help").stdout
        # each option row carries words after its name and value (the help text)
        rows = [ln for ln in text.splitlines() if re.match(r"│ (?:\*\s+)?--", ln)]
        assert rows and all(re.search(r"[A-Za-z]{3,}.*[a-z]", ln.split("│")[1][25:]) for ln in rows), command


def test_format_text_and_markdown():
    text = run_cli("extract", "--format", "text", PAGE).stdout
    first, _, rest = text.partition("\n\n")
    assert first == "Dock workers in Port Alder extend strike as talks stall"
    assert "Dock workers at the country's busiest container port" in rest
    md = run_cli("extract", "-f", "markdown", PAGE).stdout
    assert md.startswith("# Dock workers in Port Alder extend strike as talks stall\n\n*The Lakeside Courier")
    js = run_cli("extract", "--format", "json", PAGE).stdout
    assert json.loads(js)["title"].startswith("Dock workers")
    bad = run_cli("extract", "--format", "pdf", PAGE)
    assert bad.returncode == 2 and "use text, markdown or json" in bad.stderr


def test_piped_output_has_no_trailing_spaces_or_wrapping():
    out = run_cli("extract", str(EXAMPLES)).stdout
    assert out.strip()
    assert not [ln for ln in out.splitlines() if ln != ln.rstrip()]
    assert max(len(ln) for ln in out.splitlines()) > 100  # paragraphs stay on one line
    assert "\x1b[" not in out


def test_quiet_counts_failures_instead_of_a_line_each(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_text("")
    out = run_cli("extract", "--json", "--quiet", PAGE, str(empty))
    assert "✗" not in out.stderr and "1 of 2 documents could not be read" in out.stderr
    assert out.returncode == 0


def test_search_and_timeline_lines(tmp_path):
    db = tmp_path / "kim.db"
    Corpus(db).add([kim_reading("doc1"), kim_reading("doc2", day="2024-07-02", about="the Donbas")])
    lines = run_cli("timeline", "Kim Jong Un", "--db", str(db)).stdout.splitlines()
    claims = [ln for ln in lines if " claim " in ln]
    assert claims and all("Kim Jong Un" in ln and ":" in ln for ln in claims)
    cue = json.loads(run_cli("timeline", "Kim Jong Un", "--db", str(db), "--json").stdout.splitlines()[0])
    assert (cue["claim"]["cue"] or "said") in claims[0]
    hits = json.loads("[" + ",".join(run_cli("search", "Ukraine", "--db", str(db), "--json").stdout.split("\n")[:-1]) + "]")
    lines = run_cli("search", "Ukraine", "--db", str(db)).stdout.splitlines()
    assert len(lines) == len(hits) >= 1
    for hit, line in zip(hits, lines):
        assert line.startswith((hit["published"] or "????")[:10])
        assert (hit["url"] or hit["document_id"]) in line and (hit["title"] or "(no title)") in line
