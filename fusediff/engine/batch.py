"""Batch fusion of many scenes on a Dask cluster: ``fusediff batch ALGORITHM MANIFEST.csv``.

A manifest is a CSV file whose header names parameters of the algorithm (exactly the names of
``qgis_process run fusediff:ALG``: e.g. ``PAN,MS,OUTPUT`` plus any per-row settings); every row is
one scene. ``common`` values (``--NAME=value`` on the command line) apply to every row; a
non-empty cell of a row wins over them. Relative paths in the manifest are relative to the
manifest's folder.

Each scene is one Dask task that calls ``run_algorithm`` (learn-once and tiles inside it) on a
worker, with the worker's own thread count as the torch CPU threads (so N workers x T threads
never oversubscribe the cores). Without a scheduler address a ``LocalCluster`` of processes is
started on this machine; with one, a ``Client`` connects to that cluster (SLURM, Kubernetes, ...;
see docs/clusters.md). Tasks of torch methods ask for one ``GPU`` resource when the cluster's
workers declare it (``dask worker --resources GPU=1``).

Reliability:

- a scene whose outputs are complete is skipped: next to every output a sidecar
  ``<output>.fusediff.json`` records the algorithm, the parameters, the inputs' sizes and times
  and a SHA-256 checksum of the output file, written after the output is in place; a re-run
  compares them (a re-run with nothing to do finds that out before starting any cluster);
- outputs are written atomically by `rasters.GeoTiffWriter` (a hidden temporary file in the
  output's folder, renamed at the end); temporaries of a killed attempt are removed before a
  scene starts and when the batch ends (`clean_stale_temporaries`);
- a task whose worker died is run again on another worker (the scheduler's
  ``distributed.scheduler.allowed-failures``, 3 by default); a task that raised an unexpected
  error is retried ``retries`` times;
- a bad row (missing file, wrong bands, bad value) fails alone with the sentence a QGIS user gets;
  the other scenes complete; the JSON report lists every scene (status, seconds, worker, error)
  and `batch_command` exits with 1 when any scene failed.

Dask is imported only when a cluster is needed; without it a `UserError` says how to install it.
"""
from __future__ import annotations

import argparse
import csv
import dataclasses
import glob
import hashlib
import json
import os
import shutil
import sys
import time
from typing import Callable, Optional, Sequence

from .errors import Cancelled, UserError
from .params import INPUT_KINDS, OUTPUT_KINDS, resolve

DASK_MISSING = ("Running on a Dask cluster needs the packages dask and distributed; install them with "
                "'pip install fusediff[dask]' (on this machine and on every worker).")
#: Suffix of the sidecar JSON written next to every finished output.
SIDECAR_SUFFIX = ".fusediff.json"
#: Attempts of a task that raised an unexpected error (not a UserError) before it counts as failed.
RETRIES = 2
#: How long a Client waits for the scheduler given by address.
CONNECT_TIMEOUT = "30s"
#: Hash block size when checksumming outputs.
_CHUNK = 4 * 1024 * 1024


def require_dask():
    """Import ``distributed`` (and dask) or raise `UserError` naming the extra to install."""
    try:
        import dask  # noqa: F401
        import distributed
    except ImportError as exc:
        raise UserError(DASK_MISSING) from exc
    return distributed


# --------------------------------------------------------------------------
# manifest
# --------------------------------------------------------------------------

@dataclasses.dataclass
class Scene:
    """One manifest row: ``line`` (1-based line of the CSV, the header is line 1), ``values``
    (parameter name -> value as given, strings; paths made absolute), ``outputs`` (absolute
    output paths), ``fingerprint`` (what the sidecar must match)."""

    line: int
    values: dict
    outputs: list
    fingerprint: dict = None
    name: str = ""


def _path_params(spec) -> tuple:
    inputs = [p.name for p in spec.params if p.kind in INPUT_KINDS]
    outputs = [p.name for p in spec.params if p.kind in OUTPUT_KINDS]
    return inputs, outputs


