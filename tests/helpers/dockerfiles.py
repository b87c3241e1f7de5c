"""Reading deploy/*.Dockerfile the way the deployment tests need: stages, instructions, and the
``pip install`` commands of each stage (so a test can replay them in a fresh virtualenv).

    image = read_dockerfile(DEPLOY / "ingest.Dockerfile")
    image.stages[0].name                   # "build"
    [p.targets for p in image.pip_installs()]   # [["./libs/core", "./services/ingest", ...]]
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
#: image name -> its Dockerfile (one per service, and the terminal app).
DOCKERFILES = {
    name: DEPLOY / f"{name}.Dockerfile"
    for name in ("ingest", "labeler", "trainer", "inference", "tui")
}


@dataclass
class Instruction:
    keyword: str  # upper case: FROM, RUN, COPY, ...
    args: str  # the rest, continuation lines joined


@dataclass
class Stage:
    base: str
    name: str | None
    instructions: list[Instruction] = field(default_factory=list)

    def all(self, keyword: str) -> list[Instruction]:
        return [i for i in self.instructions if i.keyword == keyword]


@dataclass
class PipInstall:
    """One ``pip install`` command: its options and what it installs."""

    argv: list[str]  # everything after "pip install"

    @property
    def no_deps(self) -> bool:
        return "--no-deps" in self.argv

    @property
    def constraints(self) -> str | None:
        for i, arg in enumerate(self.argv):
            if arg in ("-c", "--constraint") and i + 1 < len(self.argv):
                return self.argv[i + 1]
        return None

    @property
    def targets(self) -> list[str]:
        """The requirements named (local paths, PyPI names); options and their values left out."""
        found, skip = [], False
        for arg in self.argv:
            if skip:
                skip = False
            elif arg in ("-c", "--constraint", "-r", "--requirement"):
                skip = True
            elif not arg.startswith("-"):
                found.append(arg)
        return found

    @property
    def local(self) -> list[str]:
        """Local package folders, extras dropped (./services/x[gpu] -> services/x)."""
        return [t.split("[")[0].removeprefix("./") for t in self.targets if t.startswith("./")]


@dataclass
class Dockerfile:
    path: Path
    args: dict[str, str]  # ARG defaults declared before the first FROM
    stages: list[Stage]

    @property
    def build(self) -> Stage:
        return self.stages[0]

    @property
    def runtime(self) -> Stage:
        return self.stages[-1]

    def resolve(self, text: str) -> str:
        for name, value in self.args.items():
            text = text.replace(f"${{{name}}}", value).replace(f"${name}", value)
        return text

    def pip_installs(self, stage: Stage | None = None) -> list[PipInstall]:
        found = []
        for run in (stage or self.build).all("RUN"):
            for command in run.args.split("&&"):
                words = shlex.split(command)
                if words[:2] == ["pip", "install"]:
                    found.append(PipInstall(words[2:]))
        return found


def _logical_lines(text: str) -> list[str]:
    lines, current = [], ""
    for raw in text.splitlines():
        line = raw.strip()
        if not current and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):  # a comment inside a continued instruction
            continue
        if line.endswith("\\"):
            current += line[:-1].strip() + " "
            continue
        lines.append(current + line)
        current = ""
    return lines


def read_dockerfile(path: Path) -> Dockerfile:
    args: dict[str, str] = {}
    stages: list[Stage] = []
    for line in _logical_lines(path.read_text("utf-8")):
        keyword, _, rest = line.partition(" ")
        keyword = keyword.upper()
        rest = rest.strip()
        if keyword == "FROM":
            words = rest.split()
            name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else None
            stages.append(Stage(base=words[0], name=name))
        elif not stages and keyword == "ARG":
            name, _, default = rest.partition("=")
            args[name] = default
        elif stages:
            stages[-1].instructions.append(Instruction(keyword, rest))
    return Dockerfile(path, args, stages)
