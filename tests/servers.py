"""A real server for a test: a free port on 127.0.0.1, the process started, waited for until it
answers, and stopped when the test is done."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running(cmd: list[str], ready_url: str, name: str, *, timeout: float = 60, **popen) -> Iterator[subprocess.Popen]:
    """Run ``cmd`` until the block ends; first wait until ``ready_url`` answers 200 (or raise,
    with what the process printed, when it exits or ``timeout`` passes)."""
    proc = subprocess.Popen(cmd, **popen)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(ready_url, timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    out = proc.communicate(timeout=5) if proc.poll() is not None else ("", "timeout")
                    said = " ".join(x.decode(errors="replace") if isinstance(x, bytes) else x for x in out if x)
                    raise RuntimeError(f"{name} did not start: {said}") from None
                time.sleep(0.2)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
