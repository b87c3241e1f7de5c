"""Run the real labeler server with the deterministic proposer, for subprocess tests.

    python tests/helpers/label_server.py DATABASE_URL DATA_DIR

Prints ``port N`` on stdout once it listens, then serves until killed (``tests/labeler/
test_crash.py`` kills it with SIGKILL right after a Submit returns).
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from label_fakes import FakeProposer

from likeness.core.db import open_database
from likeness.core.settings import Settings
from likeness.labeler.server import make_labeler_server


def main(database_url: str, data_dir: str) -> None:
    settings = Settings(data_dir=Path(data_dir), database_url=database_url, label_prefetch=1)
    db = open_database(settings)
    server, port = make_labeler_server(settings, db, FakeProposer(), host="127.0.0.1", port=0)
    server.start()
    print(f"port {port}", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
