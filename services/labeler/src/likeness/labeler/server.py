"""Run the labeler service: ``likeness serve labeler --inference HOST:PORT``.

    server, port = make_labeler_server(settings, db, proposer, host="127.0.0.1", port=0)  # tests
    run_labeler_service(settings, "0.0.0.0", 50053, InferenceClient(addr, key))          # blocks

LabelerService and DraftService on one server, built by core ``build_server`` (health,
reflection, the bind rule, auth, ``LABELER_ERRORS``). The proposer makes the proposals: an
``InferenceClient`` in production (the caller hands it in, as the labeler imports nothing of
the inference service), a deterministic double in tests. The server's ``Prefetcher``
(``settings.label_prefetch`` tasks ahead per active annotator) starts with it and stops when
it terminates, however it is stopped. On SIGINT / SIGTERM calls in flight finish (a Submit
being stored is committed and answered), then the prefetcher stops, then the database closes.
"""

from __future__ import annotations

import logging
import threading
import weakref

import grpc
from sqlalchemy import Engine

from likeness.core.auth import KeyChecker
from likeness.core.db import open_database
from likeness.core.grpc_server import ServiceSpec, build_server, format_address, serve_forever
from likeness.core.settings import Settings
from likeness.labeler.client import LABELER_ERRORS
from likeness.labeler.drafts_servicer import draft_service_spec
from likeness.labeler.grpc_servicer import SERVICE_NAME, LabelerServicer
from likeness.labeler.prefetch import Prefetcher
from likeness.labeler.types import Proposer
from likeness.v1 import labeler_pb2_grpc

logger = logging.getLogger(__name__)
DEFAULT_PORT = 50053

_PREFETCHERS: weakref.WeakKeyDictionary[grpc.Server, Prefetcher] = weakref.WeakKeyDictionary()


def make_labeler_server(
    settings: Settings,
    db: Engine,
    proposer: Proposer,
    *,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    key_checker: KeyChecker | None = None,
    max_workers: int = 16,
) -> tuple[grpc.Server, int]:
    """A bound, not yet started labeler server and its port (``port=0`` picks a free one)."""
    prefetcher = Prefetcher(
        db,
        proposer,
        ahead=settings.label_prefetch,
        n=settings.label_proposals,
        lease_s=settings.label_lease_s,
    )
    servicer = LabelerServicer(db, settings, proposer, prefetcher)
    services = [
        ServiceSpec(
            labeler_pb2_grpc.add_LabelerServiceServicer_to_server,
            servicer,
            SERVICE_NAME,
            LABELER_ERRORS,
        ),
        draft_service_spec(db),
    ]
    server, bound = build_server(
        services,
        host=host,
        port=port,
        key_checker=key_checker or KeyChecker(db),
        # NextTask may wait on the model while other annotators submit.
        max_workers=max_workers,
    )
    _PREFETCHERS[server] = prefetcher
    if prefetcher.enabled:
        prefetcher.start()

        def stop_with_server() -> None:
            server.wait_for_termination()
            prefetcher.stop()

        threading.Thread(target=stop_with_server, name="labeler-server-watch", daemon=True).start()
    return server, bound


def prefetcher_of(server: grpc.Server) -> Prefetcher | None:
    """The prefetcher ``make_labeler_server`` started for ``server``."""
    return _PREFETCHERS.get(server)


def run_labeler_service(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    proposer: Proposer | None = None,
    *,
    grace_s: float = 5.0,
) -> None:
    """Serve until SIGINT / SIGTERM (blocking)."""
    if proposer is None:
        raise ValueError("the labeler needs a proposer (an InferenceClient for the normaliser)")
    db = open_database(settings)
    try:
        server, bound = make_labeler_server(settings, db, proposer, host=host, port=port)
    except BaseException:  # InsecureBind, OSError: nothing to serve
        db.dispose()
        raise
    logger.info(
        "labeler service listening on %s (prefetch %d per annotator)",
        format_address(host, bound),
        settings.label_prefetch,
    )
    try:
        serve_forever(server, grace_s=grace_s)
    finally:
        prefetcher = prefetcher_of(server)
        if prefetcher is not None:
            prefetcher.stop()
        db.dispose()
        logger.info("labeler service stopped")
