"""dateline on Apache Spark: the same reading of every document, past one machine, into Parquet.

The reading is a pure function of one document (DESIGN.md), so it runs here unchanged:

1. **read** — one task per input file (WARC, JSON Lines, a page; local paths or any URI Spark
   lists: ``s3a://``, ``hdfs://``, ``gs://``). A task streams its file record by record with the
   project's own readers (ingest/), extracts, analyses and fingerprints each page in the Python
   worker, where the spaCy pipeline is already loaded (run/spark_daemon.py loads it before it forks
   the workers, which are reused). A page
   that cannot be read is a row with its error's stage and reason, never a failed task.
   What the task found goes to ``_read/`` (Parquet) once, so nothing below reads twice.
2. **tables** — ``readings/`` (the reading as JSON with what the store needs of it, in input
   order: what ``dateline ingest OUT`` loads) and the flat tables ``documents/``, ``claims/``,
   ``entities/``, ``mentions/``, ``events/``, ``timexes/`` and ``errors/``, partitioned by
   published day.
3. **links** — with Spark's own joins on the store's own signatures: near-duplicates and wire
   copies by an equi-join on the same LSH band keys the store indexes (then verified with the
   same test), exact copies by text hash, versions by address and headline, stories by day
   windows; written as ``links/`` and ``groups/``, the same as the store finds on the same
   documents.
4. **statements** — one claim across its copies, grouped per speaker by the store's rule
   (run/spark_statements.py): ``statements/`` and ``statement_members/``.

Run it as ``dateline spark INPUTS --out DIR`` or, on a cluster, ``spark-submit
dateline/run/spark.py INPUTS --out DIR`` (this file, with the package installed on the
executors: docs/spark.md). Absolute imports only, so that the file also runs as a script.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

#: the oldest Java Spark 4 runs on
JAVA_MAJOR = 17
JAVA_HINT = "install it with `apt-get install openjdk-17-jre-headless` (or set JAVA_HOME to a Java 17+)"
from dateline.run.spark_output import MANIFEST  # noqa: E402  (what marks a finished run's folder)
#: the flat tables, partitioned by published day
TABLES = ("documents", "claims", "entities", "mentions", "events", "timexes")
PARTITION = "published_day"
#: pages extracted before they are analysed together (spaCy parses a batch faster than one by one)
ANALYSE_BATCH = 8
#: the JVM's options for a local master (one short-lived process does everything)
LOCAL_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
#: URI schemes read through Hadoop's listing and fsspec in the workers
_REMOTE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


class SparkUnavailable(RuntimeError):
    """Java or pyspark is missing (or too old): the message says what to install."""


# --- what must be there ----------------------------------------------------------------------


def java_version(java: str | None = None) -> int | None:
    """The major version of the Java Spark would start (JAVA_HOME's, else the one on PATH)."""
    if java is None:
        home = os.environ.get("JAVA_HOME")
        java = os.path.join(home, "bin", "java") if home else shutil.which("java")
    if not java or not os.path.exists(java):
        return None
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not m:
        return None
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major  # "1.8.0" is Java 8


def require_java() -> int:
    version = java_version()
    if version is None:
        raise SparkUnavailable(f"dateline spark needs Java {JAVA_MAJOR} or later, and none was found: {JAVA_HINT}")
    if version < JAVA_MAJOR:
        raise SparkUnavailable(f"dateline spark needs Java {JAVA_MAJOR} or later, this is Java {version}: {JAVA_HINT}")
    return version


def require_pyspark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise SparkUnavailable("dateline spark needs pyspark: pip install 'dateline[spark]'") from None
    from importlib.util import find_spec

    for module in ("pyarrow", "pandas"):  # Arrow batches (the near-duplicates' verification)
        if find_spec(module) is None:
            raise SparkUnavailable(f"dateline spark needs {module}: pip install 'dateline[spark]'")


# --- the session -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SparkOptions:
    #: None: what spark-submit (or the cluster's defaults) say; "local[*]" for one machine
    master: str | None = "local[*]"
    analyze: bool = True
    app_name: str = "dateline"
    #: shuffle partitions; None: 2 per core on a local master, Spark's default elsewhere
    shuffle_partitions: int | None = None
    conf: dict[str, str] = field(default_factory=dict)


def session(options: SparkOptions = SparkOptions()):
    """A SparkSession for the run. On a local master: bound to 127.0.0.1, no web UI, the Python
    workers on this interpreter (the one dateline is installed in)."""
    require_java()
    require_pyspark()
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(options.app_name)
    local = options.master is None and not _submitted() or (options.master or "").startswith("local")
    if options.master:
        builder = builder.master(options.master)
    if local:
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # bound here; and Spark does not warn about it
        cores = _local_cores(options.master or "local[*]")
        for key, value in {
            "spark.driver.host": "127.0.0.1",
            "spark.driver.bindAddress": "127.0.0.1",
            "spark.ui.enabled": "false",
            "spark.ui.showConsoleProgress": "false",
            "spark.sql.shuffle.partitions": str(options.shuffle_partitions or max(2, 2 * cores)),
            "spark.pyspark.python": sys.executable,
            "spark.driver.memory": os.environ.get("DATELINE_SPARK_DRIVER_MEMORY", "2g"),
            # a local run is short: the JVM's optimising compiler (C2) and its parallel collectors
            # cost more CPU than they win back (bench/spark.py: about half the JVM's CPU was JIT)
            "spark.driver.extraJavaOptions": " ".join(filter(None, (
                os.environ.get("DATELINE_SPARK_JAVA_OPTIONS", LOCAL_JAVA_OPTIONS), _class_archive_options()))),
        }.items():
            builder = builder.config(key, value)
    elif options.shuffle_partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(options.shuffle_partitions))
    # the pipeline is loaded once per Python worker: keep the workers (Spark's default, said here),
    # and load it in the daemon that forks them, so that each worker starts with it
    builder = builder.config("spark.python.worker.reuse", "true")
    preload = "analysis" if options.analyze else "extraction"
    os.environ.setdefault("DATELINE_SPARK_PRELOAD", preload)  # a local master's daemon inherits it
    builder = builder.config("spark.python.daemon.module", "dateline.run.spark_daemon")
    builder = builder.config("spark.executorEnv.DATELINE_SPARK_PRELOAD", preload)
    for key, value in options.conf.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


