"""Batches of scenes and one scene split over the workers of a Dask cluster (issue 22).

Real Landsat-7 crops (128 x 128 PAN, 64 x 64 MS, from ../shared/data or $FUSEDIFF_DATA; skipped
without it) fused with `fusediff:classical` (GSA) and KSDiff through the engine's run_algorithm, on
a LocalCluster of 2 single-threaded workers and on an external `dask scheduler` + 2 `dask worker`
processes on 127.0.0.1 (one SIGKILLed mid-batch).
"""
from __future__ import annotations

import glob
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("distributed")
rasterio = pytest.importorskip("rasterio")

import scenes  # noqa: E402
from conftest import SHARED_DATA  # noqa: E402

from fusediff.engine import batch as batchmod  # noqa: E402
from fusediff.engine.context import RunContext  # noqa: E402
from fusediff.engine.errors import UserError  # noqa: E402

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
PAN_SIZE = 128


def _shared() -> Path:
    root = Path(os.environ.get("FUSEDIFF_DATA") or SHARED_DATA)  # conftest: $FUSEDIFF_SHARED_DATA
    p = root / "pansharpening" / "landsat7"
    if not p.exists():
        pytest.skip(f"shared data not available: {p}")
    return p


def _engine():
    """(run_function, spec) of fusediff:classical through the engine."""
    from fusediff.engine.registry import get_spec
    from fusediff.engine.run import run_algorithm
    return run_algorithm, get_spec("classical")


def write_l7(folder: Path, scene: str, size: int = PAN_SIZE):
    """(ms, pan) GeoTIFFs of Landsat-7 scene ``scene``: PAN size x size, MS B, G, R, NIR."""
    from scipy.io import loadmat
    root = _shared()
    pan = loadmat(root / f"{scene}_pan.mat")["cropped_gray"][:size, :size].astype(np.float32)
    ms = loadmat(root / f"{scene}_ms.mat")["cropped_im"][:size // 2, :size // 2, [2, 1, 0, 3]]
    th = scenes.high_transform(pixel=15.0)
    return (scenes.write(folder / f"l7_{scene}_ms.tif", np.transpose(ms, (2, 0, 1)).astype(np.float32),
                         th * rasterio.Affine.scale(2)),
            scenes.write(folder / f"l7_{scene}_pan.tif", pan, th))


@pytest.fixture(scope="module")
def l7(tmp_path_factory):
    """4 Landsat-7 pairs in one folder: [(ms, pan), ...]."""
    folder = tmp_path_factory.mktemp("l7")
    return folder, [write_l7(folder, f"{i:02d}") for i in (1, 2, 3, 4)]


def _manifest(path: Path, rows, header=("MS", "PAN", "OUTPUT")) -> Path:
    with open(path, "w") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(r) + "\n")
    return path


def _read(path):
    with rasterio.open(path) as ds:
        return ds.read().astype(np.float64)


def _rel(a, b) -> float:
    return float(np.max(np.abs(a - b)) / np.max(np.abs(b)))


def _single(run, folder: Path, ms: str, pan: str, name: str, **extra) -> np.ndarray:
    """The single-process output of one scene (run in this process)."""
    out = folder / name
    run("classical", {"MS": ms, "PAN": pan, "OUTPUT": str(out), **extra}, RunContext(threads=1))
    return _read(out)


