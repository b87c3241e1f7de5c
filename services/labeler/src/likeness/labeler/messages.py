"""The labeler's dataclasses <-> ``likeness.v1.labeler`` messages, for the servicer and the client.

    reply = task_message(next_task(db, proposer, "alice", "ann"))     # servicer side
    task = task_from_message(stub.NextTask(request))                  # client side

Fields travel by name (``likeness.core.proto_fields``); only what differs is written out here:
nested messages, the action enum (``REJECT_ALL`` is ``Action.REJECT``), and the proto3 zeros
that stand for "not given" (``proposal_index`` outside accept/edit, ``seconds_spent`` 0 = let
the server measure).
"""

from __future__ import annotations

from likeness.core.arena import Standing
from likeness.core.proto_fields import from_message, to_message
from likeness.labeler.arena import ArenaStats, ComparisonView, VoteResult
from likeness.labeler.errors import InvalidDecision, InvalidVote
from likeness.labeler.types import (
    Action,
    AnnotatorProgress,
    Decision,
    LabelProgress,
    LabelTask,
    PostView,
    ProposalView,
    SubmitResult,
)
from likeness.v1 import labeler_pb2

_Wire = labeler_pb2.SubmitRequest.Action

#: Action <-> SubmitRequest.Action (ACTION_UNSPECIFIED has no action: it is refused).
ACTION_TO_WIRE: dict[Action, int] = {
    Action.ACCEPT: _Wire.ACCEPT,
    Action.EDIT: _Wire.EDIT,
    Action.OWN: _Wire.OWN,
    Action.REJECT: _Wire.REJECT_ALL,
    Action.SKIP: _Wire.SKIP,
}
WIRE_TO_ACTION: dict[int, Action] = {wire: action for action, wire in ACTION_TO_WIRE.items()}

#: The actions whose decision names a proposal (the others send no index).
INDEXED = frozenset({Action.ACCEPT, Action.EDIT})


# --- tasks -----------------------------------------------------------------------------------


def task_message(task: LabelTask) -> labeler_pb2.LabelTask:
    return to_message(
        labeler_pb2.LabelTask,
        task,
        post=to_message(labeler_pb2.LabelPost, task.post),
        proposals=[to_message(labeler_pb2.Proposal, p) for p in task.proposals],
    )


def task_from_message(message: labeler_pb2.LabelTask) -> LabelTask:
    return from_message(
        LabelTask,
        message,
        post=from_message(PostView, message.post),
        proposals=[from_message(ProposalView, p) for p in message.proposals],
    )


# --- decisions -------------------------------------------------------------------------------


def submit_request(decision: Decision) -> labeler_pb2.SubmitRequest:
    index = decision.proposal_index if decision.action in INDEXED else None
    return labeler_pb2.SubmitRequest(
        task_id=decision.task_id,
        annotator=decision.annotator,
        action=ACTION_TO_WIRE[Action(decision.action)],  # type: ignore[arg-type]
        proposal_index=index or 0,
        text=decision.text,
        comment=decision.comment,
        seconds_spent=decision.seconds_spent or 0.0,
    )


def decision_from_request(request: labeler_pb2.SubmitRequest) -> Decision:
    """The Decision a SubmitRequest stands for; an unset or unknown action is InvalidDecision."""
    action = WIRE_TO_ACTION.get(request.action)
    if action is None:
        raise InvalidDecision(
            "the action is missing or unknown; use accept, edit, own, reject or skip"
        )
    if request.seconds_spent < 0:
        raise InvalidDecision("seconds_spent must not be negative")
    return Decision(
        task_id=request.task_id,
        annotator=request.annotator,
        action=action,
        proposal_index=request.proposal_index if action in INDEXED else None,
        text=request.text,
        comment=request.comment,
        seconds_spent=request.seconds_spent or None,
    )


def submit_response(result: SubmitResult) -> labeler_pb2.SubmitResponse:
    return to_message(labeler_pb2.SubmitResponse, result)


def submit_result_from_message(message: labeler_pb2.SubmitResponse) -> SubmitResult:
    return from_message(SubmitResult, message)


# --- progress --------------------------------------------------------------------------------


def progress_message(progress: LabelProgress) -> labeler_pb2.LabelProgress:
    return to_message(
        labeler_pb2.LabelProgress,
        progress,
        annotators=[to_message(labeler_pb2.AnnotatorProgress, a) for a in progress.annotators],
    )


def progress_from_message(message: labeler_pb2.LabelProgress) -> LabelProgress:
    return from_message(
        LabelProgress,
        message,
        annotators=[from_message(AnnotatorProgress, a) for a in message.annotators],
    )


# --- the arena -------------------------------------------------------------------------------

_Choice = labeler_pb2.VoteRequest.Choice

#: vote <-> VoteRequest.Choice (CHOICE_UNSPECIFIED has no vote: it is refused).
VOTE_TO_WIRE: dict[str, int] = {
    "a": _Choice.A,
    "b": _Choice.B,
    "tie": _Choice.TIE,
    "both_bad": _Choice.BOTH_BAD,
}
WIRE_TO_VOTE: dict[int, str] = {wire: vote for vote, wire in VOTE_TO_WIRE.items()}


def comparison_message(pair: ComparisonView) -> labeler_pb2.Comparison:
    return to_message(labeler_pb2.Comparison, pair)


def comparison_from_message(message: labeler_pb2.Comparison) -> ComparisonView:
    return from_message(ComparisonView, message)


def vote_request(
    comparison_id: str, annotator: str, vote: str, seconds_spent: float | None
) -> labeler_pb2.VoteRequest:
    if vote not in VOTE_TO_WIRE:
        raise InvalidVote(f"unknown vote {vote!r}; one of {', '.join(VOTE_TO_WIRE)}")
    return labeler_pb2.VoteRequest(
        comparison_id=comparison_id,
        annotator=annotator,
        choice=VOTE_TO_WIRE[vote],  # type: ignore[arg-type]
        seconds_spent=seconds_spent or 0.0,
    )


def vote_from_request(request: labeler_pb2.VoteRequest) -> tuple[str, float | None]:
    """(the vote, seconds spent or None: let the server measure); an unset choice is
    InvalidVote."""
    vote = WIRE_TO_VOTE.get(request.choice)
    if vote is None:
        raise InvalidVote("the vote is missing or unknown; use a, b, tie or both_bad")
    return vote, request.seconds_spent or None


def vote_response(result: VoteResult) -> labeler_pb2.VoteResponse:
    return to_message(labeler_pb2.VoteResponse, result)


def vote_result_from_message(message: labeler_pb2.VoteResponse) -> VoteResult:
    return from_message(VoteResult, message)


def arena_stats_message(stats: ArenaStats) -> labeler_pb2.ArenaStats:
    return to_message(
        labeler_pb2.ArenaStats,
        stats,
        matchups=[to_message(labeler_pb2.Matchup, row) for row in stats.matchups],
    )


def arena_stats_from_message(message: labeler_pb2.ArenaStats) -> ArenaStats:
    return from_message(
        ArenaStats,
        message,
        matchups=[from_message(Standing, row) for row in message.matchups],
    )
