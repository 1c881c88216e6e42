import io
import json

from dateline.ingest.files import expand_inputs, iter_pages


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_folders_are_read_recursively_with_known_suffixes_only(tmp_path):
    write(tmp_path / "a.html", "<html><body><p>x</p></body></html>")
    write(tmp_path / "sub" / "b.txt", "plain")
    write(tmp_path / "sub" / "notes.md", "skipped")
    write(tmp_path / ".hidden" / "c.txt", "skipped")
    targets = list(expand_inputs([str(tmp_path)]))
    assert [t.path.rsplit("/", 1)[1] for t in targets] == ["a.html", "b.txt"]
    assert [t.kind for t in targets] == ["html", "text"]


def test_globs_and_missing_inputs(tmp_path):
    write(tmp_path / "one.txt", "1")
    write(tmp_path / "two.txt", "2")
    targets = list(expand_inputs([str(tmp_path / "*.txt"), str(tmp_path / "gone.html"), str(tmp_path / "*.nope")]))
    assert [t.error for t in targets] == [None, None, "no such file or folder", "no file matches this pattern"]


def test_stdin_is_sniffed():
    pages = list(iter_pages(["-"], stdin=io.BytesIO(b"<!doctype html><html><body><p>Hello</p></body></html>")))
    assert pages[0].content_type == "html" and pages[0].source.path == "<stdin>"
    pages = list(iter_pages(["-"], stdin=io.BytesIO(b'{"text": "a page"}\n{"body": "clean"}\n')))
    assert [p.source.format for p in pages] == ["jsonl", "jsonl"]
    assert pages[1].is_clean


def test_jsonl_fields_ids_offsets_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a1", "url": "https://x.example/1", "html": "<p>Hi</p>", "title": "T", "published": "2024-01-02"}),
        "",
        "{not json",
        json.dumps({"id": 7, "title": "no text here"}),
        json.dumps(["a", "list"]),
        json.dumps({"body": "Already clean text."}),
    ]
    path = write(tmp_path / "pages.jsonl", "\n".join(lines) + "\n")
    pages = list(iter_pages([str(path)]))
    assert len(pages) == 5
    first, bad, missing, not_object, clean = pages
    assert (first.id, first.url, first.title, first.published, first.content_type) == (
        "a1", "https://x.example/1", "T", "2024-01-02", "html")
    assert first.source.offset == 0
    assert bad.error.stage == "ingest" and "line 3 is not JSON" in bad.error.message
    assert missing.id == "7" and "no 'html', 'text' or 'body'" in missing.error.message
    assert "not a JSON object" in not_object.error.message
    assert clean.is_clean and clean.content == "Already clean text."
    data = path.read_bytes()
    assert data[clean.source.offset :].startswith(b'{"body"')


def test_gzipped_files_and_unreadable_ones(tmp_path):
    import gzip

    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress(b"<html><body><p>zipped</p></body></html>"))
    bad = tmp_path / "bad.txt.gz"
    bad.write_bytes(b"\x1f\x8b\x08\x00nonsense")
    pages = list(iter_pages([str(gz), str(bad)]))
    assert pages[0].content_type == "html" and "zipped" in pages[0].content
    assert pages[1].error.stage == "ingest" and "gzip" in pages[1].error.message
