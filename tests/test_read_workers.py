"""`dateline read --workers N`: the real CLI, pages written here; same output as one worker,
in input order, and no worker outlives a killed parent."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

_PEOPLE = ["Marta Ilves", "Tomas Kerr", "Aiko Brandt", "Dario Feld"]
_PLACES = ["Varna", "Tallinn", "Gdynia", "Bergen"]
_TOPICS = ["the harbour tariffs", "the rail link", "the fishing quotas", "the school budget"]


def pages(n: int, seed: int = 5) -> list[dict]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        who, where, what = rnd.choice(_PEOPLE), rnd.choice(_PLACES), rnd.choice(_TOPICS)
        text = "\n\n".join([
            f"{where.upper()} — {who} said on Tuesday that {what} would be settled before the summer.",
            f'"We are close to an agreement on {what}," {who.split()[1]} told reporters in {where}.',
            f"Council members in {where} are due to vote on {what} next month, officials said.",
        ])
        out.append({"id": f"page{i:03d}", "url": f"https://news.example/{i}", "text": text,
                    "title": f"{who} expects a deal on {what}", "published": f"2025-04-{1 + i % 28:02d}"})
    return out


def write_jsonl(path: Path, items: list[dict]) -> Path:
    path.write_text("".join(json.dumps(p) + "\n" for p in items), encoding="utf-8")
    return path


def dateline(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dateline", *args], capture_output=True, text=True, timeout=600, **kw)


def test_two_workers_print_what_one_prints_in_input_order(tmp_path):
    src = write_jsonl(tmp_path / "pages.jsonl", pages(24))
    one = dateline("read", "--json", "--workers", "1", str(src))
    two = dateline("read", "--json", "--workers", "2", str(src))
    assert one.returncode == 0 and two.returncode == 0, one.stderr + two.stderr
    ids = [json.loads(line)["id"] for line in two.stdout.splitlines()]
    assert ids == [f"page{i:03d}" for i in range(24)]
    assert any(json.loads(line)["claims"] for line in one.stdout.splitlines())  # analysis ran
    assert two.stdout == one.stdout


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmd = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == pid and b"resource_tracker" not in cmd:
            out.append(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_die_with_their_parent(tmp_path):
    src = write_jsonl(tmp_path / "pages.jsonl", pages(400))
    proc = subprocess.Popen([sys.executable, "-m", "dateline", "read", "--json", "--workers", "2", str(src)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        workers: list[int] = []
        while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
            time.sleep(0.2)
            workers = _children(proc.pid)
        assert len(workers) >= 2, "the workers never started"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.1)
        assert not any(_alive(w) for w in workers)
    finally:
        if proc.poll() is None:
            proc.kill()


def test_the_pipeline_is_loaded_once_however_it_is_asked_for(nlp):
    # lru_cache keyed the call as written: load() and load(UNUSED_COMPONENTS, "en") each loaded
    # the model, and a forked worker's load() loaded it again on top of the parent's copy
    from dateline.analyze import UNUSED_COMPONENTS
    from dateline.analyze import nlp as nlp_module

    assert nlp_module.load(UNUSED_COMPONENTS, "en") is nlp
    assert nlp_module.load(UNUSED_COMPONENTS) is nlp
    assert nlp_module.load(disable=list(UNUSED_COMPONENTS), language="en") is nlp
    assert nlp_module.load(()) is not nlp  # another set of components is another pipeline
