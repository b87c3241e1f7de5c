# The ingest service: importers, cleaning, bulk storage; gRPC on 50051. No torch.
# Also the image of the one-shot `migrate` service (docker-compose.gpu.yml, deploy/k8s): the
# migrations and `likeness keys ensure` need only likeness-core and the CLI, both in here, and
# this is the smallest image that has them.
#
#   docker build -f deploy/ingest.Dockerfile -t likeness-ingest .     # from the repository root
#
# Build stage: a virtualenv with this service's packages (pinned by constraints.txt); the
# runtime stage copies only that virtualenv, and runs as an unprivileged user.
ARG PYTHON_IMAGE=python:3.11.14-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /opt/likeness/venv
ENV PATH=/opt/likeness/venv/bin:$PATH
WORKDIR /src
COPY constraints.txt ./
COPY libs/core libs/core
COPY services/ingest services/ingest
COPY clients/cli clients/cli
RUN pip install -c constraints.txt ./libs/core ./services/ingest ./clients/cli

FROM ${PYTHON_IMAGE}
RUN useradd --uid 10001 --user-group --create-home likeness \
    && mkdir -p /data /imports && chown likeness:likeness /data
COPY --from=build /opt/likeness/venv /opt/likeness/venv
ENV PATH=/opt/likeness/venv/bin:$PATH PYTHONUNBUFFERED=1 LIKENESS_DATA_DIR=/data
USER likeness
WORKDIR /home/likeness
EXPOSE 50051
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-m", "likeness.core.health", "127.0.0.1:50051", "--service", "ingest"]
ENTRYPOINT ["likeness"]
CMD ["serve", "ingest", "--host", "0.0.0.0", "--port", "50051"]
