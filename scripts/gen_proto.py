"""Generate the Python gRPC stubs from proto/ (``make proto``); ``--check`` fails if stale.

python scripts/gen_proto.py libs/core/src          # write stubs
python scripts/gen_proto.py --check libs/core/src  # CI: regenerate to a temp dir and diff
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import sys
import tempfile
from pathlib import Path

import grpc_tools
from grpc_tools import protoc

ROOT = Path(__file__).resolve().parent.parent
PROTO_ROOT = ROOT / "proto"
PACKAGE = Path("likeness/v1")


def generate(out_dir: Path) -> list[Path]:
    protos = sorted((PROTO_ROOT / PACKAGE).glob("*.proto"))
    include = Path(grpc_tools.__file__).parent / "_proto"
    args = [
        "grpc_tools.protoc",
        f"-I{PROTO_ROOT}",
        f"-I{include}",
        f"--python_out={out_dir}",
        f"--pyi_out={out_dir}",
        f"--grpc_python_out={out_dir}",
        *[str(p.relative_to(PROTO_ROOT)) for p in protos],
    ]
    if protoc.main(args) != 0:
        raise SystemExit("protoc failed")
    package_dir = out_dir / PACKAGE
    (package_dir / "__init__.py").write_text(
        '"""Generated gRPC stubs (make proto). Do not edit."""\n'
    )
    return sorted(p for p in package_dir.iterdir() if p.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    target = args.out / PACKAGE
    if not args.check:
        if target.exists():
            shutil.rmtree(target)
        generate(args.out)
        print(f"wrote {target}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        fresh = generate(Path(tmp))
        fresh_names = {p.name for p in fresh}
        current = {p.name for p in target.glob("*") if p.is_file()} if target.exists() else set()
        stale = sorted(fresh_names ^ current)
        stale += [
            name
            for name in sorted(fresh_names & current)
            if not filecmp.cmp(Path(tmp) / PACKAGE / name, target / name, shallow=False)
        ]
        if stale:
            print("generated gRPC code is stale; run `make proto` and commit:", *stale, sep="\n  ")
            return 1
    print("generated gRPC code is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
