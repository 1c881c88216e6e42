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


def _two_record_warc():
    import gzip

    from test_corpus import warc_record

    first = warc_record("https://radio.example/a", b"<html><body><p>" + b"The ferry line reopened today. " * 40 + b"</p></body></html>")
    second = warc_record("https://radio.example/b", b"<html><body><p>" + b"Storm damage was worse inland. " * 400 + b"</p></body></html>")
    return gzip.compress(first), gzip.compress(second)


def test_a_warc_cut_inside_its_last_record_says_so(tmp_path):
    first, second = _two_record_warc()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(first + second[: len(second) * 2 // 3])
    pages = list(iter_pages([str(path)]))
    assert pages[0].error is None and pages[0].url == "https://radio.example/a"
    last = pages[-1]
    assert last.error.stage == "ingest" and "cut short" in last.error.message
    assert last.error.partial is True or last.content == ""


def test_a_warc_with_no_records_is_an_error_not_silence(tmp_path):
    first, _ = _two_record_warc()
    path = tmp_path / "stub.warc.gz"
    path.write_bytes(first[:40])
    (page,) = list(iter_pages([str(path)]))
    assert "no WARC records found" in page.error.message


def test_a_whole_warc_reads_without_errors(tmp_path):
    first, second = _two_record_warc()
    path = tmp_path / "whole.warc.gz"
    path.write_bytes(first + second)
    pages = list(iter_pages([str(path)]))
    assert [p.url for p in pages] == ["https://radio.example/a", "https://radio.example/b"]
    assert all(p.error is None for p in pages)
