"""What the labeler's domain functions take and return (the gRPC layer converts these).

Actions and the preference pairs they yield (stored in ``judgments.chosen`` / ``rejected``):

- ``accept`` proposal i: chosen = proposal i; rejected = every other proposal.
- ``edit`` proposal i into a text: chosen = the edit; rejected = proposal i (the pair is
  weighted by how much was changed) and every other proposal.
- ``own`` text: chosen = the text; rejected = every proposal.
- ``reject`` (all): chosen = ""; rejected = every proposal (no pair: nothing beat them).
- ``skip``: no decision; nothing is chosen or rejected and the post goes back to the pool
  (for other annotators; the one who skipped it is not offered it again).

A rejected text equal to the chosen one is dropped (it is no preference).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from likeness.core.proposals import Proposals


class Action(StrEnum):
    ACCEPT = "accept"
    EDIT = "edit"
    OWN = "own"
    REJECT = "reject"
    SKIP = "skip"


#: The actions whose judgment stands behind a text (SFT rows, the post's approved text).
CHOOSING = frozenset({Action.ACCEPT, Action.EDIT, Action.OWN})


class Proposer(Protocol):
    """Generates proposals for a post's cleaned text with the persona's current normaliser.

    ``likeness.inference.client.InferenceClient`` is one (its Propose RPC); the caller hands it
    in, as the labeler imports nothing of the inference service. In embedded mode the CLI starts
    the inference service in-process on loopback and hands in a client for it.
    """

    def propose(self, persona: str, clean_text: str, n: int) -> Proposals: ...


@dataclass(frozen=True, slots=True)
class ProposalView:
    id: str
    index: int
    text: str
    temperature: float


@dataclass(frozen=True, slots=True)
class PostView:
    id: str
    platform: str
    created_at: datetime | None
    raw_text: str
    clean_text: str
    flags: list[str]
    normalized_text: str


@dataclass(frozen=True, slots=True)
class LabelTask:
    task_id: str
    persona: str
    annotator: str
    post: PostView
    proposals: list[ProposalView]
    generator: str
    prompt_version: str
    lease_expires_at: datetime
    resumed: bool = False
    disagreement: float = 0.0
    remaining: int = 0

    def facts(self) -> list[str]:
        """What a labeling view shows above the post: platform, date, flags, "resumed"."""
        post = self.post
        when = post.created_at.strftime("%Y-%m-%d %H:%M") if post.created_at else "undated"
        facts = [post.platform or "?", when]
        if post.flags:
            facts.append("flags: " + ", ".join(post.flags))
        if self.resumed:
            facts.append("resumed")
        return facts


@dataclass(frozen=True, slots=True)
class Decision:
    """One Submit. ``proposal_index`` for accept/edit; ``text`` for edit/own."""

    task_id: str
    annotator: str
    action: Action
    proposal_index: int | None = None
    text: str = ""
    comment: str = ""
    seconds_spent: float | None = None  # None: measured from when the task was shown


@dataclass(frozen=True, slots=True)
class SubmitResult:
    judgment_id: str
    edit_distance: int
    labeled: int  # the annotator's standing decisions for the persona


@dataclass(slots=True)
class AnnotatorProgress:
    annotator: str
    labeled: int
    labels_per_minute: float
    last_at: datetime | None
    by_action: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class LabelProgress:
    persona: str
    labeled: int
    remaining: int
    by_action: dict[str, int] = field(default_factory=dict)
    annotators: list[AnnotatorProgress] = field(default_factory=list)
    labels_per_minute: float = 0.0
    open_tasks: int = 0
