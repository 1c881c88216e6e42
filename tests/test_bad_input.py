"""Bad input through the real CLI: each bad document gets its own error, the rest are read."""

import json
import os
import subprocess
import sys

import pytest

ARTICLE_PARAS = [
    "Council members in Brackwater voted on Tuesday to close the old river bridge to lorries after engineers found cracks in two of its supports.",
    "The bridge, built in 1931, carries about 9,000 vehicles a day. Engineers said cars and bicycles could still use it safely while repairs are planned.",
    "Local hauliers said the detour would add forty minutes to each trip and asked the council to speed up the work before the harvest season begins.",
]


def article_html(extra: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAS)
    return (
        "<!DOCTYPE html><html><head><title>Brackwater bridge closed to lorries</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Brackwater bridge closed to lorries</h1>{paras}{extra}</article>"
        "<footer>Contact us</footer></body></html>"
    )


def run_cli(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "dateline", *args],
        capture_output=True, text=True, input=stdin, timeout=120,
    )


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("bad")
    (d / "a_empty.txt").write_bytes(b"")
    (d / "b_binary.html").write_bytes(bytes(range(256)) * 64)
    text = "\n\n".join(ARTICLE_PARAS).replace("Council", "Cöuncil")
    (d / "c_latin1.txt").write_bytes(("Brückwater council closes its river bridge to lorries\n\n" + text).encode("latin-1"))
    (d / "d_cp1252.txt").write_bytes(("“Unsafe” bridge closed to lorries – council report\n\n" + text).encode("cp1252"))
    (d / "e_utf16.txt").write_bytes(("Bridge report\n\n" + text).encode("utf-16"))
    html = article_html()
    (d / "f_malformed.html").write_text(html.replace("</p>", "").replace("</article>", "<div><span>"), encoding="utf-8")
    (d / "g_truncated.html").write_text(html[: html.index(ARTICLE_PARAS[2][:30])], encoding="utf-8")
    (d / "h_noarticle.html").write_text(
        "<html><body><nav><a href='/'>Home</a><a href='/a'>About</a></nav><footer>© 2025</footer></body></html>",
        encoding="utf-8",
    )
    lines = [json.dumps({"id": "ok-1", "text": "\n\n".join(ARTICLE_PARAS)}), "{oops", json.dumps({"id": "no-text", "title": "x"})]
    (d / "i_lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def results(bad_folder):
    out = run_cli("extract", "--json", str(bad_folder))
    readings = [json.loads(line) for line in out.stdout.splitlines()]
    return out, {os.path.basename(r["source"]["path"]) + (f"@{r['source']['offset']}" if r["source"]["offset"] else ""): r for r in readings}


def test_the_batch_goes_on_and_exit_status_is_zero(results):
    out, by_name = results
    assert out.returncode == 0
    assert "Traceback" not in out.stderr
    assert len(by_name) == 11  # nine files, the JSON Lines file holding three pages


def test_empty_and_binary_files_get_clear_errors(results):
    _, r = results
    assert r["a_empty.txt"]["error"] == {"stage": "extract", "message": "the document is empty", "partial": False}
    assert r["b_binary.html"]["error"]["stage"] == "ingest"
    assert "binary" in r["b_binary.html"]["error"]["message"]


@pytest.mark.parametrize("name", ["c_latin1.txt", "d_cp1252.txt", "e_utf16.txt"])
def test_legacy_encodings_are_decoded(results, name):
    _, r = results
    reading = r[name]
    assert reading["error"] is None
    assert "Cöuncil" in reading["text"] or "Council" in reading["text"]
    assert "\ufffd" not in reading["text"] and "Ã" not in reading["text"]


def test_cp1252_punctuation_survives(results):
    _, r = results
    assert r["d_cp1252.txt"]["title"] == "“Unsafe” bridge closed to lorries – council report"


def test_malformed_and_truncated_html_still_read(results):
    _, r = results
    assert r["f_malformed.html"]["error"] is None
    assert "cracks in two of its supports" in r["f_malformed.html"]["text"]
    assert r["g_truncated.html"]["error"] is None
    assert "9,000 vehicles a day" in r["g_truncated.html"]["text"]


def test_page_without_an_article(results):
    _, r = results
    assert r["h_noarticle.html"]["error"]["message"] == "no article text found on the page"


def test_bad_json_lines(results):
    _, r = results
    jsonl = [v for k, v in r.items() if k.startswith("i_lines.jsonl")]
    errors = sorted(v["error"]["message"] for v in jsonl if v["error"])
    assert len(jsonl) == 3 and len(errors) == 2
    assert errors[0].startswith("line 2 is not JSON")
    assert "no 'html', 'text' or 'body'" in errors[1]
    assert any(v["id"] == "ok-1" and not v["error"] for v in jsonl)


def test_human_output_reports_errors_on_stderr(bad_folder):
    out = run_cli("extract", str(bad_folder / "a_empty.txt"), str(bad_folder / "c_latin1.txt"))
    assert out.returncode == 0
    assert "a_empty.txt: extract: the document is empty" in " ".join(out.stderr.split())
    assert "Brückwater council closes its river bridge" in out.stdout
    assert "Traceback" not in out.stderr


def test_nothing_readable_exits_non_zero(bad_folder):
    out = run_cli("extract", str(bad_folder / "a_empty.txt"), str(bad_folder / "missing.html"))
    assert out.returncode == 1
    assert "no such file or folder" in out.stderr
    assert "Traceback" not in out.stderr


def test_huge_page_is_cut_not_fatal(tmp_path):
    para = "<p>" + " ".join(["The harbour board met again to discuss the dredging plan."] * 8) + "</p>\n"
    body = para * (50_000_000 // len(para) + 1)
    path = tmp_path / "huge.html"
    path.write_text(f"<html><head><title>Huge</title></head><body><article>{body}</article></body></html>", encoding="utf-8")
    assert path.stat().st_size > 50_000_000
    out = run_cli("extract", "--json", str(path))
    reading = json.loads(out.stdout)
    assert out.returncode == 0
    assert "only its start was read" in reading["error"]["message"] and reading["error"]["partial"]
    assert "dredging plan" in reading["text"]