def read_manifest(manifest_csv, spec, common: Optional[dict] = None) -> list:
    """The scenes of a manifest (list of `Scene`), checked without opening any raster.

    The header must name parameters of ``spec``; every row must give (itself or through
    ``common``) each output path; two rows may not write the same output. UserError otherwise.
    Relative paths of a row are relative to the manifest's folder, those of ``common`` to the
    current folder.
    """
    path = os.path.abspath(os.fspath(manifest_csv))
    if not os.path.isfile(path):
        raise UserError(f"The manifest '{path}' does not exist.")
    folder = os.path.dirname(path)
    names = [p.name for p in spec.params]
    common = {str(k): v for k, v in (common or {}).items() if v is not None}
    unknown = sorted(set(common) - set(names))
    if unknown:
        raise UserError(f"fusediff:{spec.name} has no parameter {', '.join(unknown)}; its parameters are "
                        f"{', '.join(names)}.")
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            reader = csv.reader(f)
            rows = [r for r in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise UserError(f"The manifest '{path}' cannot be read as a CSV file ({exc}).") from exc
    rows = [(i + 1, r) for i, r in enumerate(rows) if any(c.strip() for c in r)]
    if not rows:
        raise UserError(f"The manifest '{path}' is empty; its first line must name the parameters, "
                        f"e.g. {','.join(n for n in names if spec.param(n).kind in ('raster', 'raster_out'))}.")
    header = [c.strip() for c in rows[0][1]]
    bad = [h for h in header if h not in names]
    if bad:
        raise UserError(f"The manifest's header names {', '.join(repr(b) for b in bad)}, which fusediff:"
                        f"{spec.name} does not have; its parameters are {', '.join(names)}.")
    inputs, outputs = _path_params(spec)
    for name in inputs + outputs:  # a path given for every row is relative to the current folder
        v = common.get(name)
        if isinstance(v, str) and v and "://" not in v and not v.startswith("/vsi"):
            common[name] = os.path.abspath(os.path.expanduser(v))
    scenes, seen = [], {}
    for line, row in rows[1:]:
        if len(row) > len(header):
            raise UserError(f"Line {line} of the manifest '{path}' has {len(row)} cells but the header "
                            f"names {len(header)} columns.")
        values = dict(common)
        for h, cell in zip(header, row):
            if cell.strip():
                values[h] = cell.strip()
        for name in inputs + outputs:
            v = values.get(name)
            if isinstance(v, str) and v and "://" not in v and not v.startswith("/vsi"):
                values[name] = os.path.normpath(os.path.join(folder, os.path.expanduser(v)))
        outs = [values[n] for n in outputs if values.get(n)]
        missing = [n for n in outputs if not values.get(n) and not spec.param(n).optional]
        if missing:
            raise UserError(f"Line {line} of the manifest '{path}' gives no {', '.join(missing)}; every "
                            f"scene needs its own output path.")
        for o in outs:
            key = os.path.normcase(o)
            if key in seen:
                raise UserError(f"Lines {seen[key]} and {line} of the manifest '{path}' both write '{o}'; "
                                f"every scene needs its own output path.")
            seen[key] = line
        scene = Scene(line, values, outs, name=os.path.basename(outs[0]) if outs else f"line {line}")
        try:  # the checked values (so that '1', 1 and 'GSA' are one setting); a bad value fails its row later
            checked = resolve(spec, values)
        except UserError:
            checked = values
        scene.fingerprint = fingerprint(spec.name, checked, [values.get(n) for n in inputs])
        scenes.append(scene)
    if not scenes:
        raise UserError(f"The manifest '{path}' has a header but no scene.")
    return scenes


# --------------------------------------------------------------------------
# sidecars, checksums, temporaries
# --------------------------------------------------------------------------

def sidecar_path(output: str) -> str:
    """``<output>.fusediff.json``."""
    return os.fspath(output) + SIDECAR_SUFFIX


def file_checksum(path: str) -> str:
    """'sha256:<hex>' of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(_CHUNK), b""):
            h.update(block)
    return "sha256:" + h.hexdigest()


def _file_stamp(path) -> Optional[list]:
    try:
        st = os.stat(path)
    except (OSError, TypeError, ValueError):
        return None
    return [int(st.st_size), int(st.st_mtime_ns)]


def fingerprint(algorithm: str, values: dict, input_paths: Sequence = ()) -> dict:
    """What makes a scene's output what it is: algorithm, parameter values (as given) and the
    size and modification time of each input file (a changed input re-runs the scene)."""
    return {
        "algorithm": algorithm,
        "parameters": {k: (v if isinstance(v, (str, int, float, bool)) or v is None
                           else [x for x in v] if isinstance(v, (list, tuple)) else str(v))
                       for k, v in sorted(values.items())},
        "inputs": {p: _file_stamp(p) for p in input_paths if p and os.path.exists(p)},
    }


def is_complete(scene: Scene, verify: bool = False) -> bool:
    """True when every output of ``scene`` exists with a sidecar that matches the scene's
    fingerprint and the output's checksum.

    The checksum is recomputed only when the output's size or modification time differ from
    those the sidecar recorded (a file rewritten or copied), or always with ``verify`` (reads
    every output: slow for a large campaign)."""
    if not scene.outputs:
        return False
    for out in scene.outputs:
        try:
            with open(sidecar_path(out), encoding="utf-8") as f:
                side = json.load(f)
        except (OSError, ValueError):
            return False
        if not os.path.isfile(out):
            return False
        if any(side.get(k) != scene.fingerprint.get(k) for k in ("algorithm", "parameters", "inputs")):
            return False
        stamp = _file_stamp(out)
        if side.get("size") != stamp[0]:
            return False
        if (verify or side.get("mtime_ns") != stamp[1]) and side.get("checksum") != file_checksum(out):
            return False
    return True


def _write_json_atomic(path: str, data: dict) -> None:
    from .files import atomic_open
    with atomic_open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write("\n")


def write_sidecar(scene: Scene, seconds: float, worker: str = "") -> None:
    """Write each output's sidecar (after the output itself is in place)."""
    # the package's version (not imported: the layers contract keeps the engine below `fusediff`)
    version = getattr(sys.modules.get("fusediff"), "__version__", None)
    for out in scene.outputs:
        data = dict(scene.fingerprint)
        size, mtime_ns = _file_stamp(out)
        data.update(output=out, size=size, mtime_ns=mtime_ns, checksum=file_checksum(out),
                    seconds=round(float(seconds), 3), worker=worker, fusediff=version,
                    finished=time.strftime("%Y-%m-%dT%H:%M:%S%z"))
        _write_json_atomic(sidecar_path(out), data)


def temporaries_of(output: str) -> list:
    """Temporary files and folders a run writing ``output`` may leave when its process is killed:
    the GeoTIFF writer's ``.<name>.*.tmp.tif`` (and GDAL side-cars), the sidecar's
    ``.<name>.fusediff.json.*.tmp`` and the row files of a cluster run ``.<name>.*.rows/``."""
    folder, name = os.path.split(os.path.abspath(os.fspath(output)))
    pat = glob.escape(os.path.join(folder, "." + name))
    found = set()
    for suffix in (".*.tmp.tif", ".*.tmp.tif.aux.xml", ".*.tmp.tif.msk", ".*.rows"):
        found.update(glob.glob(pat + suffix))
    found.update(glob.glob(glob.escape(os.path.join(folder, "." + name + SIDECAR_SUFFIX)) + ".*.tmp"))
    return sorted(found)


def clean_stale_temporaries(outputs: Sequence[str]) -> list:
    """Delete the temporaries (`temporaries_of`) of ``outputs``; returns the paths removed.

    Call it only when no live process writes these outputs (before a scene starts, after a batch).
    """
    removed = []
    for out in outputs:
        for p in temporaries_of(out):
            try:
                if os.path.isdir(p):
                    shutil.rmtree(p)
                else:
                    os.remove(p)
                removed.append(p)
            except OSError:
                pass
    return removed


# --------------------------------------------------------------------------
# the task (runs on a worker)
# --------------------------------------------------------------------------

def _worker_info():
    """(address, threads) of the Dask worker running this task ('', 1 outside a worker)."""
    try:
        from distributed import get_worker
        w = get_worker()
        return str(w.address), int(getattr(w.state, "nthreads", None) or w.nthreads or 1)
    except Exception:  # noqa: BLE001 (not on a worker)
        return "", int(os.environ.get("OMP_NUM_THREADS") or 1)


def _set_threads(threads: int, torch_needed: bool) -> None:
    """The worker's thread count for torch and the BLAS libraries (no oversubscription)."""
    os.environ["OMP_NUM_THREADS"] = str(threads)
    if torch_needed:
        try:
            import torch
            if torch.get_num_threads() != threads:
                torch.set_num_threads(threads)
        except ImportError:
            pass


def _runner(run_function):
    if run_function is None:
        from .run import run_algorithm
        return run_algorithm
    if isinstance(run_function, str):
        import importlib
        module, _, func = run_function.partition(":")
        return getattr(importlib.import_module(module), func)
    return run_function


def run_scene(algorithm: str, scene: Scene, run_function=None, torch_needed: bool = True) -> dict:
    """Run one scene (the Dask task). Returns the scene's report entry.

    A `UserError` (bad row) is returned as status 'failed' with its sentence (not raised, so Dask
    does not retry it); any other exception propagates (Dask retries it).
    """
    from .context import RunContext
    t0 = time.perf_counter()
    worker, threads = _worker_info()
    _set_threads(threads, torch_needed)
    clean_stale_temporaries(scene.outputs)  # a killed earlier attempt's files
    entry = {"line": scene.line, "name": scene.name, "outputs": scene.outputs, "worker": worker,
             "threads": threads, "pid": os.getpid()}
    ctx = RunContext(threads=threads)
    try:
        _runner(run_function)(algorithm, dict(scene.values), ctx)
    except UserError as exc:
        entry.update(status="failed", error=str(exc), seconds=round(time.perf_counter() - t0, 3))
        return entry
    except Cancelled as exc:
        entry.update(status="failed", error=f"Cancelled ({exc}).", seconds=round(time.perf_counter() - t0, 3))
        return entry
    seconds = time.perf_counter() - t0
    missing = [o for o in scene.outputs if not os.path.isfile(o)]
    if missing:
        raise RuntimeError(f"the algorithm returned without writing {', '.join(missing)}")
    write_sidecar(scene, seconds, worker)
    entry.update(status="done", error=None, seconds=round(seconds, 3))
    return entry


# --------------------------------------------------------------------------
# the client side
# --------------------------------------------------------------------------

def connect(scheduler: Optional[str] = None, workers: Optional[int] = None,
            threads_per_worker: Optional[int] = None, echo: Callable[[str], None] = print,
            processes: bool = True):
    """(client, cluster or None): a Client to ``scheduler``, or a new LocalCluster of ``workers``
    processes x ``threads_per_worker`` threads (defaults: one single-threaded worker per core).
    Prints the dashboard address when there is one."""
    import logging
    distributed = require_dask()
    cluster = None
    if scheduler:
        try:
            # not the process's default client: a library must not take over the user's (and
            # as_completed below is given this client's loop, not the default client's)
            client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise UserError(f"Cannot connect to the Dask scheduler at '{scheduler}' ({exc}). Check the "
                            f"address (e.g. tcp://host:8786) and that the scheduler is running.") from exc
    else:
        t = max(1, int(threads_per_worker or 1))
        n = max(1, int(workers or max(1, (os.cpu_count() or 1) // t)))
        cluster = distributed.LocalCluster(
            n_workers=n, threads_per_worker=t, processes=processes,
            dashboard_address=":0", silence_logs=logging.ERROR)
        client = distributed.Client(cluster, set_as_default=False)
    link = _dashboard(client)
    if link:
        echo(f"Dask dashboard: {link}")
    return client, cluster


def _scheduler_has_bokeh() -> bool:
    import importlib.util
    return importlib.util.find_spec("bokeh") is not None


def _dashboard(client) -> Optional[str]:
    """The dashboard's address when the scheduler serves one (its HTTP server runs without bokeh
    too, but then has no dashboard pages)."""
    try:
        services = client.scheduler_info().get("services", {})
        if "dashboard" in services and client.run_on_scheduler(_scheduler_has_bokeh):
            return client.dashboard_link
    except Exception:  # noqa: BLE001
        pass
    return None


def cluster_has_gpus(client) -> bool:
    """True when some worker declares a ``GPU`` resource."""
    try:
        workers = client.scheduler_info().get("workers", {})
    except Exception:  # noqa: BLE001
        return False
    return any((w.get("resources") or {}).get("GPU", 0) > 0 for w in workers.values())


def _benefits_from_gpu(spec) -> bool:
    return "torch" in tuple(getattr(spec, "needs", ()) or ())


def default_report_path(manifest_csv) -> str:
    """``<manifest without .csv>.report.json`` next to the manifest."""
    base = os.path.abspath(os.fspath(manifest_csv))
    stem = base[:-4] if base.lower().endswith(".csv") else base
    return stem + ".report.json"


def batch(algorithm: str, manifest_csv, scheduler: Optional[str] = None, workers: Optional[int] = None,
          threads_per_worker: Optional[int] = None, common: Optional[dict] = None, progress: bool = True,
          report_path=None, retries: int = RETRIES, echo: Callable[[str], None] = None,
          run_function=None, spec=None, ctx=None, processes: bool = True, verify: bool = False) -> dict:
    """Fuse every scene of ``manifest_csv`` with ``algorithm`` on a Dask cluster; returns the report.

    scheduler: address of a running scheduler ('tcp://host:8786'); None: a LocalCluster of
    ``workers`` processes x ``threads_per_worker`` threads on this machine. common: values for
    every row (a row's own cell wins). progress: one bar over the scenes (tqdm) with an ETA.
    report_path: the JSON run report (default `default_report_path`). retries: re-runs of a task
    that raised an unexpected error (a dead worker's task is re-run by the scheduler anyway).
    echo: where lines for the user go (default: stderr). run_function / spec: the function run
    per scene and the algorithm's spec (default: `run.run_algorithm` and the registry's spec;
    tests inject small stand-ins; run_function may be 'module:function'). ctx: a RunContext whose
    progress bar follows the scenes and whose cancel stops the batch (the QGIS algorithm);
    processes: False runs the local cluster's workers as threads of this process. verify: recompute
    every existing output's checksum before skipping it (default: only when its size or time changed).

    The report: {'algorithm', 'manifest', 'scheduler', 'workers', 'seconds', 'counts': {'done',
    'skipped', 'failed'}, 'scenes': [{'line', 'name', 'outputs', 'status', 'seconds', 'worker',
    'error'}]}. Scenes with complete outputs are 'skipped' without starting a cluster. Raises
    UserError for a bad manifest (nothing runs then); a bad row only fails that row.
    """
    if echo is None:
        echo = lambda line: print(line, file=sys.stderr, flush=True)  # noqa: E731
    if spec is None:
        from .registry import get_spec
        spec = get_spec(algorithm)
    algorithm = spec.name
    t0 = time.perf_counter()
    scenes = read_manifest(manifest_csv, spec, common)
    report_path = os.path.abspath(os.fspath(report_path or default_report_path(manifest_csv)))
    entries = {}
    todo = []
    for s in scenes:
        if is_complete(s, verify):
            entries[s.line] = {"line": s.line, "name": s.name, "outputs": s.outputs, "status": "skipped",
                               "seconds": 0.0, "worker": None, "error": None}
        else:
            todo.append(s)
    report = {"algorithm": algorithm, "manifest": os.path.abspath(os.fspath(manifest_csv)),
              "scheduler": scheduler, "workers": None, "threads_per_worker": None,
              "common": {k: str(v) for k, v in (common or {}).items()}}
    if not todo:
        echo(f"Nothing to do: the outputs of all {len(scenes)} scene(s) are complete (their "
             f"{SIDECAR_SUFFIX} sidecars match).")
        return _finish(report, scenes, entries, t0, report_path, echo)
    if len(todo) < len(scenes):
        echo(f"{len(scenes) - len(todo)} of {len(scenes)} scene(s) already complete; running {len(todo)}.")
    removed = clean_stale_temporaries([o for s in todo for o in s.outputs])
    if removed:
        echo(f"Removed {len(removed)} temporary file(s) of an interrupted run.")
    client, cluster = connect(scheduler, workers, threads_per_worker, echo, processes=processes)
    try:
        info = client.scheduler_info().get("workers", {})
        report["workers"] = len(info)
        report["threads_per_worker"] = sorted({int(w.get("nthreads", 1)) for w in info.values()}) or None
        torch_needed = _benefits_from_gpu(spec)
        resources = {"GPU": 1} if torch_needed and cluster_has_gpus(client) else None
        if resources:
            echo("The cluster declares GPU workers; the scenes run on them.")
        futures = {}
        for s in todo:
            fut = client.submit(run_scene, algorithm, s, run_function, torch_needed, pure=False,
                                retries=int(retries), resources=resources,
                                key=f"fusediff-{algorithm}-line{s.line}-{os.urandom(4).hex()}")
            futures[fut] = s
        _collect(futures, entries, progress, echo, ctx)
    finally:
        try:
            client.close()
        finally:
            if cluster is not None:
                cluster.close()  # its workers are gone: their temporaries are stale
                clean_stale_temporaries([o for s in todo for o in s.outputs])
    clean_stale_temporaries([o for s in todo for o in s.outputs])
    return _finish(report, scenes, entries, t0, report_path, echo)


def _collect(futures: dict, entries: dict, progress: bool, echo, ctx=None) -> None:
    """Wait for the scene futures, filling ``entries``; one progress bar over the scenes.
    ``ctx``: also report to its progress; on its cancel, cancel the scenes not finished."""
    from distributed import as_completed
    bar = None
    if progress and sys.stderr.isatty():  # on a terminal a bar; otherwise (logs, pipes) plain lines
        try:
            from tqdm import tqdm
            bar = tqdm(total=len(futures), unit="scene", desc="fusediff batch", file=sys.stderr)
        except ImportError:
            bar = None
    say = (bar.write if bar is not None else echo)
    finished = 0
    t0 = time.perf_counter()
    # as_completed follows the futures on the loop of *their* client: by default it takes the
    # process's default client's loop, and when that client (another one) closed, the batch waited
    # forever for scenes that were done
    loop = next(iter(futures)).client.loop
    for fut in _poll(as_completed(list(futures), loop=loop), ctx, futures):
        finished += 1
        s = futures[fut]
        try:
            entry = fut.result()
        except Exception as exc:  # noqa: BLE001 (a bug, a worker that died too often, ...)
            entry = {"line": s.line, "name": s.name, "outputs": s.outputs, "status": "failed",
                     "seconds": None, "worker": None, "error": _task_error(exc)}
        entries[s.line] = entry
        if entry["status"] == "failed":
            say(f"FAILED line {s.line} ({s.name}): {entry['error']}")
        if bar is not None:
            bar.update(1)
        elif progress:
            echo(f"{finished}/{len(futures)} scene(s) finished{_eta(time.perf_counter() - t0, finished, len(futures))}")
        if ctx is not None:
            ctx.progress(finished / len(futures), f"{finished}/{len(futures)} scene(s) finished")
    if bar is not None:
        bar.close()


def _eta(elapsed: float, done: int, total: int) -> str:
    """', ~3 min left' from the mean time per finished scene ('' when all are done)."""
    if done <= 0 or done >= total:
        return ""
    left = elapsed / done * (total - done)
    return f", ~{int(round(left / 60))} min left" if left >= 90 else f", ~{max(1, int(round(left)))} s left"


def _poll(pending, ctx, futures):
    """Futures of ``pending`` (an as_completed) as they finish; with a ``ctx``, checks its cancel
    every half second and then cancels every scene not yet finished (raises Cancelled)."""
    if ctx is None:
        yield from pending
        return
    while True:
        if ctx.is_cancelled():
            for f in futures:
                f.cancel()
            raise Cancelled("cancelled by the user")
        if pending.is_empty():
            return
        done = pending.next_batch(block=False)
        if not done:
            time.sleep(0.5)
            continue
        for f in done:
            yield f


def _task_error(exc: BaseException) -> str:
    name = type(exc).__name__
    if name == "KilledWorker":
        return ("The workers running this scene died repeatedly (out of memory, or killed); run it "
                "alone or on workers with more memory.")
    if isinstance(exc, UserError):
        return str(exc)
    return f"Unexpected error {name}: {exc}"


def _finish(report: dict, scenes: list, entries: dict, t0: float, report_path: str, echo) -> dict:
    report["scenes"] = [entries[s.line] for s in scenes]
    counts = {"done": 0, "skipped": 0, "failed": 0}
    for e in report["scenes"]:
        counts[e["status"]] = counts.get(e["status"], 0) + 1
    report["counts"] = counts
    report["seconds"] = round(time.perf_counter() - t0, 3)
    report["report"] = report_path
    try:
        _write_json_atomic(report_path, report)
    except OSError as exc:
        echo(f"Cannot write the report '{report_path}' ({exc}).")
    echo(f"{counts['done']} scene(s) fused, {counts['skipped']} already complete, {counts['failed']} "
         f"failed in {report['seconds']:.1f} s; report: {report_path}")
    return report


# --------------------------------------------------------------------------
# command line: fusediff batch ALGORITHM MANIFEST.csv [options] [--NAME=value ...]
# --------------------------------------------------------------------------

BATCH_USAGE = ("fusediff batch ALGORITHM MANIFEST.csv [--scheduler ADDRESS] [--workers N] "
               "[--threads-per-worker T] [--report FILE] [--retries K] [--no-progress] [--verify] "
               "[--NAME=value ...]")


def parse_batch_args(argv: Sequence[str]):
    """(argparse namespace, common values {NAME: value}) from ``fusediff batch`` arguments."""
    parser = argparse.ArgumentParser(
        prog="fusediff batch", usage=BATCH_USAGE,
        description="Fuse every scene of a CSV manifest (header: the algorithm's parameter names) on a "
                    "Dask cluster; --NAME=value sets a parameter for every row.")
    parser.add_argument("algorithm")
    parser.add_argument("manifest")
    parser.add_argument("--scheduler", default=None, help="address of a running Dask scheduler "
                        "(default: a local cluster on this machine)")
    parser.add_argument("--workers", type=int, default=None, help="local cluster: worker processes")
    parser.add_argument("--threads-per-worker", type=int, default=None, help="local cluster: threads per worker")
    parser.add_argument("--report", default=None, help="JSON run report (default: MANIFEST.report.json)")
    parser.add_argument("--retries", type=int, default=RETRIES)
    parser.add_argument("--no-progress", action="store_true")
    parser.add_argument("--verify", action="store_true", help="recompute the checksum of every existing "
                        "output before skipping its scene")
    args, rest = parser.parse_known_args(list(argv))
    common = {}
    i = 0
    while i < len(rest):
        item = rest[i]
        if not item.startswith("--") or item == "--":
            parser.error(f"unexpected argument {item!r}")
        name, eq, value = item[2:].partition("=")
        if not eq:
            if i + 1 >= len(rest):
                parser.error(f"{item} needs a value ({item}=VALUE)")
            value = rest[i + 1]
            i += 1
        common[name] = value
        i += 1
    return args, common


def batch_command(argv: Sequence[str], run_function=None, spec=None) -> int:
    """``fusediff batch ...``: 0 when every scene is done or skipped; 1 when any scene failed or
    the manifest is unusable (the sentence on stderr); 2 for a command-line mistake."""
    try:
        args, common = parse_batch_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        report = batch(args.algorithm, args.manifest, scheduler=args.scheduler, workers=args.workers,
                       threads_per_worker=args.threads_per_worker, common=common,
                       progress=not args.no_progress, report_path=args.report, retries=args.retries,
                       run_function=run_function, spec=spec, verify=args.verify)
    except UserError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        # a local cluster is closed and its temporaries removed; finished scenes keep their sidecars
        print("Interrupted: the scenes finished so far are kept; run the same command again to do the "
              "others.", file=sys.stderr)
        return 130
    return 1 if report["counts"]["failed"] else 0