def _leftovers(folder: Path) -> list:
    return sorted(p for p in glob.glob(str(folder / ".*")))


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster of 2 single-threaded worker processes (shared by the tests that pass its
    address as the scheduler)."""
    import logging

    import distributed
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                  silence_logs=logging.ERROR) as c:
        yield c


def test_batch_local_cluster_equals_single_runs_and_rerun_does_nothing(tmp_path, l7, monkeypatch, capfd):
    """`fusediff batch` on a LocalCluster (2 workers x 1 thread) equals `fusediff run` on each scene;
    re-running it (fusediff.batch) does no work and starts no cluster."""
    _run, spec = _engine()
    folder, pairs = l7
    out = tmp_path / "out"
    out.mkdir()
    manifest = _manifest(tmp_path / "scenes.csv",
                         [(ms, pan, str(out / f"fused_{i}.tif")) for i, (ms, pan) in enumerate(pairs)])
    from fusediff import cli
    assert cli.main(["batch", "classical", str(manifest), "--workers", "2", "--threads-per-worker", "1",
                     "--METHOD=1"]) == 0
    report = json.loads((tmp_path / "scenes.report.json").read_text())
    assert report["counts"] == {"done": 4, "skipped": 0, "failed": 0}, report
    assert report["workers"] == 2 and report["threads_per_worker"] == [1]
    assert all(e["threads"] == 1 and e["worker"] for e in report["scenes"])
    ref_dir = tmp_path / "ref"
    ref_dir.mkdir()
    for i, (ms, pan) in enumerate(pairs):  # `fusediff run` on each scene
        assert cli.main(["run", "classical", f"--MS={ms}", f"--PAN={pan}", "--METHOD=1", "--threads=1",
                         f"--OUTPUT={ref_dir / f'one_{i}.tif'}"]) == 0
        one = _read(ref_dir / f"one_{i}.tif")
        got = _read(out / f"fused_{i}.tif")
        assert got.shape == one.shape and _rel(got, one) <= 1e-5
        side = json.loads((out / f"fused_{i}.tif.fusediff.json").read_text())
        assert side["checksum"].startswith("sha256:") and side["parameters"]["METHOD"] == 1
    assert _leftovers(out) == []
    err = capfd.readouterr().err
    assert "1/4 scene(s) finished, ~" in err and "4/4 scene(s) finished" in err  # progress lines with ETA

    # a finished batch: nothing to do, found from the sidecars before any cluster starts
    def no_cluster(*a, **k):
        raise AssertionError("a cluster was started")

    monkeypatch.setattr(batchmod, "connect", no_cluster)
    mtimes = [os.stat(out / f"fused_{i}.tif").st_mtime_ns for i in range(4)]
    import fusediff
    again = fusediff.batch("classical", str(manifest), METHOD=1)
    assert again["counts"] == {"done": 0, "skipped": 4, "failed": 0}
    assert mtimes == [os.stat(out / f"fused_{i}.tif").st_mtime_ns for i in range(4)]
    # another setting is another output: not skipped
    changed = batchmod.read_manifest(manifest, spec, {"METHOD": "0"})
    assert not any(batchmod.is_complete(s) for s in changed)
    # a corrupted output is not complete; a copy with another time but the same bytes is
    scenes_ = batchmod.read_manifest(manifest, spec, {"METHOD": "1"})
    with open(out / "fused_0.tif", "r+b") as f:
        f.seek(-8, 2)
        f.write(b"\0" * 8)
    os.utime(out / "fused_1.tif", ns=(1, 1))
    assert [batchmod.is_complete(s) for s in scenes_] == [False, True, True, True]
    st = os.stat(out / "fused_0.tif")
    side = json.loads((out / "fused_0.tif.fusediff.json").read_text())
    os.utime(out / "fused_0.tif", ns=(st.st_atime_ns, side["mtime_ns"]))  # same size and time: only --verify sees it
    assert batchmod.is_complete(scenes_[0]) and not batchmod.is_complete(scenes_[0], verify=True)


def test_bad_rows_fail_alone(tmp_path, l7, cluster, capfd):
    run, spec = _engine()
    folder, pairs = l7
    one_band = scenes.write(tmp_path / "one_band_ms.tif", _read(pairs[0][0])[:1],
                            scenes.high_transform(pixel=15.0) * rasterio.Affine.scale(2))
    missing = str(tmp_path / "no_such_ms.tif")
    out = tmp_path / "out"
    out.mkdir()
    manifest = _manifest(tmp_path / "bad.csv", [
        (pairs[0][0], pairs[0][1], str(out / "good_0.tif")),
        (missing, pairs[1][1], str(out / "missing.tif")),
        (one_band, pairs[2][1], str(out / "one_band.tif")),
        (pairs[3][0], pairs[3][1], str(out / "good_3.tif")),
    ])
    code = batchmod.batch_command(["classical", str(manifest), "--scheduler", cluster.scheduler_address,
                                   "--METHOD=1", "--no-progress"], run_function=run, spec=spec)
    assert code == 1
    report = json.loads((tmp_path / "bad.report.json").read_text())
    assert [e["status"] for e in report["scenes"]] == ["done", "failed", "failed", "done"]
    err = capfd.readouterr().err
    for line, path, name in ((3, missing, "missing.tif"), (4, one_band, "one_band.tif")):
        # the sentence a user of the single algorithm gets, naming the file
        with pytest.raises(UserError) as info:
            run("classical", {"MS": path, "PAN": pairs[0][1], "OUTPUT": str(tmp_path / name), "METHOD": 1},
                RunContext(threads=1))
        sentence = str(info.value)
        assert os.path.basename(path) in sentence
        entry = report["scenes"][line - 2]
        assert entry["line"] == line and entry["error"] == sentence
        assert f"FAILED line {line}" in err and sentence in err
        assert not (out / name).exists()
    assert (out / "good_0.tif").exists() and (out / "good_3.tif").exists()
    assert _leftovers(out) == []
    # the QGIS algorithm fusediff:batch: the good scenes are complete, the bad ones fail again
    from fusediff.engine.run import run_algorithm
    warnings = []
    with pytest.raises(UserError, match=r"2 of 4 scene\(s\) failed \(manifest line\(s\) 3, 4\)"):
        run_algorithm("batch", {"ALGORITHM": "classical", "MANIFEST": str(manifest), "SETTINGS": "METHOD=1",
                                "SCHEDULER": cluster.scheduler_address, "REPORT": str(tmp_path / "q.json")},
                      RunContext(warning=warnings.append))
    report = json.loads((tmp_path / "q.json").read_text())
    assert [e["status"] for e in report["scenes"]] == ["skipped", "failed", "failed", "skipped"]
    assert len(warnings) == 2 and os.path.basename(missing) in warnings[0]


def test_bad_manifest_is_one_sentence(tmp_path):
    _run, spec = _engine()
    m = _manifest(tmp_path / "m.csv", [("a.tif", "b.tif", "o.tif")], header=("MS", "PANN", "OUTPUT"))
    with pytest.raises(UserError, match="PANN"):
        batchmod.read_manifest(m, spec)
    m = _manifest(tmp_path / "m.csv", [("a.tif", "b.tif", "o.tif"), ("c.tif", "d.tif", "o.tif")])
    with pytest.raises(UserError, match="both write"):
        batchmod.read_manifest(m, spec)
    # relative paths are relative to the manifest's folder
    m = _manifest(tmp_path / "m.csv", [("a.tif", "b.tif", "o.tif")])
    s = batchmod.read_manifest(m, spec, {"METHOD": "2"})[0]
    assert s.values["MS"] == str(tmp_path / "a.tif") and s.values["METHOD"] == "2"
    assert s.outputs == [str(tmp_path / "o.tif")]
    args, common = batchmod.parse_batch_args(["ksdiff", "m.csv", "--workers", "2", "--STEPS=4", "--DEVICE", "cpu"])
    assert args.workers == 2 and common == {"STEPS": "4", "DEVICE": "cpu"}


def test_dask_missing_is_one_sentence(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(UserError, match=r"pip install fusediff\[dask\]"):
        batchmod.require_dask()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _worker_count(address: str) -> int:
    import distributed
    with distributed.Client(address, timeout="10s") as c:
        return len(c.scheduler_info()["workers"])


def test_external_cluster_survives_a_killed_worker(tmp_path, l7):
    """`dask scheduler` + 2 `dask worker` on 127.0.0.1; one worker (nanny included) SIGKILLed while
    it writes a scene: the batch completes, outputs equal the single-process ones, no temporary
    file is left."""
    import distributed
    run, spec = _engine()
    extra = {"METHOD": "1"}
    slow_run = "batch_helpers:slow_run"  # waits about 1 s while each output's temporary file exists
    folder, pairs = l7
    out = tmp_path / "out"
    out.mkdir()
    manifest = _manifest(tmp_path / "kill.csv",
                         [(ms, pan, str(out / f"fused_{i}.tif")) for i, (ms, pan) in enumerate(pairs)])
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(TESTS), str(ROOT)]), OMP_NUM_THREADS="1",
               DASK_DISTRIBUTED__WORKER__DAEMON="True")
    dask_cli = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    procs = []
    try:
        procs.append(subprocess.Popen(dask_cli + ["--host", "127.0.0.1", "--port", str(port),
                                                  "--dashboard-address", "127.0.0.1:0", "--no-show"],
                                      env=env, start_new_session=True, cwd=tmp_path,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        workers = []
        for _ in range(2):
            p = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
                                  "--nworkers", "1", "--host", "127.0.0.1", "--no-dashboard",
                                  "--death-timeout", "60"],
                                 env=env, start_new_session=True, cwd=tmp_path,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            procs.append(p)
            workers.append(p)
        deadline = time.time() + 90
        while True:
            try:
                if _worker_count(address) == 2:
                    break
            except OSError:
                pass
            assert time.time() < deadline, "the external workers did not start in 90 s"
            time.sleep(0.5)
        result = {}

        def go():
            try:
                result["report"] = batchmod.batch("classical", manifest, scheduler=address, common=extra,
                                                  progress=False, run_function=slow_run, spec=spec)
            except BaseException as exc:  # noqa: BLE001
                result["error"] = exc

        thread = threading.Thread(target=go, daemon=True)  # a hung batch must not keep pytest alive
        # wait until a scene is being written (its temporary GeoTIFF exists), then kill the worker
        # process group (nanny and worker) that runs it. This test's client is the process's
        # default client while the batch runs (the batch does not make its own client the default)
        # and closes before the batch ends: the batch must follow its scenes on its own client's
        # loop. It used the default client's, and waited forever once that client had closed (2 of
        # 8 full runs of this file, when this client was created between the batch's and its wait).
        victim = None
        with distributed.Client(address, timeout="10s") as c:
            thread.start()
            deadline = time.time() + 60
            while victim is None:
                assert time.time() < deadline, "no scene started writing in 60 s"
                if glob.glob(str(out / ".*.tmp.tif")):
                    busy = [w for w, keys in c.processing().items() if keys]
                    pids = c.run(os.getpid, workers=busy) if busy else {}
                    for w in workers:
                        hit = [pid for pid in pids.values() if os.getpgid(pid) == w.pid]
                        if hit:
                            victim, victim_pid = w, hit[0]
                            writing = {os.path.basename(p).split(".")[1] + ".tif"
                                       for p in glob.glob(str(out / ".*.tmp.tif"))}
                            break
                time.sleep(0.05)
            os.killpg(victim.pid, signal.SIGKILL)
            victim.wait(10)
        thread.join(240)
        if thread.is_alive():  # say what the cluster was doing
            with distributed.Client(address, timeout="10s") as c:
                states = c.run_on_scheduler(lambda dask_scheduler: {
                    k: (ts.state, [w.address for w in ts.who_has or ()], ts.processing_on and ts.processing_on.address)
                    for k, ts in dask_scheduler.tasks.items()})
                live = list(c.scheduler_info()["workers"])
            pytest.fail(f"the batch did not finish in 240 s after the kill; workers {live}, tasks {states}")
        assert "error" not in result, result.get("error")
        report = result["report"]
        assert report["counts"] == {"done": 4, "skipped": 0, "failed": 0}, report
        print(json.dumps(report["scenes"], indent=1), victim_pid, writing)
        # the scenes were finished by the surviving worker, including the one being written
        assert victim_pid not in {e["pid"] for e in report["scenes"]}
        assert writing and all(len({e["worker"] for e in report["scenes"]
                                    if e["name"] == name}) == 1 for name in writing)
    finally:
        for p in procs:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            p.wait(10)
    ref_dir = tmp_path / "ref"
    ref_dir.mkdir()
    for i, (ms, pan) in enumerate(pairs):
        one = _single(run, ref_dir, ms, pan, f"one_{i}.tif", METHOD=1)
        assert _rel(_read(out / f"fused_{i}.tif"), one) <= 1e-5
    assert _leftovers(out) == [], _leftovers(out)


@pytest.mark.parametrize("algorithm", ["classical", "ksdiff"])
def test_one_scene_split_over_two_workers(tmp_path, cluster, monkeypatch, capfd, algorithm):
    """`run --scheduler`: learn once here, rows of tiles on 2 workers, blended into one GeoTIFF,
    equal to the single-machine tiled run (the tolerance of test_tiling.py's tiled-vs-untiled
    test of a local method: rtol 1e-5); KSDiff's learnt state goes to the workers."""
    import dataclasses

    from fusediff.engine import distributed_scene as ds
    from fusediff.engine import methods
    from fusediff.engine.run import run_algorithm
    from fusediff.engine.tiling import Tiling
    if algorithm == "ksdiff":
        pytest.importorskip("torch")
    # small tiles so that a 256 x 256 scene has several rows of tiles (the plan is made here)
    monkeypatch.setitem(methods.METHODS, algorithm,
                        dataclasses.replace(methods.METHODS[algorithm], tiling=Tiling(96, 16, 32)))
    ms, pan = write_l7(tmp_path, "05", size=256)
    values = {"MS": ms, "PAN": pan}
    run_algorithm(algorithm, {**values, "OUTPUT": str(tmp_path / "local.tif")}, RunContext(threads=1))
    with_cluster = []
    real = ds.fuse_on_cluster

    def spy(*a, **k):
        with_cluster.append(real(*a, **k))
        return with_cluster[-1]

    monkeypatch.setattr(ds, "fuse_on_cluster", spy)
    out = str(tmp_path / "cluster.tif")
    if algorithm == "classical":  # the command line
        from fusediff import cli
        assert cli.main(["run", algorithm, f"--MS={ms}", f"--PAN={pan}", f"--OUTPUT={out}", "--threads=1",
                         "--scheduler", cluster.scheduler_address]) == 0
        lines = capfd.readouterr().err.splitlines()
    else:  # Python
        import fusediff
        fusediff.run(algorithm, threads=1, scheduler=cluster.scheduler_address, OUTPUT=out, **values)
    assert with_cluster and with_cluster[0]["rows"] >= 3 and len(with_cluster[0]["workers"]) == 2
    assert algorithm != "classical" or any("on the Dask cluster" in line for line in lines), lines
    local, split = _read(tmp_path / "local.tif"), _read(tmp_path / "cluster.tif")
    assert local.shape == split.shape == (4, 256, 256)
    assert np.allclose(split, local, rtol=1e-5, atol=1e-5 * local.max()), np.abs(split - local).max()
    assert _leftovers(tmp_path) == []
    with rasterio.open(tmp_path / "local.tif") as a, rasterio.open(tmp_path / "cluster.tif") as b:
        assert a.transform == b.transform and a.crs == b.crs and a.descriptions == b.descriptions


