"""What every benchmark writes: the machine line and ``bench/results/NAME.json``.

write_result("serve", metrics, machine("torch 2.13.0"))   # {"name", "machine", "metrics"}
"""

from __future__ import annotations

import os
import platform
from pathlib import Path
from typing import Any

import orjson

RESULTS = Path(__file__).resolve().parent / "results"


def machine(*extra: str) -> str:
    """``x86_64, 2 cores, 24 GiB`` and whatever else the benchmark's figures depend on."""
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    parts = [platform.machine(), f"{os.cpu_count()} cores", f"{mem_gib:.0f} GiB", *extra]
    return ", ".join(parts)


def write_result(
    name: str,
    metrics: dict[str, Any],
    machine_line: str,
    extra: dict[str, Any] | None = None,
    *,
    directory: Path = RESULTS,
) -> Path:
    """Write the result file (the issue's metric keys under ``metrics``, then any ``extra``
    top-level fields such as example outputs) and say where (``directory``: tests write
    elsewhere than bench/results)."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.json"
    out = {"name": name, "machine": machine_line, "metrics": metrics, **(extra or {})}
    path.write_bytes(orjson.dumps(out, option=orjson.OPT_INDENT_2) + b"\n")
    print(f"wrote {path}")
    return path
