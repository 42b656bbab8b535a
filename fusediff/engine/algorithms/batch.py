"""`fusediff:batch`: run one FuseDiff algorithm on every scene of a CSV manifest, on this machine's
cores or on a Dask cluster (`engine.batch`). Imports no dask until it runs."""
from __future__ import annotations

from ..params import AlgorithmSpec, Param

#: Algorithms a batch can run (every algorithm but the batch itself).
BATCH_ALGORITHMS = ("prepare_product", "classical", "simulate", "assess", "respandiff", "ksdiff", "dmzs", "sdp",
                    "argsdiff", "sentinel2", "train")

HELP = (
    "<p>Runs one FuseDiff algorithm on every scene listed in a CSV manifest, in parallel on this "
    "computer's cores or on a Dask cluster (SLURM, Kubernetes, ...), so that a campaign of many "
    "scenes does not run one after another.</p>"
    "<p><b>MANIFEST</b>: a CSV file whose first line names parameters of the algorithm, exactly as "
    "in its dialog's 'Advanced / Copy as qgis_process command' (e.g. <code>MS,PAN,OUTPUT</code>, plus "
    "any per-scene setting); each further line is one scene. Relative paths are relative to the "
    "manifest's folder. <b>SETTINGS</b>: values for every scene, as <code>NAME=value</code> separated "
    "by semicolons (e.g. <code>STEPS=4;DEVICE=cpu</code>); a scene's own cell wins.</p>"
    "<p><b>SCHEDULER</b>: the address of a running Dask scheduler (e.g. "
    "<code>tcp://cluster-head:8786</code>); empty: WORKERS processes of THREADS_PER_WORKER threads on "
    "this computer. Workers must see the input and output files at the same paths and need FuseDiff "
    "installed (<code>pip install fusediff[dask]</code>).</p>"
    "<p>A scene whose output is already complete (a <code>.fusediff.json</code> file next to it "
    "records the parameters and a checksum) is skipped, so an interrupted campaign resumes where it "
    "stopped. A scene that fails (a missing file, wrong bands) fails alone: the others complete. "
    "<b>REPORT</b>: a JSON file with each scene's status, seconds, worker and error.</p>"
    "<p>Inputs, bands, ratio and radiometric units: as the chosen algorithm expects (see its help); "
    "each scene is checked and fused exactly as a run of that algorithm.</p>"
    "<p>Runtime: about the sum of the scenes' runtimes divided by the number of workers (plus a few "
    "seconds to start them); measured with 2 single-threaded workers on 2 cores in bench/scale.md. "
    "GPU: scenes of the PyTorch methods run on workers that declare a GPU "
    "(<code>dask worker --resources GPU=1</code>), on the CPU workers otherwise. Set up clusters as "
    "in docs/clusters.md.</p>"
    "<p>Requires the Python packages dask and distributed (<code>pip install fusediff[dask]</code>).</p>"
    "<p>Reference: Rocklin, Dask: Parallel computation with blocked algorithms and task scheduling, "
    "Proceedings of the 14th Python in Science Conference (SciPy 2015).</p>")

SPEC = AlgorithmSpec(
    name="batch", display_name="Batch: many scenes on a Dask cluster",
    group="Batch and clusters", group_id="batch", help=HELP, run=f"{__name__}:run", needs=("dask", "distributed"),
    # the README section on large scenes (README.md is the lead's; docs/clusters.md has the details)
    help_anchor="large-scenes-devices-and-languages",
    params=(
        Param("ALGORITHM", "enum", "Algorithm to run on every scene", choices=BATCH_ALGORITHMS,
              default=BATCH_ALGORITHMS.index("ksdiff")),
        Param("MANIFEST", "file", "Manifest (CSV: a header of parameter names, one scene per line)",
              extension="csv"),
        Param("SETTINGS", "string", "Settings for every scene (NAME=value;NAME=value)", optional=True),
        Param("SCHEDULER", "string", "Dask scheduler address (empty: this computer)", optional=True),
        Param("WORKERS", "int", "Worker processes on this computer (0: one per core)", default=0, minimum=0,
              advanced=True),
        Param("THREADS_PER_WORKER", "int", "Threads per worker on this computer", default=1, minimum=1,
              advanced=True),
        Param("REPORT", "file_out", "Run report (JSON)", extension="json"),
    ))


def parse_settings(text) -> dict:
    """'NAME=value;NAME=value' -> {NAME: value}; UserError for an item without '='."""
    from ..errors import UserError
    out = {}
    for item in (text or "").replace("\n", ";").split(";"):
        item = item.strip()
        if not item:
            continue
        name, eq, value = item.partition("=")
        if not eq or not name.strip():
            raise UserError(f"Incorrect value for SETTINGS: '{item}' is not NAME=value (separate settings "
                            f"with semicolons, e.g. STEPS=4;DEVICE=cpu).")
        out[name.strip()] = value.strip()
    return out


def run(values: dict, ctx) -> dict:
    """Run the batch; the report's path as REPORT. Fails (UserError) when any scene failed, after
    all the others are done, naming the failed lines."""
    import os
    import sys

    from ..batch import batch
    from ..errors import UserError
    algorithm = BATCH_ALGORITHMS[int(values["ALGORITHM"])]
    # Inside QGIS, sys.executable is QGIS itself, which cannot start worker processes: threads then.
    processes = os.path.basename(sys.executable).lower().startswith("python")
    report = batch(algorithm, values["MANIFEST"], scheduler=values.get("SCHEDULER") or None,
                   workers=values.get("WORKERS") or None, threads_per_worker=values.get("THREADS_PER_WORKER"),
                   common=parse_settings(values.get("SETTINGS")), progress=False,
                   report_path=values["REPORT"], echo=ctx.info, ctx=ctx, processes=processes)
    failed = [e for e in report["scenes"] if e["status"] == "failed"]
    for e in failed:
        ctx.warning(f"Line {e['line']} ({e['name']}): {e['error']}")
    if failed:
        raise UserError(f"{len(failed)} of {len(report['scenes'])} scene(s) failed (manifest line(s) "
                        f"{', '.join(str(e['line']) for e in failed)}); the others are done. See the "
                        f"report '{report['report']}'.")
    return {"REPORT": report["report"]}
