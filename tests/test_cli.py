"""The `dateline` command end to end, run as a user runs it."""

import json
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "pages"


def run_cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "dateline", *args], capture_output=True, text=True, input=stdin, timeout=300)


def test_help_and_version():
    out = run_cli("--help")
    assert out.returncode == 0 and "read" in out.stdout and "extract" in out.stdout
    out = run_cli("--version")
    assert out.stdout.startswith("dateline ")


def test_extract_json_lines_over_a_folder_in_order():
    out = run_cli("extract", "--json", str(EXAMPLES))
    assert out.returncode == 0, out.stderr
    readings = [json.loads(line) for line in out.stdout.splitlines()]
    paths = [r["source"]["path"] for r in readings]
    assert paths == sorted(paths)
    assert all(r["error"] is None and r["text"] for r in readings)
    for r in readings:  # every paragraph offset points into the text
        assert all(r["text"][s:e].strip() for s, e in r["paragraphs"])
        for key in ("id", "source", "title", "dateline", "byline", "agencies", "images", "boilerplate", "related",
                    "entities", "claims", "events", "timexes"):
            assert key in r


def test_jsonl_ids_and_clean_bodies_are_kept(tmp_path):
    body = "LISBON (Reuters) - The port reopened on Monday.\n\nShips queued overnight."
    line = json.dumps({"id": "feed-42", "url": "https://news.example/a", "body": body, "published": "2025-05-05"})
    out = run_cli("extract", "--json", "-", stdin=line + "\n")
    reading = json.loads(out.stdout)
    assert reading["id"] == "feed-42"
    assert reading["text"] == body
    assert reading["dateline"]["agency"] == "Reuters"
    assert reading["source"] == {"path": "<stdin>", "url": "https://news.example/a", "format": "jsonl", "offset": 0}


def test_plain_text_from_stdin_and_url_option():
    page = ("Ferry fares to rise\n\nMALMO (AP) — Ferry fares across the strait will rise by 8% from June, "
            "the operator said on Monday, blaming fuel costs and new port fees that took effect this spring.\n")
    out = run_cli("extract", "--json", "--url", "https://ferries.example/x", "-", stdin=page)
    reading = json.loads(out.stdout)
    assert reading["url"] == "https://ferries.example/x"
    assert reading["dateline"] == {"place": "MALMO", "agency": "AP", "date": None, "span": None}
    assert reading["text"].startswith("Ferry fares across the strait")


def test_human_summary_shows_metadata_and_paragraphs():
    out = run_cli("extract", str(EXAMPLES / "gazette-harbour-strike.txt"))
    assert out.returncode == 0
    text = " ".join(out.stdout.split())
    assert "Port Alder dock strike extended" in text
    assert "PORT ALDER (AP)" in text
    assert "Marta Quill" in text and "Henrik Dahl" in text
    assert "Dock workers at the country's busiest container port" in text


def test_extract_does_not_import_the_nlp_stack():
    code = (
        "import sys; from typer.testing import CliRunner; from dateline.cli import app; "
        f"r = CliRunner().invoke(app, ['extract', '--json', {str(EXAMPLES)!r}]); "
        "assert r.exit_code == 0, r.output; print('spacy' in sys.modules, 'torch' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "False False", out.stderr


def test_progress_bar_can_be_forced_and_goes_to_stderr():
    out = run_cli("extract", "--json", "--progress", str(EXAMPLES))
    assert out.returncode == 0
    assert all(line.startswith("{") for line in out.stdout.splitlines())


def test_read_summary_shows_who_said_what_and_what_happened():
    out = run_cli("read", str(EXAMPLES / "courier-harbour-strike.html"))
    assert out.returncode == 0, out.stderr
    text = " ".join(out.stdout.split())
    assert "who said what" in text and "Oskar Lind" in text and "Elena Marsh" in text
    assert "publisher The Lakeside Courier" in text
    assert "people" in text


def test_read_json_carries_the_analysis():
    out = run_cli("read", "--json", str(EXAMPLES / "courier-harbour-strike.html"))
    reading = json.loads(out.stdout)
    speakers = {c["speaker_text"] for c in reading["claims"]}
    assert any("Oskar Lind" in s for s in speakers)
    assert all(c["via"][-1] == "The Lakeside Courier" for c in reading["claims"] if c["kind"] != "headline")
    assert any(t["value"] == "2025-03-14" for t in reading["timexes"])
    names = {e["name"] for e in reading["entities"]}
    assert {"Oskar Lind", "Elena Marsh"} <= names


def test_publication_dates_are_checked_and_normalised():
    out = run_cli("extract", "--published", "2024-13-45", str(EXAMPLES / "gazette-harbour-strike.txt"))
    assert out.returncode == 2 and "not a date" in out.stderr
    line = json.dumps({"text": "Fares rise\n\nMALMO (AP) - Ferry fares will rise from June, the operator said.",
                       "date_publish": "2024-03-04 10:00:00"})
    out = run_cli("extract", "--json", "-", stdin=line + "\n")
    assert json.loads(out.stdout)["published"] == "2024-03-04T10:00:00"