# --- the JVM's classes, archived once (a local master) ----------------------------------------------
#
# A local run starts a fresh JVM that loads and verifies thousands of Spark's classes (about 10
# CPU-seconds of a small run, BENCHMARKS.md). Java's class data sharing keeps them, parsed and verified, in an
# archive file mapped at the next start: the first local run writes it as its JVM exits
# (-XX:ArchiveClassesAtExit), the ones after map it (-XX:SharedArchiveFile). It is keyed by the
# Java and the Spark it was made with; a JVM that cannot use an archive starts without it.

#: where the archive is kept (``off``: none)
CACHE_ENV = "DATELINE_SPARK_CACHE"
#: the archive this process asked its JVM to write at exit (``stop`` moves it into place)
_pending_archive: list[tuple[str, str]] = []


def class_archive_path() -> str | None:
    """The class archive for this Java and this Spark (None: archives are off)."""
    import hashlib

    folder = os.environ.get(CACHE_ENV)
    if folder is not None and folder.strip().lower() in ("", "off", "0", "no"):
        return None
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "dateline", "spark")
    home = os.environ.get("JAVA_HOME")
    java = os.path.join(home, "bin", "java") if home else shutil.which("java")
    try:
        import pyspark

        jars = os.path.join(os.path.dirname(pyspark.__file__), "jars")
        java = os.path.realpath(java or "java")
        key = "\n".join([java, str(os.stat(java).st_mtime_ns), pyspark.__version__, *sorted(os.listdir(jars))])
    except (ImportError, OSError):
        return None
    return os.path.join(folder, f"classes-{hashlib.sha1(key.encode()).hexdigest()[:16]}.jsa")


def _class_archive_options() -> str:
    path = class_archive_path()
    if path is None:
        return ""
    # the JVM's own warnings (an archive it cannot use, say) go to stderr, never into --json's stdout
    quiet = "-Xlog:disable -Xlog:all=warning:stderr -Xlog:cds*=off:stderr"
    if os.path.isfile(path):
        return f"-XX:SharedArchiveFile={path} {quiet}"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        _clear_stale_parts(os.path.dirname(path))
    except OSError:
        return ""
    part = f"{path}.{os.getpid()}.part"
    _pending_archive.append((part, path))
    return f"-XX:ArchiveClassesAtExit={part} {quiet}"


def _clear_stale_parts(folder: str) -> None:
    """Archives left half-made by a JVM that did not exit through ``stop`` (its process is gone)."""
    for name in os.listdir(folder):
        m = re.search(r"\.(\d+)\.part$", name)
        if m and not os.path.exists(f"/proc/{m.group(1)}") and os.name == "posix":
            try:
                os.unlink(os.path.join(folder, name))
            except OSError:
                pass


def stop(spark) -> None:
    """Stop the session; when its JVM was asked to write the class archive, let the JVM exit
    (it writes the archive then) and put the archive in place for the next run."""
    spark.stop()
    if not _pending_archive:
        return
    from pyspark import SparkContext

    gateway = SparkContext._gateway
    proc = getattr(gateway, "proc", None)
    part, path = _pending_archive.pop()
    _pending_archive.clear()
    try:
        if proc is not None:
            gateway.shutdown()
            proc.stdin.close()  # the JVM exits when its stdin closes
            proc.wait(timeout=300)
            SparkContext._gateway = None
            SparkContext._jvm = None
        if proc is not None and proc.returncode == 0 and os.path.getsize(part) > 0:
            os.replace(part, path)  # atomic: a run starting now maps a whole archive or none
    except Exception:  # no archive this time: the next run makes one
        pass
    finally:
        if os.path.exists(part):
            try:
                os.unlink(part)
            except OSError:
                pass


def _submitted() -> bool:
    return "PYSPARK_GATEWAY_PORT" in os.environ or "SPARK_SUBMIT_OPTS" in os.environ


def _local_cores(master: str) -> int:
    m = re.match(r"local\[(\d+)", master)
    if m:
        return int(m.group(1))
    if master == "local":
        return 1
    from dateline.run.pool import cores

    return cores()


# --- inputs --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InputFile:
    index: int
    path: str
    kind: str | None
    error: str | None = None