def test_batch_spec():
    from fusediff.engine.algorithms import batch as spec_module
    from fusediff.engine.params import resolve
    from fusediff.engine.registry import ALGORITHM_NAMES, get_spec
    assert "batch" in ALGORITHM_NAMES and get_spec("fusediff:batch") is spec_module.SPEC
    assert set(spec_module.BATCH_ALGORITHMS) == set(ALGORITHM_NAMES) - {"batch"}
    v = resolve(spec_module.SPEC, {"ALGORITHM": "ksdiff", "MANIFEST": "m.csv", "REPORT": "r.json",
                                   "SETTINGS": "STEPS=4; DEVICE=cpu"})
    assert spec_module.BATCH_ALGORITHMS[v["ALGORITHM"]] == "ksdiff" and v["WORKERS"] == 0
    assert spec_module.parse_settings(v["SETTINGS"]) == {"STEPS": "4", "DEVICE": "cpu"}
    with pytest.raises(UserError, match="NAME=value"):
        spec_module.parse_settings("STEPS")


def test_gpu_resource_only_when_declared(cluster, tmp_path, monkeypatch):
    import distributed
    from fusediff.engine.registry import get_spec
    with distributed.Client(cluster.scheduler_address) as c:
        assert not batchmod.cluster_has_gpus(c)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0",
                                  resources={"GPU": 1}) as gpu, distributed.Client(gpu) as c:
        assert batchmod.cluster_has_gpus(c)
    assert batchmod._benefits_from_gpu(get_spec("ksdiff")) and not batchmod._benefits_from_gpu(get_spec("classical"))
    # an address where no scheduler listens: one sentence
    monkeypatch.setattr(batchmod, "CONNECT_TIMEOUT", "2s")
    with pytest.raises(UserError, match="Cannot connect to the Dask scheduler"):
        batchmod.connect(f"tcp://127.0.0.1:{_free_port()}")


