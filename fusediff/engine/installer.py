"""Install what FuseDiff needs into a FuseDiff-owned folder (no admin rights), with pip.

Used by the QGIS algorithm ``fusediff:install_dependencies`` and the plugin's menu actions;
nothing here imports QGIS (the folder's location is passed in).

- The folder: ``<QGIS profile>/python/fusediff-deps-py<major><minor>`` (`deps_folder`; one per
  Python version, since wheels are built per version), or ``$FUSEDIFF_DEPS_DIR``. The plugin
  puts it first on ``sys.path`` when it loads (`activate`), before anything imports torch.
  Deleting it (`remove`) returns to the start.
- What: the pinned versions (`fusediff.engine.dependencies.PACKAGES`) of the needed modules that
  are missing or broken. ``rasterio`` is not installed where GDAL's own bindings work (every
  QGIS): the raster layer then uses ``osgeo.gdal``, so no second GDAL/PROJ is loaded next to
  QGIS's. Dask only when asked. Packages QGIS ships (`NEVER_INSTALL`: NumPy, GDAL, PyQt...) are
  never installed, even when a package asks for them: pip first resolves the set
  (``--dry-run --report``), those are dropped, and the rest is installed with ``--no-deps``.
- How: ``<QGIS's python> -m pip install --target <staging> ...``, then the staging folder is
  moved into the deps folder (a failed or cancelled install leaves the folder as it was).
  QGIS's own Python is found by `find_python` (sys.executable is the QGIS program on Windows
  and macOS).
- From where: pip's configured index by default; ``source`` may name a folder of wheels
  (``--no-index --find-links``) or another index URL (``--index-url``). Which PyTorch build:
  `detect_device` (an NVIDIA driver: nvidia-smi or the driver files; Apple silicon: MPS); where
  the source offers several builds of the pinned version (e.g. ``+cpu`` and ``+cu128`` wheels in
  a folder), the one for that device is chosen, otherwise the source's default wheel is used
  (PyPI's: CUDA build on Linux, CPU build on Windows, MPS-capable on macOS). No other host is
  hard-coded.
"""
from __future__ import annotations

import json
import os
import platform
import queue
import re
import shutil
import subprocess  # nosec B404 (runs pip with QGIS's own Python; argument lists, no shell)
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable, Iterable, Optional

from . import dependencies
from .errors import Cancelled, UserError

__all__ = ["FOLDER_NAME", "NEVER_INSTALL", "deps_folder", "activate", "remove", "find_python",
           "detect_device", "plan", "requirements", "source_args", "pip_command", "install"]

FOLDER_NAME = f"fusediff-deps-py{sys.version_info[0]}{sys.version_info[1]}"
#: A file in the deps folder's parent asking `activate` to delete the folder before it is used
#: (Windows cannot delete DLLs a running QGIS has loaded).
REMOVE_MARKER = FOLDER_NAME + ".remove"
#: Distributions QGIS ships (or must not be shadowed): never installed into the deps folder.
NEVER_INSTALL = frozenset({"numpy", "gdal", "pyqt5", "pyqt5-sip", "pyqt5-qt5", "pyqt6", "pyqt6-sip",
                           "pyqt6-qt6", "sip", "qgis"})
TORCH_VERSION = dependencies.PACKAGES["torch"][1][0].split("==")[1]


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


# --------------------------------------------------------------------------------------------
# the folder
# --------------------------------------------------------------------------------------------

def deps_folder(settings_dir: Optional[str] = None) -> Path:
    """``$FUSEDIFF_DEPS_DIR``, else ``<settings_dir>/python/fusediff-deps-pyXY`` (settings_dir:
    QgsApplication.qgisSettingsDirPath(), the QGIS profile folder)."""
    override = os.environ.get("FUSEDIFF_DEPS_DIR")
    if override:
        return Path(override)
    if not settings_dir:
        raise ValueError("the QGIS profile folder is needed to locate the dependencies folder")
    return Path(settings_dir) / "python" / FOLDER_NAME


def activate(folder: Path) -> bool:
    """Put ``folder`` first on sys.path (once), after deleting it if a removal is pending.
    Returns True when the folder exists. Call before anything imports torch."""
    folder = Path(folder)
    marker = folder.parent / REMOVE_MARKER
    if marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            marker.unlink(missing_ok=True)
    path = str(folder)
    if path not in sys.path:
        sys.path.insert(0, path)
    dependencies.forget()
    return folder.is_dir()


