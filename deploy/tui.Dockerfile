# The terminal app against running services: `docker compose ... run --rm tui`, or
#   docker run -it --rm -e LIKENESS_API_KEY=... likeness-tui tui --server HOST:50051 --server ...
# No torch: likeness-tui depends on likeness-stack (every service in one process, the embedded
# mode), which pulls the trainer's and inference's torch stack; against remote services the app
# only needs their gRPC clients, so those four packages are installed without their
# dependencies, and what the app and the clients import by name: Textual (pinned in
# clients/tui/pyproject.toml) and prometheus-client (the inference client's serving errors).
#
#   docker build -f deploy/tui.Dockerfile -t likeness-tui .           # from the repository root
ARG PYTHON_IMAGE=python:3.11.14-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /opt/likeness/venv
ENV PATH=/opt/likeness/venv/bin:$PATH
WORKDIR /src
COPY constraints.txt ./
COPY libs libs
COPY services services
COPY clients clients
RUN pip install -c constraints.txt ./libs/core ./services/ingest ./services/labeler ./clients/cli \
        textual==8.2.8 textual-serve==1.1.3 textual-plotext==1.0.1 prometheus-client \
    && pip install --no-deps ./services/inference ./services/trainer ./libs/stack ./clients/tui

FROM ${PYTHON_IMAGE}
RUN useradd --uid 10001 --user-group --create-home likeness
COPY --from=build /opt/likeness/venv /opt/likeness/venv
ENV PATH=/opt/likeness/venv/bin:$PATH PYTHONUNBUFFERED=1 TERM=xterm-256color
USER likeness
WORKDIR /home/likeness
ENTRYPOINT ["likeness"]
CMD ["tui"]