def list_inputs(inputs: Iterable[str], spark=None) -> list[InputFile]:
    """Files, folders, globs (local, as ``dateline read`` expands them) and URIs (listed through
    Hadoop's file systems, the way Spark itself reads them) → the input files, in order."""
    from dateline.ingest.files import expand_inputs, kind_of

    out: list[InputFile] = []
    for item in inputs:
        item = str(item)
        if _REMOTE.match(item) and not item.startswith("file://"):
            if item.lower().startswith(("http://", "https://")):
                out.append(InputFile(len(out), item, None, "page addresses are not read by dateline spark: "
                                     "fetch them into a WARC file first (dateline fetch --warc)"))
                continue
            if spark is None:
                out.append(InputFile(len(out), item, None, "a URI input needs the Spark session to list it"))
                continue
            for path in _hadoop_files(spark, item):
                if isinstance(path, InputFile):
                    out.append(InputFile(len(out), path.path, None, path.error))
                else:
                    out.append(InputFile(len(out), path, kind_of(path)))
            continue
        if item.startswith("file://"):
            item = item[len("file://"):]
        for target in expand_inputs([item]):
            if target.path == "-":
                out.append(InputFile(len(out), "-", None, "standard input is not read by dateline spark: give files"))
                continue
            out.append(InputFile(len(out), target.path, target.kind, target.error))
    return out


def _hadoop_files(spark, uri: str) -> list[str | InputFile]:
    from dateline.ingest.files import kind_of

    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    try:
        path = jvm.org.apache.hadoop.fs.Path(uri)
        fs = path.getFileSystem(conf)
        statuses = fs.globStatus(path)
    except Exception as exc:  # py4j wraps the JVM's exceptions
        return [InputFile(0, uri, None, f"could not list it ({_first_line(exc)})")]
    if not statuses:
        return [InputFile(0, uri, None, "no such file or folder")]
    found: list[str | InputFile] = []
    for status in statuses:
        if status.isDirectory():
            files = fs.listFiles(status.getPath(), True)
            names = []
            while files.hasNext():
                name = files.next().getPath().toString()
                if kind_of(name) and not os.path.basename(name).startswith((".", "_")):
                    names.append(name)
            found += sorted(names)
        else:
            found.append(status.getPath().toString())
    return found


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:300]


# --- the read, inside a Python worker -----------------------------------------------------------

#: what one read row holds (the ``_read`` and ``readings`` datasets)
READ_FIELDS: tuple[tuple[str, str], ...] = (
    ("order", "long"),  # input index × 2^32 + position in the input: the store's order
    ("input_index", "int"),
    ("position", "int"),
    ("id", "string"),
    ("content_hash", "string"),
    ("status", "string"),  # ok | error (a page read in part is ok, as in the store)
    ("error_stage", "string"),
    ("error_message", "string"),
    (PARTITION, "string"),
    ("reading", "string"),  # the reading, as `dateline read --json` prints it
    ("text_hash", "string"),
    ("shingles", "int"),
    ("signature", "binary"),  # uint32 little-endian × num_perm, as the store keeps it
    ("bands", "array<long>"),  # the store's LSH band keys of the signature
    ("url", "string"),
    ("url_key", "string"),
    ("title_key", "string"),
    ("version_label", "string"),
    ("group_title", "string"),  # headline without its version label (what a group is called)
    ("lead", "string"),  # what stories compare of the text
    ("entity_keys", "array<string>"),  # normalised names of the entities that make stories
    ("cpu_seconds", "double"),  # the worker's CPU time for this document
    ("worker_rss_kb", "long"),  # the worker's peak memory so far
)


def read_files(files: Iterable[Any], analyze: bool) -> Iterator[tuple]:
    """mapPartitions over input files: every page of each, read as ``dateline ingest`` reads it.
    Never raises for a document: its failure is its row."""
    from dateline.ingest.files import Target, pages_of

    from dateline.ingest.unicode import path_label

    for f in files:
        index, path, kind, error, where = f[0], f[1], f[2], f[3], f[4]
        local, cleanup = where or path, None
        if not error and _REMOTE.match(path) and not path.startswith("file://"):
            local, cleanup, error = _fetched(path)
        # pages are labelled with the path as given (as `dateline read` labels them), wherever it was opened
        label, opened = path_label(path), path_label(local)
        target = Target(local, kind, error)
        position = 0
        try:
            pages = pages_of(target)
            while True:
                batch = []
                for page in pages:
                    if page.source.path == opened:
                        page.source.path = label
                    batch.append(page)
                    if len(batch) >= ANALYSE_BATCH:
                        break
                if not batch:
                    break
                for row in _read_batch(batch, index, position, analyze):
                    yield row
                position += len(batch)
        except Exception as exc:  # a reader bug: this file's rest is one error row, the job goes on
            from dateline.model import Error, Reading, Source

            reading = Reading(id="", source=Source(path=label, format=kind or "text", offset=None),
                              error=Error("ingest", f"reading the file failed ({type(exc).__name__}: {exc})"))
            yield _row(reading, None, None, index, position, 0.0)
        finally:
            if cleanup:
                cleanup()


def _read_batch(pages: list, index: int, position: int, analyze: bool) -> list[tuple]:
    """A few pages: extracted one by one, analysed together, fingerprinted (the same as
    corpus.process_page; a batch whose analysis fails is done again one page at a time)."""
    from dateline.corpus import content_hash, process_page
    from dateline.extract import extract
    from dateline.link.dedupe import fingerprint
    from dateline.model import Error

    started = time.process_time()
    hashes = [content_hash(p) for p in pages]
    try:
        readings = [extract(p) for p in pages]
        if analyze:
            todo = [r for r in readings if (r.error is None or r.error.partial) and r.text]
            if todo:
                from dateline.analyze import analyze as run_analysis

                list(run_analysis(todo))  # in place
        done = [(r, h, fingerprint(r.text) if r.text else None) for r, h in zip(readings, hashes)]
    except Exception:
        done = []
        for p, h in zip(pages, hashes):
            try:
                item = process_page(p, h, analyze=analyze)
                done.append((item.reading, h, item.fingerprint))
            except Exception as exc:
                from dateline.model import Reading

                r = Reading(id=h, source=p.source, url=p.url or p.source.url,
                            error=Error("extract", f"could not read the page ({type(exc).__name__}: {exc})"))
                done.append((r, h, None))
    cpu = (time.process_time() - started) / max(1, len(pages))
    return [_row(r, h, fp, index, position + i, cpu) for i, (r, h, fp) in enumerate(done)]