@pytest.mark.qgis
def test_qgis_batch_algorithm(qgis_app, tmp_path, l7, cluster):
    """fusediff:batch in QGIS (processing.run): manifest + algorithm + scheduler address."""
    from qgis_run import processing_error, run
    folder, pairs = l7
    manifest = _manifest(tmp_path / "q.csv", [(pairs[0][0], pairs[0][1], str(tmp_path / "a.tif")),
                                              (str(tmp_path / "none.tif"), pairs[1][1], str(tmp_path / "b.tif"))])
    from fusediff.engine.algorithms.batch import BATCH_ALGORITHMS
    params = {"ALGORITHM": BATCH_ALGORITHMS.index("classical"), "MANIFEST": str(manifest), "SETTINGS": "METHOD=1",
              "SCHEDULER": cluster.scheduler_address, "REPORT": str(tmp_path / "q.json")}
    message = processing_error("fusediff:batch", params)
    assert "1 of 2 scene(s) failed (manifest line(s) 3)" in message
    assert (tmp_path / "a.tif").exists() and not (tmp_path / "b.tif").exists()
    manifest.write_text(manifest.read_text().splitlines()[0] + "\n" + manifest.read_text().splitlines()[1] + "\n")
    result = run("fusediff:batch", params)  # the complete scene is skipped
    assert result["REPORT"] == str(tmp_path / "q.json")
    assert json.loads((tmp_path / "q.json").read_text())["counts"] == {"done": 0, "skipped": 1, "failed": 0}
