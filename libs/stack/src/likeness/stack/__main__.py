"""The process ``likeness up`` starts: every service on loopback until SIGTERM or SIGINT.

    python -m likeness.stack --http-port 8000 --workers 1     # what `likeness up` runs, detached

Settings come from the environment like every likeness command (``LIKENESS_DATA_DIR``,
``LIKENESS_ENGINE``, ``LIKENESS_MODEL``, …). Once every server listens it writes the state file
(``likeness.stack.background``) that ``likeness status`` and the clients read, and it removes
the file again when it stops. vLLM starts its engine core in a subprocess that re-imports the
main module, hence the ``__main__`` guard.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence
from typing import Any

from likeness.core.settings import get_settings
from likeness.stack.background import RUNNING, StackState, log_path, remove_state, write_state

logger = logging.getLogger("likeness.stack")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m likeness.stack",
        description="Run every likeness service on loopback in this process until SIGTERM.",
    )
    parser.add_argument(
        "--http-port", type=int, default=8000, help="OpenAI-compatible HTTP port (0: any free)."
    )
    parser.add_argument("--workers", type=int, default=1, help="Trainer job workers.")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True
    )
    from likeness.core.default_model import resolve_model
    from likeness.stack.embedded import EmbeddedStack

    settings = get_settings()
    stop = threading.Event()

    def on_signal(signum: int, _frame: Any) -> None:
        logger.info("%s: stopping", signal.Signals(signum).name)
        stop.set()

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, on_signal)
    started = time.time()
    stack = EmbeddedStack(settings, workers=args.workers, http_port=args.http_port)
    try:
        with stack:
            found = stack.addresses
            write_state(
                settings,
                StackState(
                    pid=os.getpid(),
                    status=RUNNING,
                    log=str(log_path(settings)),
                    started_at=started,
                    addresses={
                        "ingest": found.ingest,
                        "inference": found.inference,
                        "labeler": found.labeler,
                        "trainer": found.trainer,
                    },
                    http_url=stack.http_url,
                    key=stack.key,
                    engine=settings.engine,
                    model=resolve_model(settings),
                ),
            )
            logger.info("serving; the OpenAI-compatible API at %s/v1", stack.http_url)
            while not stop.wait(1.0):
                pass
            logger.info("stopping the services")
    finally:
        remove_state(settings, os.getpid())
    logger.info("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
