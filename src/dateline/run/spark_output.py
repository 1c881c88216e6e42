"""A ``dateline spark`` run's output folder: how to tell one, and its documents for the store.

``dateline ingest OUT --db news.db`` loads the ``readings/`` dataset: each document's reading as
``dateline read --json`` gives it, with its content hash and fingerprint, in the order a plain
ingest of the same inputs meets them. The store then writes and links them exactly as it does
pages it read itself (store/write.py, store/linking.py), so the store holds the same documents,
claims and groups either way, and loading the same folder again adds nothing. Needs pyarrow
(no Spark, no Java).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from typing import Any

from ..link.dedupe import Fingerprint
from ..model import Reading
from ..store.write import Processed

#: written last by a run (run/spark.py): a folder without it is not a finished run
MANIFEST = "_dateline.json"
READINGS = "readings"
_COLUMNS = ["order", "content_hash", "reading", "text_hash", "shingles", "signature"]


class NotSparkOutput(ValueError):
    pass


def is_spark_output(path: str) -> bool:
    return os.path.isdir(path) and os.path.isdir(os.path.join(path, READINGS)) and (
        os.path.isfile(os.path.join(path, MANIFEST)) or os.path.isdir(os.path.join(path, "_read")))


def spark_outputs(inputs: Iterable[str]) -> list[str]:
    """The inputs when they are Spark runs' output folders; [] when none is. Raises when a run is
    unfinished or mixed with other inputs (say which, rather than read its Parquet as pages)."""
    inputs = list(inputs)
    runs = [i for i in inputs if is_spark_output(i)]
    if not runs:
        return []
    if len(runs) != len(inputs):
        raise NotSparkOutput("a dateline spark output folder is loaded on its own: ingest the other inputs "
                             "in another run")
    for path in runs:
        if not os.path.isfile(os.path.join(path, MANIFEST)):
            raise NotSparkOutput(f"{path}: this dateline spark run did not finish (no {MANIFEST}): run it again")
    return runs


def manifest(path: str) -> dict[str, Any]:
    with open(os.path.join(path, MANIFEST), encoding="utf-8") as fh:
        return json.load(fh)


def _files(path: str) -> list[str]:
    folder = os.path.join(path, READINGS)
    return sorted(os.path.join(folder, n) for n in os.listdir(folder)
                  if n.endswith(".parquet") and not n.startswith((".", "_")))


def processed(path: str, batch_size: int = 256) -> Iterator[Processed]:
    """The run's documents, in input order, as the store's writer takes them (memory: one batch)."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise NotSparkOutput("loading a dateline spark run needs pyarrow: pip install 'dateline[parquet]'") from None
    files = _files(path)
    # Spark wrote the dataset sorted, file after file; said, not assumed
    orders = [pq.read_table(f, columns=["order"]).column(0).to_pylist() for f in files]
    flat = [o for part in orders for o in part]
    if any(b < a for a, b in zip(flat, flat[1:])):
        for _, item in sorted(_all(files), key=lambda pair: pair[0]):
            yield item
        return
    for f in files:
        for batch in pq.ParquetFile(f).iter_batches(batch_size=batch_size, columns=_COLUMNS):
            for row in batch.to_pylist():
                yield _processed(row)


def _all(files: list[str]) -> Iterator[tuple[int, Processed]]:
    import pyarrow.parquet as pq

    for f in files:
        for row in pq.read_table(f, columns=_COLUMNS).to_pylist():
            yield row["order"], _processed(row)


def _processed(row: dict[str, Any]) -> Processed:
    reading = Reading.from_dict(json.loads(row["reading"]))
    fp = None
    if row.get("signature") is not None and row.get("text_hash"):
        fp = Fingerprint(row["text_hash"], Fingerprint.signature_from(row["signature"]), int(row["shingles"] or 0))
    return Processed(reading, row["content_hash"], fp)
