"""A worker id of this host whose process has exited: what ``kill -9`` leaves in a job row."""

from __future__ import annotations

import socket
import subprocess
import sys


def dead_local_worker() -> str:
    """``host:pid`` of a process that ran here and has exited (and been reaped)."""
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return f"{socket.gethostname()}:{int(gone.stdout)}"
