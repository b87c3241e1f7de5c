"""Run the trainer service: ``likeness serve trainer [--workers N]``.

    server, port = make_trainer_server(settings, db, host="127.0.0.1", port=0)   # tests
    run_trainer_service(settings, host="0.0.0.0", port=50054, workers=1,         # blocks
                        inference=InferenceClient(addr, key))   # activation loads it there

The gRPC API and the workers share nothing but the database: the API queues jobs and reads
their state, ``workers`` threads in this process claim and run them (``--workers 0`` makes an
API-only node, with the training done by ``likeness jobs work`` on GPU machines). On SIGINT or
SIGTERM the API drains, then every running job saves a checkpoint and goes back to the queue.
``build_server`` applies the bind rule (``likeness.core.bind.InsecureBind`` beyond loopback
while no API key exists). The caller (the CLI) hands in the inference client, as the trainer
imports nothing of the inference service.
"""

from __future__ import annotations

import logging
import threading

import grpc
from sqlalchemy import Engine

from likeness.core.auth import KeyChecker
from likeness.core.db import open_database
from likeness.core.grpc_server import ServiceSpec, build_server, format_address, serve_forever
from likeness.core.settings import Settings
from likeness.trainer.client import TRAINER_ERRORS
from likeness.trainer.grpc_servicer import SERVICE_NAME, TrainerServicer
from likeness.trainer.training_jobs import ModelActivator
from likeness.trainer.worker import Worker, default_worker_id
from likeness.v1 import trainer_pb2_grpc

logger = logging.getLogger(__name__)
DEFAULT_PORT = 50054


def make_trainer_server(
    settings: Settings,
    db: Engine,
    *,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    max_workers: int = 8,
    inference: ModelActivator | None = None,
    key_checker: KeyChecker | None = None,
) -> tuple[grpc.Server, int]:
    """A bound, not yet started trainer server and its port (``port=0`` picks a free one)."""
    servicer = TrainerServicer(db, settings, inference)
    add = trainer_pb2_grpc.add_TrainerServiceServicer_to_server
    return build_server(
        [ServiceSpec(add, servicer, SERVICE_NAME, TRAINER_ERRORS)],
        host=host,
        port=port,
        key_checker=key_checker or KeyChecker(db),
        # Each WatchJob holds a thread for as long as its client watches.
        max_workers=max_workers,
    )


def start_workers(
    db: Engine, settings: Settings, count: int, stop: threading.Event, **options: object
) -> list[threading.Thread]:
    """``count`` worker threads pulling from the queue until ``stop`` is set."""
    base = default_worker_id()
    threads = []
    for index in range(count):
        worker = Worker(db, settings, worker_id=f"{base}/{index}", **options)  # type: ignore[arg-type]
        thread = threading.Thread(
            target=worker.run_forever, args=(stop,), name=f"trainer-worker-{index}", daemon=True
        )
        thread.start()
        threads.append(thread)
    return threads


def run_trainer_service(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    workers: int = 1,
    *,
    grace_s: float = 5.0,
    inference: ModelActivator | None = None,
) -> None:
    """Serve until SIGINT / SIGTERM, with ``workers`` in-process workers."""
    if workers < 0:
        raise ValueError("workers must be 0 or more")
    db = open_database(settings)
    try:
        server, bound = make_trainer_server(
            settings, db, host=host, port=port, max_workers=max(8, 4 * workers), inference=inference
        )
    except BaseException:  # InsecureBind, OSError: nothing to serve
        db.dispose()
        raise
    stop = threading.Event()
    threads = start_workers(db, settings, workers, stop)
    logger.info(
        "trainer service listening on %s with %d worker(s)", format_address(host, bound), workers
    )
    try:
        serve_forever(server, grace_s=grace_s)
    finally:
        stop.set()
        # Running jobs checkpoint and go back to the queue; a second signal ends the wait
        # (the threads are daemons, and an abandoned job is reclaimed when its lease runs out).
        for thread in threads:
            thread.join()
        db.dispose()
        logger.info("trainer service stopped")