def _row(reading, chash: str | None, fp, index: int, position: int, cpu: float) -> tuple:
    from dateline.corpus import content_hash
    from dateline.link.dedupe import band_keys
    from dateline.link.versions import split_title, title_key, url_key
    from dateline.model import Page
    from dateline.store.entities import name_key
    from dateline.store.groups import NOT_STORY_TYPES, _lead
    from dateline.store.tables import day_of

    if chash is None:
        chash = content_hash(Page(content="", source=reading.source))
    if not reading.id:
        reading.id = chash
    err = reading.error
    failed = err is not None and not err.partial
    url = reading.url or reading.source.url
    base, label = split_title(reading.title)
    entity_keys = sorted({
        k for e in reading.entities
        if isinstance(e, dict) and e.get("type") not in NOT_STORY_TYPES and (k := name_key(e.get("name")))
    })
    return (
        (index << 32) + position,
        index,
        position,
        reading.id,
        chash,
        "error" if failed else "ok",
        err.stage if err else None,
        err.message if err else None,
        day_of(reading.published),
        json.dumps(reading.to_dict(), ensure_ascii=False),
        fp.text_hash if fp is not None else None,
        fp.shingles if fp is not None else None,
        fp.signature_bytes() if fp is not None else None,
        band_keys(fp.signature) if fp is not None else None,
        url,
        url_key(url),
        title_key(base),
        label,
        base,
        _lead(reading.text[:600]) if reading.text else None,
        entity_keys,
        float(cpu),
        _peak_rss_kb(),
    )


