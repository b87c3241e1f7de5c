# The labeler service (LabelerService + DraftService); gRPC on 50053. No torch.
# It asks the inference service for proposals through likeness-inference's gRPC client, so that
# package is installed without its dependencies (torch, transformers, vLLM): the client imports
# none of them, only prometheus-client (through the serving errors it shares with the server),
# named here. tests/deploy/test_image_installs.py installs this exactly so, starts the service,
# and checks that torch is absent.
#
#   docker build -f deploy/labeler.Dockerfile -t likeness-labeler .   # from the repository root
ARG PYTHON_IMAGE=python:3.11.14-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /opt/likeness/venv
ENV PATH=/opt/likeness/venv/bin:$PATH
WORKDIR /src
COPY constraints.txt ./
COPY libs/core libs/core
COPY services/ingest services/ingest
COPY services/labeler services/labeler
COPY services/inference services/inference
COPY clients/cli clients/cli
RUN pip install -c constraints.txt ./libs/core ./services/ingest ./services/labeler ./clients/cli \
        prometheus-client \
    && pip install --no-deps ./services/inference

FROM ${PYTHON_IMAGE}
RUN useradd --uid 10001 --user-group --create-home likeness \
    && mkdir -p /data /imports && chown likeness:likeness /data
COPY --from=build /opt/likeness/venv /opt/likeness/venv
ENV PATH=/opt/likeness/venv/bin:$PATH PYTHONUNBUFFERED=1 LIKENESS_DATA_DIR=/data
USER likeness
WORKDIR /home/likeness
EXPOSE 50053
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-m", "likeness.core.health", "127.0.0.1:50053", "--service", "labeler"]
ENTRYPOINT ["likeness"]
CMD ["serve", "labeler", "--host", "0.0.0.0", "--port", "50053"]
