"""The Python daemon of ``dateline spark``'s tasks: pyspark's own daemon, started after the reading
code is imported and the spaCy pipeline loaded, so that every Python worker it forks starts with
them (as the local pool's workers do, run/pool.py) instead of each importing dateline and loading
the model itself (a few CPU-seconds a worker).

Spark starts it as ``python -m dateline.run.spark_daemon`` (``spark.python.daemon.module``, set
by run/spark.py's session). ``DATELINE_SPARK_PRELOAD`` says what to load: ``analysis`` (the
default: the reading code and the pipeline), ``extraction`` (the reading code only, for
``--no-analysis``) or ``none``. A failure here only means the workers load it themselves.
"""

from __future__ import annotations

import contextlib
import os
import sys

PRELOAD_ENV = "DATELINE_SPARK_PRELOAD"


def preload(what: str) -> None:
    if what not in ("analysis", "extraction"):
        return
    # the daemon's stdout is its channel to the JVM: nothing may be printed on it
    with contextlib.redirect_stdout(sys.stderr):
        try:
            from dateline.run import spark as _spark  # noqa: F401  (what the tasks run)
            from dateline.run.pool import preload_pipeline

            preload_pipeline(what == "analysis")
        except Exception:  # noqa: BLE001  (each worker loads what it needs itself)
            return
    import gc

    gc.collect()
    gc.freeze()  # the forked workers share these pages rather than copy them


def main() -> None:
    preload(os.environ.get(PRELOAD_ENV, "analysis"))
    from pyspark.daemon import manager

    manager()


if __name__ == "__main__":
    main()