def _peak_rss_kb() -> int:
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _fetched(uri: str):
    """A remote input copied to the worker's local disk in blocks (never whole in memory), so the
    project's readers stream it as a local file: (local path, cleanup, error)."""
    import tempfile

    try:
        import fsspec
    except ImportError:
        return uri, None, "reading a URI in the workers needs fsspec (and s3fs, gcsfs… for its scheme)"
    name = uri.replace("s3a://", "s3://", 1).replace("s3n://", "s3://", 1)
    fd, tmp = tempfile.mkstemp(prefix="dateline-", suffix="-" + os.path.basename(name))
    try:
        with fsspec.open(name, "rb") as src, os.fdopen(fd, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
    except Exception as exc:
        os.unlink(tmp)
        return uri, None, f"could not fetch it ({type(exc).__name__}: {exc})"
    return tmp, lambda: os.unlink(tmp), None


# --- the job -------------------------------------------------------------------------------------


@dataclass(slots=True)
class SparkRun:
    """What a run wrote, for the command's summary and the manifest."""

    out: str
    inputs: int = 0
    seen: int = 0
    documents: int = 0
    duplicates: int = 0
    errors: int = 0
    tables: dict[str, int] = field(default_factory=dict)
    links: dict[str, int] = field(default_factory=dict)
    groups: dict[str, int] = field(default_factory=dict)
    #: statements (one claim across its copies), their member claims, those carried more than once
    statements: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    analysis: bool = True
    #: wall seconds of each step: read, readings, then tables, links and statements (run at the
    #: same time, each timed on its own) and the whole of those three as "after read"
    steps: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from dateline import __version__

        return {
            "dateline": __version__, "out": self.out, "inputs": self.inputs, "seen": self.seen,
            "documents": self.documents, "duplicates": self.duplicates, "errors": self.errors,
            "tables": self.tables, "links": self.links, "groups": self.groups, "statements": self.statements,
            "seconds": round(self.seconds, 3), "analysis": self.analysis, "partitioned_by": PARTITION,
            "steps": {k: round(v, 3) for k, v in self.steps.items()},
        }


def _schema(fields: Sequence[tuple[str, str]]):
    from pyspark.sql.types import StructType, _parse_datatype_string

    return StructType.fromJson({"type": "struct", "fields": [
        {"name": n, "type": _parse_datatype_string(t).jsonValue(), "nullable": True, "metadata": {}}
        for n, t in fields]})


def run(spark, inputs: Sequence[str], out: str, *, analyze: bool = True) -> SparkRun:
    """Read every input into ``out`` (a folder Spark can write: local, s3a://, hdfs://…)."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    started = time.perf_counter()
    out = out.rstrip("/")
    files = list_inputs(inputs, spark)
    result = SparkRun(out, inputs=len(files), analysis=analyze)
    sc = spark.sparkContext
    if files:
        items = [(f.index, f.path, f.kind, f.error, None if f.error or _REMOTE.match(f.path) else os.path.abspath(f.path))
                 for f in files]
        rdd = sc.parallelize(items, len(items)).mapPartitions(lambda part: read_files(part, analyze))
    else:
        rdd = sc.emptyRDD()
    staging = f"{out}/_read"
    spark.createDataFrame(rdd, _schema(READ_FIELDS)).write.mode("overwrite").parquet(staging)
    mark = _lap(result, "read", started)

    raw = spark.read.parquet(staging)
    result.seen = raw.count()  # from the files' footers
    # as the store does: one document per content (the first met), and a crawler's id met again
    # with other content is known by its content hash
    first = Window.partitionBy("content_hash").orderBy("order")
    kept = raw.withColumn("_n", F.row_number().over(first)).where("_n = 1").drop("_n")
    by_id = Window.partitionBy("id").orderBy("order")
    kept = (kept.withColumn("_n", F.row_number().over(by_id))
            .withColumn("id", F.when(F.col("_n") > 1, F.col("content_hash")).otherwise(F.col("id"))).drop("_n"))
    kept.orderBy("order").write.mode("overwrite").parquet(f"{out}/readings")
    readings = spark.read.parquet(f"{out}/readings")
    counted = readings.agg(F.count("*").alias("n"), F.sum(F.when(F.col("status") == "error", 1).otherwise(0))
                           .alias("errors")).first()
    result.documents, result.errors = int(counted["n"]), int(counted["errors"] or 0)
    result.duplicates = result.seen - result.documents
    mark = _lap(result, "readings", mark)
    # the tables, the links and the statements each read the readings and nothing of each other:
    # their jobs are submitted at once, from threads of the driver, so that one step's tasks run
    # while another's job is planned or its files committed (one after the other, the steps after
    # the read took as long on two cores as on one: Spark's fixed costs a job, not work)
    steps = [("tables", lambda: _write_tables(spark, readings, out, result)),
             ("links", lambda: _write_links(spark, readings, out, result))]
    if analyze:
        from dateline.run.spark_statements import write_statements

        def statements() -> None:
            result.statements = write_statements(spark, readings, out)

        steps.append(("statements", statements))
    _concurrently(steps, result)
    _lap(result, "after read", mark)
    _delete(spark, staging)
    result.seconds = time.perf_counter() - started
    _write_manifest(spark, out, result.to_dict())
    return result


def _concurrently(steps: Sequence[tuple[str, Any]], result: SparkRun | None = None) -> None:
    """Run the steps (name, function) in threads of the driver, each timed on its own in
    ``result.steps``; the first error is raised once all have ended."""
    from concurrent.futures import ThreadPoolExecutor

    def timed(name: str, fn) -> None:
        started = time.perf_counter()
        fn()
        if result is not None:
            result.steps[name] = time.perf_counter() - started

    with ThreadPoolExecutor(max_workers=len(steps), thread_name_prefix="dateline-step") as pool:
        futures = [pool.submit(timed, name, fn) for name, fn in steps]
    for f in futures:
        f.result()


def _lap(result: SparkRun, step: str, since: float) -> float:
    now = time.perf_counter()
    result.steps[step] = now - since
    return now


# --- the flat tables -----------------------------------------------------------------------------


#: tables.py's column types as Spark's
_SPARK_TYPES = {"text": "string", "integer": "long", "real": "double", "boolean": "boolean"}


def table_fields(table: str) -> list[tuple[str, str]]:
    """The columns of a flat table (store/tables.py: what `dateline export --table` writes), and
    the published day that partitions it."""
    from dateline.store.tables import TABLES as SPECS

    fields = [(c.name, _SPARK_TYPES[c.type]) for c in SPECS[table].columns]
    return fields if PARTITION in dict(fields) else fields + [(PARTITION, "string")]


def _write_tables(spark, readings, out: str, result: SparkRun) -> None:
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    # each reading's JSON is parsed and flattened once, into the rows of every table (tagged with
    # their table), kept while the six tables are written: parsing it again for each table cost
    # six times the Python work of the step
    names = {table: [f for f, _ in table_fields(table)] for table in TABLES}
    flat = readings.select("id", PARTITION, "reading").rdd.mapPartitions(lambda part: _table_rows(part, names))
    flat.persist(StorageLevel.MEMORY_AND_DISK)
    flat.count()  # made and kept once, before the six jobs that read it run at once

    def write(i: int, table: str) -> None:
        counter = spark.sparkContext.accumulator(0)  # rows written, counted as they are made (no second pass)
        rows = flat.mapPartitions(lambda part, k=i, c=counter: _rows_of(part, k, c))
        df = spark.createDataFrame(rows, _schema(table_fields(table)))
        df.write.mode("overwrite").partitionBy(PARTITION).parquet(f"{out}/{table}")
        result.tables[table] = counter.value

    _concurrently([(table, lambda i=i, t=table: write(i, t)) for i, table in enumerate(TABLES)])
    result.tables = {table: result.tables[table] for table in TABLES}  # in the tables' order
    flat.unpersist()
    errors = readings.where("error_stage IS NOT NULL").select(
        F.col("id").alias("document_id"), "url", "status", "error_stage", "error_message", PARTITION,
        F.get_json_object("reading", "$.source.path").alias("source_path"),
        F.get_json_object("reading", "$.source.offset").cast("long").alias("source_offset"),
    )
    errors.write.mode("overwrite").parquet(f"{out}/errors")
    result.tables["errors"] = spark.read.parquet(f"{out}/errors").count()  # the footers


def _table_rows(rows: Iterable[Any], names: dict[str, list[str]]) -> Iterator[tuple[int, tuple]]:
    """(table's index in TABLES, row) for every flat row of every table of each reading."""
    from dateline.store.tables import conform, reading_rows

    for row in rows:
        reading = json.loads(row["reading"])
        reading["id"] = row["id"]  # renamed when its crawler id was taken (as the store does)
        tables = reading_rows(reading)
        for i, table in enumerate(TABLES):
            cols = names[table]
            for flat in tables.get(table, ()):
                flat = conform(table, flat)
                if flat.get(PARTITION) is None:
                    flat[PARTITION] = row[PARTITION]
                yield i, tuple(flat.get(name) for name in cols)


def _rows_of(tagged: Iterable[tuple[int, tuple]], index: int, counter=None) -> Iterator[tuple]:
    n = 0
    for i, row in tagged:
        if i == index:
            n += 1
            yield row
    if counter is not None:
        counter.add(n)


# --- links and groups ----------------------------------------------------------------------------

LINK_FIELDS = (("a", "string"), ("b", "string"), ("kind", "string"), ("score", "double"))
GROUP_FIELDS = (("id", "string"), ("kind", "string"), ("size", "int"), ("title", "string"),
                ("first_published", "string"), ("last_published", "string"), ("members", "array<string>"))


def _write_links(spark, readings, out: str, result: SparkRun) -> None:
    from pyspark.sql import functions as F

    from dateline.link.dedupe import DEFAULT_DEDUPE
    from dateline.link.stories import DEFAULT_STORY
    from dateline.store.groups import VERSION_WINDOW_DAYS

    docs = readings.where("status = 'ok' AND text_hash IS NOT NULL").select(
        "order", "id", PARTITION, "text_hash", "shingles", "signature", "bands", "url", "url_key", "title_key",
        "version_label", "group_title", "lead", "entity_keys")
    docs.cache()
    sc = spark.sparkContext

    # near-duplicates: the documents that share an LSH band key (an equi-join on the store's own
    # band keys: what the store's lsh_bands index finds), each candidate pair verified once
    banded = (docs.where(F.col("shingles") >= DEFAULT_DEDUPE.min_shingles)
              .select("order", F.explode("bands").alias("band")))
    pairs = (banded.alias("x").join(banded.alias("y"), "band")
             .where(F.col("x.order") < F.col("y.order"))
             .select(F.col("x.order").alias("oa"), F.col("y.order").alias("ob")).distinct())
    sigs = docs.select("order", "id", "signature", "shingles")
    cand = (pairs.join(sigs.toDF("oa", "a", "sa", "na"), "oa").join(sigs.toDF("ob", "b", "sb", "nb"), "ob")
            .select("a", "sa", "na", "b", "sb", "nb"))
    # verified in batches through Arrow, the signatures compared as arrays (one by one, as Python
    # rows, the candidates cost most of the links' time: on bench/spark.py's articles, written
    # from a few hundred sentences, 70% of all pairs share a band)
    near = cand.mapInArrow(_verified, "a string, b string, score double").rdd.map(
        lambda r: (r["a"], r["b"], "near", r["score"]))

    # versions: one address (each version after the one before it), one headline with labels
    keys = docs.select("order", "id", "url", "url_key", "title_key", "group_title", "version_label", PARTITION).rdd
    by_url = keys.filter(lambda r: r["url_key"]).map(lambda r: (r["url_key"], tuple(r))).groupByKey()
    by_title = keys.filter(lambda r: r["title_key"]).map(lambda r: (r["title_key"], tuple(r))).groupByKey()
    versions = by_url.flatMap(lambda kv: _version_links(kv[1], VERSION_WINDOW_DAYS, url=True)).union(
        by_title.flatMap(lambda kv: _version_links(kv[1], VERSION_WINDOW_DAYS, url=False)))

    # stories: each article goes to the day windows it takes part in; a window pairs its own day's
    # articles with the rest (rarity is a matter of the days around an article, see link/stories.py)
    reach = DEFAULT_STORY.reach_days() + DEFAULT_STORY.rarity_days
    story_in = docs.select("order", "id", PARTITION, "group_title", "lead", "entity_keys").rdd
    stories = (story_in.flatMap(lambda r: _story_windows(r, reach)).groupByKey()
               .flatMap(lambda kv: _story_links(kv[0], kv[1])))

    links = (near.union(versions).union(stories)
             .map(lambda t: ((t[0], t[1], t[2]), t)).reduceByKey(lambda x, y: x).values())
    ldf = spark.createDataFrame(links.map(lambda t: (t[0], t[1], t[2], float(t[3]))), _schema(LINK_FIELDS))
    ldf.write.mode("overwrite").parquet(f"{out}/links")
    links_df = spark.read.parquet(f"{out}/links")
    groups, edges = _groups(spark, docs, links_df)
    for _, _, kind in edges:
        result.links[kind] = result.links.get(kind, 0) + 1
    gdf = spark.createDataFrame(sc.parallelize(groups, max(1, min(64, len(groups) // 5000 + 1))),
                                _schema(GROUP_FIELDS))
    gdf.write.mode("overwrite").parquet(f"{out}/groups")
    result.groups = {}
    for g in groups:
        result.groups[g[1]] = result.groups.get(g[1], 0) + 1
    docs.unpersist()


def _verified(batches: Iterable[Any]) -> Iterator[Any]:
    """mapInArrow over candidate pairs (a, sa, na, b, sb, nb): the pairs (a, b, score) that pass
    the store's test (link/dedupe.py ``verify``), the signatures compared a batch at a time."""
    import numpy as np
    import pyarrow as pa

    from dateline.link.dedupe import DEFAULT_DEDUPE as opts
    from dateline.link.dedupe import verify_estimate

    for batch in batches:
        if not batch.num_rows:
            continue
        sa, sb = _signatures(batch.column("sa")), _signatures(batch.column("sb"))
        na = batch.column("na").to_numpy(zero_copy_only=False).astype(np.int64)
        nb = batch.column("nb").to_numpy(zero_copy_only=False).astype(np.int64)
        equal = (sa == sb).sum(axis=1)
        j = equal / sa.shape[1]
        least = np.minimum(na, nb)
        with np.errstate(divide="ignore", invalid="ignore"):
            contained = np.where(least > 0, np.minimum(1.0, j * (na + nb) / (1.0 + j) / least), 0.0)
        # a little to spare for rounding: the store's own test decides each pair that may pass
        maybe = np.nonzero((j >= opts.jaccard - 1e-9) | (contained >= opts.containment - 1e-9))[0]
        a, b, score = [], [], []
        ids_a, ids_b = batch.column("a"), batch.column("b")
        for i in maybe.tolist():
            hit = verify_estimate(int(equal[i]) / sa.shape[1], int(nb[i]), int(na[i]), opts)
            if hit is not None:
                a.append(ids_a[i].as_py())
                b.append(ids_b[i].as_py())
                score.append(round(hit[0], 4))
        if a:
            yield pa.RecordBatch.from_pydict({"a": a, "b": b, "score": score})


def _signatures(column) -> Any:
    """A binary column of signatures as a (rows, values) uint32 matrix (Fingerprint's layout)."""
    import numpy as np
    import pyarrow as pa

    from dateline.link.dedupe import Fingerprint

    wide = pa.types.is_large_binary(column.type)
    offsets = np.frombuffer(column.buffers()[1], dtype=np.int64 if wide else np.int32, count=len(column) + 1,
                            offset=column.offset * (8 if wide else 4))
    widths = np.diff(offsets)
    if not column.null_count and (widths == widths[0]).all() and widths[0] % 4 == 0:
        data = np.frombuffer(column.buffers()[2], dtype=np.uint8)[offsets[0]:offsets[-1]]
        return data.view("<u4").reshape(len(column), widths[0] // 4).astype(np.uint32)
    return np.stack([Fingerprint.signature_from(v.as_py()) for v in column])


def _version_links(members: Iterable[tuple], window: int, *, url: bool) -> list[tuple]:
    from dateline.link.versions import VersionKey, version_pairs

    docs = sorted(members)  # by order: the store's order of arrival
    order = {d[1]: d[0] for d in docs}
    keys = [VersionKey(d[1], d[2], d[5], d[6], d[7]) for d in docs]
    out = []
    for a, b, why in version_pairs(keys, window_days=window):
        if (why == "url") != url:
            continue
        x, y = (a, b) if order[a] < order[b] else (b, a)
        out.append((x, y, "version", 1.0))
    return out


def _story_windows(r, reach: int) -> Iterator[tuple]:
    from dateline.store.tables import day_of

    item = (r["order"], r["id"], r[PARTITION], r["group_title"], r["lead"], tuple(r["entity_keys"] or ()))
    day = day_of(r[PARTITION])
    if day is None:
        yield ("undated", item)
        return
    import datetime as dt

    d = dt.date.fromisoformat(day)
    for k in range(-reach, reach + 1):
        yield ((d + dt.timedelta(days=k)).isoformat(), item)


def _story_links(window: str, members: Iterable[tuple]) -> list[tuple]:
    from dateline.link.stories import StoryDoc, story_pairs

    docs = sorted(members)
    order = {d[1]: d[0] for d in docs}
    among = [d[1] for d in docs if (d[2] or "undated") == window]
    if not among:
        return []
    story = [StoryDoc(d[1], d[2], d[3], d[4] or "", list(d[5])) for d in docs]
    out = []
    for a, b, overlap in story_pairs(story, among=among):
        x, y = (a, b) if order[a] < order[b] else (b, a)
        out.append((x, y, "story", round(overlap, 4)))
    return out


def _groups(spark, docs, links_df) -> tuple[list[tuple], list[tuple[str, str, str]]]:
    """The store's groups (store/groups.py's rules) from the links: exact copies by text hash in
    Spark; the components of the links, whose edges come to the driver (a few bytes each)."""
    from pyspark.sql import functions as F

    from dateline.link.groups import Components
    from dateline.store.groups import STORY_LINKS, Member, tellings

    member_cols = docs.select("id", "order", PARTITION, "group_title", "text_hash")
    copies = (member_cols.groupBy("text_hash").agg(F.count("*").alias("n"),
                                                    F.collect_list(F.struct("id", "order", PARTITION, "group_title",
                                                                            "text_hash")).alias("m"))
              .where("n > 1").select("m").collect())
    edges = [(r["a"], r["b"], r["kind"]) for r in links_df.select("a", "b", "kind").collect()]
    linked = {x for a, b, _ in edges for x in (a, b)}
    info: dict[str, Member] = {}
    if linked:
        ids = spark.createDataFrame([(i,) for i in sorted(linked)], "id string")
        for r in member_cols.join(F.broadcast(ids), "id").collect():
            info[r["id"]] = Member(r["id"], int(r["order"]), r[PARTITION], r["group_title"], r["text_hash"])
    found: list[tuple[str, list[Member]]] = []
    for row in copies:
        found.append(("copy", [Member(m["id"], int(m["order"]), m[PARTITION], m["group_title"], m["text_hash"])
                               for m in row["m"]]))
    near = [(a, b) for a, b, k in edges if k == "near"]
    version = [(a, b) for a, b, k in edges if k == "version"]
    found += [("syndicated", [info[i] for i in ids]) for ids in Components().union_all(near).groups()
              if len({info[i].text_hash for i in ids}) > 1]
    found += [("version", [info[i] for i in ids]) for ids in Components().union_all(version).groups()]
    near_of: dict[str, list[tuple[str, str]]] = {}
    for a, b in near:
        near_of.setdefault(a, []).append((a, b))
    story_edges = [(a, b) for a, b, k in edges if k in STORY_LINKS]
    for ids in Components().union_all(story_edges).groups():
        members = [info[i] for i in ids]
        if tellings(members, [p for i in ids for p in near_of.get(i, ())]) >= 2:
            found.append(("story", members))
    out = []
    for kind, members in found:
        first = min(members, key=lambda m: m.seq)
        ordered = sorted(members, key=lambda m: (m.day or "9999", m.seq))
        days = [m.day for m in ordered if m.day]
        out.append((f"{kind}-{first.id}", kind, len(ordered), first.title, min(days) if days else None,
                    max(days) if days else None, [m.id for m in ordered]))
    return sorted(out), edges


# --- files beside the datasets -------------------------------------------------------------------


def _fs(spark, path: str):
    jvm = spark.sparkContext._jvm
    p = jvm.org.apache.hadoop.fs.Path(path)
    return p.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()), p


def _delete(spark, path: str) -> None:
    fs, p = _fs(spark, path)
    fs.delete(p, True)


def out_state(spark, out: str) -> str:
    """"absent", "empty", "run" (an earlier run's output) or "other" (a folder or file of something else)."""
    fs, p = _fs(spark, out)
    if not fs.exists(p):
        return "absent"
    if not fs.getFileStatus(p).isDirectory():
        return "other"
    names = [s.getPath().getName() for s in fs.listStatus(p)]
    if not names:
        return "empty"
    return "run" if MANIFEST in names or "_read" in names or "readings" in names else "other"


def clear_out(spark, out: str) -> None:
    _delete(spark, out)


def _write_manifest(spark, out: str, data: dict[str, Any]) -> None:
    fs, p = _fs(spark, f"{out}/{MANIFEST}")
    stream = fs.create(p, True)
    try:
        stream.write(bytearray(json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8")))
    finally:
        stream.close()


# --- spark-submit ------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """``spark-submit dateline/run/spark.py INPUTS --out DIR`` (also ``python -m dateline.run.spark``)."""
    import argparse

    parser = argparse.ArgumentParser(prog="dateline-spark", description=(
        "Read news pages on Spark into Parquet datasets (documents, claims, entities, mentions, events, "
        "timexes, links, groups), partitioned by published day."))
    parser.add_argument("inputs", nargs="+", help="WARC / JSON Lines / page files, folders, globs or URIs")
    parser.add_argument("--out", required=True, help="the output folder (local, s3a://, hdfs://…)")
    parser.add_argument("--master", default=None, help="Spark master (default: what spark-submit says, else local[*])")
    parser.add_argument("--no-analysis", action="store_true", help="extraction only (no entities or claims)")
    parser.add_argument("--force", action="store_true", help="replace an earlier run's output in --out")
    args = parser.parse_args(argv)
    problem = check_local_out(args.out, args.force)
    if problem:
        sys.stderr.write(f"dateline: {problem}\n")
        return 2
    try:
        spark = session(SparkOptions(master=args.master, analyze=not args.no_analysis))
    except SparkUnavailable as exc:
        sys.stderr.write(f"dateline: {exc}\n")
        return 2
    try:
        problem = check_out(spark, args.out, args.force)
        if problem:
            sys.stderr.write(f"dateline: {problem}\n")
            return 2
        result = run(spark, args.inputs, args.out, analyze=not args.no_analysis)
    finally:
        stop(spark)
    sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    return 0 if result.documents > result.errors or result.seen == 0 else 1


def check_local_out(out: str, force: bool) -> str | None:
    """``check_out`` for a local folder, before Spark starts (a wrong --out costs no JVM)."""
    if _REMOTE.match(out) and not out.startswith("file://"):
        return None
    path = out[len("file://"):] if out.startswith("file://") else out
    if not os.path.exists(path):
        return None
    if not os.path.isdir(path):
        return f"{out} exists and is not a dateline spark output: choose an empty or new folder"
    names = set(os.listdir(path))
    if names and not names & {MANIFEST, "_read", "readings"}:
        return f"{out} exists and is not a dateline spark output: choose an empty or new folder"
    if names and not force:
        return f"{out} holds an earlier run's output: give --force to replace it, or another --out"
    return None


def check_out(spark, out: str, force: bool) -> str | None:
    """Why ``out`` may not be written (None: it may). Only an earlier run's output is replaced,
    and only when asked: a folder of something else is never deleted."""
    state = out_state(spark, out)
    if state == "run":
        if not force:
            return f"{out} holds an earlier run's output: give --force to replace it, or another --out"
        clear_out(spark, out)
    elif state == "other":
        return f"{out} exists and is not a dateline spark output: choose an empty or new folder"
    return None


if __name__ == "__main__":
    # run as a file (spark-submit …/spark.py): the functions Spark ships to the workers are taken
    # from the installed module, not pickled from this script
    from dateline.run.spark import main as _main

    sys.exit(_main())
