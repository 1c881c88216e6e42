"""The package root: dateline.read on paths, strings and bytes."""

import dateline

PAGE = ("Harbour reopens after storm\n\nBERGEN (AP) — The harbour reopened on Monday after three days of storms, "
        "the port authority said, and the first ferries left on time.\n")


def test_read_a_page_given_as_text():
    reading = dateline.read(PAGE, published="2025-02-04", analyze=False)
    assert reading.error is None
    assert reading.dateline.place == "BERGEN" and reading.published == "2025-02-04"


def test_read_bytes_and_paths(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    by_path = dateline.read(path, analyze=False)
    by_name = dateline.read(str(path), analyze=False)
    by_bytes = dateline.read(PAGE.encode("cp1252"), analyze=False)
    assert by_path.text == by_name.text == by_bytes.text
    assert by_path.source.path == str(path)


def test_a_missing_file_is_not_read_as_a_page():
    reading = dateline.read("no-such-page.html", analyze=False)
    assert reading.error.stage == "ingest" and reading.error.message == "no such file or folder"


def test_an_empty_string_is_an_empty_document():
    assert dateline.read("", analyze=False).error.message == "the document is empty"


def test_read_all_yields_every_page(tmp_path):
    for i in range(3):
        (tmp_path / f"p{i}.txt").write_text(PAGE.replace("Monday", f"day {i}"), encoding="utf-8")
    readings = list(dateline.read_all([tmp_path], analyze=False))
    assert len(readings) == 3 and all(r.error is None for r in readings)