def remove(folder: Path) -> str:
    """Delete the deps folder. Returns '' when done, or a sentence when it must wait for a
    restart (files in use, e.g. on Windows after PyTorch was loaded): it is then deleted the
    next time the plugin loads."""
    folder = Path(folder)
    if folder.exists():
        shutil.rmtree(folder, ignore_errors=True)
    dependencies.forget()
    if folder.exists():
        (folder.parent / REMOVE_MARKER).write_text("delete the dependencies folder next to this file\n")
        return (f"Some files in '{folder}' are in use; they will be deleted the next time QGIS "
                f"starts.")
    return ""


# --------------------------------------------------------------------------------------------
# QGIS's Python, the device
# --------------------------------------------------------------------------------------------

def _python_version(exe: str) -> str:
    """'major.minor|sys.version' of an interpreter ('' when it does not run)."""
    try:
        out = subprocess.run(  # nosec B603 (a fixed argument list; exe is an existing file)
            [exe, "-c", "import sys; print('%d.%d|%s' % (sys.version_info[0], sys.version_info[1], sys.version))"],
            capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip().replace("\n", " ") if out.returncode == 0 else ""


def python_candidates() -> list:
    """Where QGIS's own Python interpreter may be, most likely first.

    - ``$FUSEDIFF_PYTHON`` (an explicit choice).
    - In the running Python's prefix (``sys.prefix``, ``sys.exec_prefix``, ``sys.base_prefix``):
      Windows (OSGeo4W, standalone installer), where sys.executable is ``qgis-bin.exe`` (or
      qgis-ltr-bin.exe) in ``<root>/bin``: ``python.exe`` in ``<root>/apps/Python3X``; macOS
      (QGIS.app), where sys.executable is ``QGIS.app/Contents/MacOS/QGIS``:
      ``<prefix>/bin/python3.X`` of the bundled Python.framework; Linux: ``/usr/bin/python3.X``.
    - ``sys.executable`` when it is named like a Python (a plain Python, a venv; embedded in
      QGIS on Linux it is whatever ``python3`` PATH finds, which need not be QGIS's: a pyenv
      shim, a conda python).
    - Next to the QGIS program: ``<root>/bin/python3.exe`` (OSGeo4W), ``Contents/MacOS/bin/python3``.
    - Last, ``python3`` on PATH.
    `find_python` takes the first that runs exactly this Python build (same ``sys.version``),
    else the first of the same major.minor version, so wheels match the QGIS process.
    """
    exe = sys.executable or ""
    names = [f"python{sys.version_info[0]}.{sys.version_info[1]}", "python3", "python"]
    out = []
    if os.environ.get("FUSEDIFF_PYTHON"):
        out.append(os.environ["FUSEDIFF_PYTHON"])
    for prefix in dict.fromkeys([sys.prefix, sys.exec_prefix, sys.base_prefix]):
        if os.name == "nt":
            out += [os.path.join(prefix, "python.exe"), os.path.join(prefix, "python3.exe")]
        else:
            out += [os.path.join(prefix, "bin", n) for n in names]
    if re.match(r"^python[0-9.]*(\.exe)?$", os.path.basename(exe).lower()):
        out.append(exe)
    if exe:
        here = os.path.dirname(exe)
        if os.name == "nt":
            out += [os.path.join(here, "python.exe"), os.path.join(here, "python3.exe")]
        else:
            out += [os.path.join(here, "bin", n) for n in names] + [os.path.join(here, n) for n in names]
    which = shutil.which("python3") or shutil.which("python")
    if which:
        out.append(which)
    return [p for p in dict.fromkeys(out) if p]


def find_python() -> str:
    """QGIS's own Python interpreter (see `python_candidates`), or UserError."""
    want = "%d.%d" % sys.version_info[:2]
    exact = f"{want}|{sys.version}".replace("\n", " ")
    fallback = None
    if os.environ.get("FUSEDIFF_PYTHON"):
        return os.environ["FUSEDIFF_PYTHON"]
    for exe in python_candidates():
        if not os.path.isfile(exe):
            continue
        version = _python_version(exe)
        if version == exact:
            return exe
        if fallback is None and version.split("|")[0] == want:
            fallback = exe
    if fallback:
        return fallback
    raise UserError(f"The Python {want} interpreter of this QGIS was not found next to "
                    f"'{sys.executable}'; set the environment variable FUSEDIFF_PYTHON to its "
                    f"path and run this again.")


def detect_device() -> tuple:
    """('cuda' | 'mps' | 'cpu', why): the PyTorch build that suits this machine."""
    if sys.platform == "darwin":
        if platform.machine() == "arm64":
            return "mps", "Apple silicon (PyTorch's macOS wheel uses its GPU through MPS)"
        return "cpu", "an Intel Mac (no CUDA on macOS)"
    smi = shutil.which("nvidia-smi")
    if smi:
        try:
            out = subprocess.run([smi, "-L"], capture_output=True, text=True,  # nosec B603
                                 timeout=20)
            if out.returncode == 0 and "GPU" in out.stdout:
                return "cuda", "nvidia-smi lists " + out.stdout.strip().splitlines()[0]
        except (OSError, subprocess.SubprocessError):
            pass
    if os.path.exists("/proc/driver/nvidia/version"):
        return "cuda", "an NVIDIA driver is loaded (/proc/driver/nvidia/version)"
    if os.name == "nt" and os.path.exists(os.path.join(os.environ.get("SystemRoot", r"C:\Windows"),
                                                       "System32", "nvcuda.dll")):
        return "cuda", "the NVIDIA CUDA driver (nvcuda.dll) is installed"
    return "cpu", "no NVIDIA driver found"


# --------------------------------------------------------------------------------------------
# what to install, from where
# --------------------------------------------------------------------------------------------

def plan(needs: Iterable[str] = ("torch", "rasterio"), dask: bool = False,
         reinstall: bool = False) -> list:
    """The modules to install: those of ``needs`` (plus dask/distributed when ``dask``) that are
    missing or broken (all of them when ``reinstall``). 'rasterio' only when neither rasterio
    nor GDAL's bindings import (see fusediff.engine.dependencies)."""
    modules = list(dict.fromkeys(list(needs) + (["dask", "distributed"] if dask else [])))
    out = []
    for m in modules:
        if reinstall and m != "rasterio":
            out.append(m)
        elif dependencies.status(m)[0] != "ok":
            out.append(m)
    return out


def source_args(source: str = "") -> list:
    """pip arguments for ``source``: '' -> pip's configured index; a folder -> that folder only
    (--no-index --find-links); an http(s)/file URL -> that index (--index-url)."""
    source = (source or "").strip()
    if not source:
        return []
    if re.match(r"^(https?|file)://", source):
        return ["--index-url", source]
    if os.path.isdir(source):
        return ["--no-index", "--find-links", os.path.abspath(source)]
    raise UserError(f"SOURCE '{source}' is neither a folder of wheels nor an index URL "
                    f"(https://...): leave it empty to use pip's configured index.")


_TORCH_WHEEL = re.compile(r"^torch-(?P<version>[0-9][^-+]*)(\+(?P<local>[^-]+))?-(?P<py>[^-]+)-")


def torch_builds(folder: str) -> list:
    """Local version labels ('' for none, 'cpu', 'cu128'...) of the pinned torch wheels for this
    Python in a wheel folder."""
    py = f"cp{sys.version_info[0]}{sys.version_info[1]}"
    out = []
    for name in sorted(os.listdir(folder)):
        m = _TORCH_WHEEL.match(name)
        if m and name.endswith(".whl") and m["version"] == TORCH_VERSION and py in m["py"].split("."):
            out.append(m["local"] or "")
    return out


def torch_requirement(source: str = "", device: str = "auto") -> tuple:
    """(requirement, why): the pinned torch, with the build for ``device`` ('auto': detected)
    when the source is a folder offering several; otherwise the source's default wheel."""
    if device == "auto":
        device, reason = detect_device()
    else:
        reason = "chosen in the DEVICE parameter"
    plain = f"torch=={TORCH_VERSION}"
    if source and os.path.isdir(source):
        builds = torch_builds(source)
        if device == "cuda":
            cuda = sorted((b for b in builds if b.startswith("cu")),
                          key=lambda b: int(re.sub(r"\D", "", b) or 0))
            pick = cuda[-1] if cuda else ("" if "" in builds else None)
        else:
            pick = "cpu" if "cpu" in builds else ("" if "" in builds else None)
        if pick is None and builds:
            pick = builds[0]
        if pick:
            return f"{plain}+{pick}", f"{device}: {reason}; the folder offers {', '.join(b or 'default' for b in builds)}"
        return plain, f"{device}: {reason}"
    return plain, (f"{device}: {reason}; the index's default PyTorch {TORCH_VERSION} wheel is used "
                   f"(on Linux the registry's default is the CUDA build, which also runs on a CPU)")


def requirements(modules: Iterable[str], source: str = "", device: str = "auto") -> tuple:
    """(pinned requirements, notes) for the modules `plan` chose."""
    reqs, notes = [], []
    for m in modules:
        if m == "torch":
            req, why = torch_requirement(source, device)
            reqs.append(req)
            notes.append(f"PyTorch build: {why}")
        else:
            reqs += list(dependencies.PACKAGES.get(m, (m, (m,)))[1])
    return list(dict.fromkeys(reqs)), notes


def pip_command(python: str, target: str, reqs: Iterable[str], source: str = "",
                extra: Iterable[str] = ()) -> list:
    """The argument list of one ``pip install --target`` (no shell is involved)."""
    return ([python, "-m", "pip", "install", "--target", str(target), "--upgrade",
             "--only-binary", ":all:", "--no-warn-script-location", "--disable-pip-version-check",
             "--no-input", "--progress-bar", "off"]
            + source_args(source) + list(extra) + list(reqs))


# --------------------------------------------------------------------------------------------
# running pip
# --------------------------------------------------------------------------------------------

def _env(extra_path: Optional[str] = None) -> dict:
    env = dict(os.environ)
    env["PYTHONNOUSERSITE"] = "1"  # the user's own site-packages must not satisfy anything
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env.pop("PIP_TARGET", None)
    env.pop("PIP_USER", None)
    if extra_path:
        env["PYTHONPATH"] = extra_path + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def _run(cmd: list, log: Callable[[str], None], is_cancelled: Callable[[], bool],
         on_line: Optional[Callable[[str], None]] = None, env: Optional[dict] = None) -> tuple:
    """Run ``cmd`` (an argument list, never a shell), streaming its output lines to ``log``;
    terminate it when ``is_cancelled()``. Returns (return code, output lines)."""
    proc = subprocess.Popen(  # nosec B603 (QGIS's python -m pip with a fixed argument list)
        cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
        env=env or _env(), stdin=subprocess.DEVNULL)
    lines: queue.Queue = queue.Queue()

    def reader():
        with proc.stdout:
            for line in proc.stdout:
                lines.put(line.rstrip())
        lines.put(None)

    threading.Thread(target=reader, daemon=True).start()
    out, done = [], False
    while not done:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            line = ""
        if line is None:
            done = True
        elif line:
            out.append(line)
            log(line)
            if on_line:
                on_line(line)
        if is_cancelled():
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
            raise Cancelled()
    return proc.wait(), out


def _pip_failure(out: list) -> str:
    errors = [line for line in out if line.startswith("ERROR")] or out[-3:]
    return " ".join(errors)[-600:]


def _resolve(python, reqs, source, log, is_cancelled) -> Optional[list]:
    """Pinned distributions pip would install for ``reqs`` (dry run), or None when this pip
    cannot tell (older than 22.2)."""
    with tempfile.TemporaryDirectory(prefix="fusediff-pip-") as tmp:
        report = os.path.join(tmp, "report.json")
        cmd = pip_command(python, os.path.join(tmp, "t"), reqs, source,
                          ["--dry-run", "--ignore-installed", "--report", report, "--quiet"])
        rc, out = _run(cmd, log, is_cancelled)
        if rc != 0:
            if any("no such option: --dry-run" in line or "no such option: --report" in line for line in out):
                return None
            raise UserError(f"pip could not find the packages to install ({_pip_failure(out)}); "
                            f"check the network connection or the SOURCE folder and run this again.")
        with open(report, encoding="utf-8") as fh:
            data = json.load(fh)
    return [(item["metadata"]["name"], item["metadata"]["version"]) for item in data.get("install", [])]


def _merge(staging: Path, folder: Path) -> None:
    """Move everything pip put in ``staging`` into ``folder`` (replacing same-named entries)."""
    folder.mkdir(parents=True, exist_ok=True)
    for entry in staging.iterdir():
        dest = folder / entry.name
        if dest.is_dir() and not dest.is_symlink():
            shutil.rmtree(dest)
        elif dest.exists() or dest.is_symlink():
            dest.unlink()
        os.replace(entry, dest)


def verify(python: str, folder: Path, modules: Iterable[str], log=print) -> list:
    """Import ``modules`` in a fresh QGIS Python with ``folder`` first on its path; returns
    the sentences of those that fail (empty: all load)."""
    modules = [m for m in modules if m != "rasterio" or dependencies.status("rasterio")[0] != "ok"]
    if not modules:
        return []
    code = ("import importlib, sys\n"
            f"sys.path.insert(0, {str(folder)!r})\n"
            "bad = []\n"
            f"for m in {list(modules)!r}:\n"
            "    try:\n"
            "        mod = importlib.import_module(m)\n"
            "        print(m, getattr(mod, '__version__', ''), getattr(mod, '__file__', ''))\n"
            "    except BaseException as exc:\n"
            "        bad.append('%s (%s: %s)' % (m, type(exc).__name__, exc))\n"
            "print('FAILED: ' + '; '.join(bad) if bad else 'OK')\n")
    out = subprocess.run([python, "-c", code], capture_output=True, text=True,  # nosec B603
                         timeout=600, env=_env())
    for line in out.stdout.splitlines():
        log(line)
    lines = out.stdout.strip().splitlines()
    if out.returncode != 0 or not lines or lines[-1] != "OK":
        detail = lines[-1] if lines else out.stderr.strip()[-300:]
        return [f"The installed packages do not load in QGIS's Python ({detail})."]
    return []


def install(folder: Path, modules: Iterable[str], source: str = "", device: str = "auto",
            progress: Callable[[float, str], None] = lambda f, m: None,
            log: Callable[[str], None] = print,
            is_cancelled: Callable[[], bool] = lambda: False,
            python: Optional[str] = None) -> dict:
    """Install the pinned ``modules`` (from `plan`) into ``folder``; returns
    {'folder', 'python', 'installed': [name==version...], 'skipped': [...], 'notes': [...]}.

    Raises UserError (pip missing, no network, a package not found...) or Cancelled; in both
    cases ``folder`` is left as it was.
    """
    folder = Path(folder)
    modules = list(modules)
    result = {"folder": str(folder), "python": "", "installed": [], "skipped": [], "notes": []}
    if not modules:
        return result
    python = python or find_python()
    result["python"] = python
    log(f"QGIS's Python: {python}")
    progress(0.02, "Checking pip")
    rc, out = _run([python, "-m", "pip", "--version"], log, is_cancelled)
    if rc != 0:
        raise UserError(f"pip is not available for QGIS's Python ({python}): on Debian/Ubuntu "
                        f"install the package python3-pip, elsewhere reinstall QGIS, then run "
                        f"this again.")
    reqs, notes = requirements(modules, source, device)
    result["notes"] = notes
    for note in notes:
        log(note)
    progress(0.05, "Resolving " + ", ".join(reqs))
    resolved = _resolve(python, reqs, source, log, is_cancelled)
    if resolved is None:
        pins, extra = reqs, []
    else:
        keep = [(n, v) for n, v in resolved if _norm(n) not in NEVER_INSTALL]
        result["skipped"] = [f"{n}=={v}" for n, v in resolved if _norm(n) in NEVER_INSTALL]
        pins = [f"{n}=={v}" for n, v in keep]  # exactly what pip resolved (torch's build too)
        extra = ["--no-deps"]
    if result["skipped"]:
        log("Not installed (QGIS provides them): " + ", ".join(result["skipped"]))
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        total = max(len(pins), 1)
        seen = set()

        def on_line(line: str) -> None:
            m = re.match(r"^(Collecting|Processing|Downloading|Installing collected packages|Successfully installed)\s*(\S*)", line)
            if not m:
                return
            if m.group(1) in ("Collecting", "Processing"):
                seen.add(m.group(2))
                progress(0.1 + 0.6 * min(len(seen), total) / total, f"Getting {m.group(2)}")
            elif m.group(1) == "Installing collected packages":
                progress(0.75, "Installing (unpacking the wheels)")

        progress(0.1, f"Installing {len(pins)} packages into {folder}")
        t0 = time.perf_counter()
        rc, out = _run(pip_command(python, staging, pins, source, extra), log, is_cancelled, on_line)
        if rc != 0:
            raise UserError(f"pip failed ({_pip_failure(out)}); check the network connection or "
                            f"the SOURCE folder and run this again.")
        progress(0.9, "Moving the packages into place")
        _merge(staging, folder)
        log(f"pip took {time.perf_counter() - t0:.1f} s")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    (folder.parent / REMOVE_MARKER).unlink(missing_ok=True)
    result["installed"] = list(pins)
    progress(0.93, "Checking that the packages load")
    problems = verify(python, folder, modules, log)
    if problems:
        raise UserError(" ".join(problems))
    activate(folder)
    progress(1.0, "Done")
    return result
