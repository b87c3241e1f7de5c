"""A client for a running labeler service, returning what the domain functions return.

    with LabelerClient("labeler-host:50053", api_key=key) as client:
        task = client.next_task("alice", "ann")                       # LabelTask
        client.submit(Decision(task.task_id, "ann", Action.ACCEPT, proposal_index=0))
        client.undo("alice", "ann")                                   # the task, open again
        client.progress("alice")                                      # LabelProgress
        total, lines = client.export("alice", "normalizer-sft", "trl")
        pair = client.next_comparison("alice", "ann")                 # ComparisonView (A / B)
        client.vote(pair.comparison_id, "ann", "tie")                 # VoteResult
        client.arena_stats("alice")                                   # ArenaStats

Failed calls raise what the service raised, read back through ``LABELER_ERRORS`` (the table the
labeler server installs): ``TaskNotFound``, ``LeaseExpired``, ``AlreadyJudged``,
``NothingToUndo``, ``PostHeldElsewhere`` (an undo whose post someone else holds now),
``NothingToLabel``, ``InvalidDecision``, ``EmptyDataset`` (an export with no
rows), ``PersonaNotFound``, the arena's ``ComparisonNotFound``, ``AlreadyVoted``,
``NothingToCompare``, ``InvalidVote``,
``ServiceUnavailable`` (the service could not reach its inference service), ``ValueError``; so
the CLI handles a remote error exactly like a local one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import grpc

from likeness.core.dataset_rows import EmptyDataset
from likeness.core.grpc_client import ServiceClient, ServiceUnavailable
from likeness.core.grpc_errors import ErrorRule, ErrorTable
from likeness.core.grpc_limits import DEFAULT_DEADLINE_S
from likeness.labeler.arena import ArenaStats, ComparisonView, VoteResult
from likeness.labeler.decisions import PostHeldElsewhere
from likeness.labeler.errors import (
    AlreadyJudged,
    AlreadyVoted,
    ComparisonNotFound,
    InvalidDecision,
    InvalidVote,
    LeaseExpired,
    NothingToCompare,
    NothingToLabel,
    NothingToUndo,
    TaskNotFound,
)
from likeness.labeler.messages import (
    arena_stats_from_message,
    comparison_from_message,
    progress_from_message,
    submit_request,
    submit_result_from_message,
    task_from_message,
    vote_request,
    vote_result_from_message,
)
from likeness.labeler.types import Decision, LabelProgress, LabelTask, SubmitResult
from likeness.v1 import labeler_pb2, labeler_pb2_grpc

#: NextTask may generate the proposals while the caller waits (nothing prefetched, a CPU model).
NEXT_TASK_DEADLINE_S = 300.0
#: An export streams every label of a persona.
EXPORT_DEADLINE_S = 600.0

#: The labeler service's errors on the wire; its server installs the same table.
#: The three refusals of a decision share FAILED_PRECONDITION and differ by their code. An
#: empty queue is FAILED_PRECONDITION too: nothing is missing, the persona's state is that
#: every kept post is labeled or leased (it changes when posts arrive or leases expire).
LABELER_ERRORS = ErrorTable(
    [
        ErrorRule(TaskNotFound, grpc.StatusCode.NOT_FOUND, "task_not_found"),
        ErrorRule(LeaseExpired, grpc.StatusCode.FAILED_PRECONDITION, "lease_expired"),
        ErrorRule(AlreadyJudged, grpc.StatusCode.FAILED_PRECONDITION, "already_judged"),
        ErrorRule(NothingToUndo, grpc.StatusCode.FAILED_PRECONDITION, "nothing_to_undo"),
        ErrorRule(NothingToLabel, grpc.StatusCode.FAILED_PRECONDITION, "nothing_to_label"),
        ErrorRule(PostHeldElsewhere, grpc.StatusCode.FAILED_PRECONDITION, "post_held_elsewhere"),
        ErrorRule(InvalidDecision, grpc.StatusCode.INVALID_ARGUMENT, "invalid_decision"),
        # The arena: a vote is refused like a decision (a pair voted, a lease lost).
        ErrorRule(ComparisonNotFound, grpc.StatusCode.NOT_FOUND, "comparison_not_found"),
        ErrorRule(AlreadyVoted, grpc.StatusCode.FAILED_PRECONDITION, "already_voted"),
        ErrorRule(NothingToCompare, grpc.StatusCode.FAILED_PRECONDITION, "nothing_to_compare"),
        ErrorRule(InvalidVote, grpc.StatusCode.INVALID_ARGUMENT, "invalid_vote"),
        # An export with no rows (no labels yet, or none in the split asked for).
        ErrorRule(EmptyDataset, grpc.StatusCode.FAILED_PRECONDITION, "nothing_to_export"),
        # The proposer (an InferenceClient) could not reach the inference service.
        ErrorRule(ServiceUnavailable, grpc.StatusCode.UNAVAILABLE, "proposer_unavailable"),
        ErrorRule(ValueError, grpc.StatusCode.INVALID_ARGUMENT, "invalid_argument"),
    ]
)


class LabelerClient(ServiceClient):
    """Talks to one labeler service; use as a context manager or call ``close()``."""

    service: ClassVar[str] = "labeler"
    addr_setting: ClassVar[str] = "LIKENESS_LABELER_ADDR"
    errors: ClassVar[ErrorTable] = LABELER_ERRORS

    def __init__(
        self, addr: str, api_key: str | None = None, timeout_s: float = DEFAULT_DEADLINE_S
    ) -> None:
        super().__init__(addr, api_key, timeout_s)
        self._stub = labeler_pb2_grpc.LabelerServiceStub(self.channel)

    def next_task(self, persona: str, annotator: str, *, n: int = 0) -> LabelTask:
        """The annotator's open task, else the next one (``n`` proposals; 0: the server's)."""
        request = labeler_pb2.NextTaskRequest(persona=persona, annotator=annotator, num_proposals=n)
        return task_from_message(self.call(self._stub.NextTask, request, NEXT_TASK_DEADLINE_S))

    def submit(self, decision: Decision) -> SubmitResult:
        """Store one decision; when this returns, it is committed."""
        return submit_result_from_message(self.call(self._stub.Submit, submit_request(decision)))

    def undo(self, persona: str, annotator: str) -> LabelTask:
        request = labeler_pb2.UndoRequest(persona=persona, annotator=annotator)
        return task_from_message(self.call(self._stub.Undo, request))

    def progress(self, persona: str) -> LabelProgress:
        request = labeler_pb2.ProgressRequest(persona=persona)
        return progress_from_message(self.call(self._stub.GetProgress, request))

    def next_comparison(self, persona: str, annotator: str) -> ComparisonView:
        """The annotator's unvoted arena pair, else the next free one, leased to them."""
        request = labeler_pb2.NextComparisonRequest(persona=persona, annotator=annotator)
        return comparison_from_message(self.call(self._stub.NextComparison, request))

    def vote(
        self,
        comparison_id: str,
        annotator: str,
        vote: str,
        *,
        seconds_spent: float | None = None,
    ) -> VoteResult:
        """Store one vote (a | b | tie | both_bad); when this returns, it is committed."""
        request = vote_request(comparison_id, annotator, vote, seconds_spent)
        return vote_result_from_message(self.call(self._stub.Vote, request))

    def arena_stats(self, persona: str, model: str | None = None) -> ArenaStats:
        request = labeler_pb2.ComparisonStatsRequest(persona=persona, model=model or "")
        return arena_stats_from_message(self.call(self._stub.ComparisonStats, request))

    def export(
        self, persona: str, kind: str, fmt: str, split: str | None = None
    ) -> tuple[int, Iterator[str]]:
        """(rows, JSONL lines), as ``likeness.labeler.export.export_lines`` returns them.

        The first chunk is read here (so a refusal raises now); the rest streams as the
        lines are consumed, and dropping the iterator cancels the call.
        """
        request = labeler_pb2.ExportRequest(
            persona=persona, kind=kind, format=fmt, split=split or ""
        )
        call = self._stub.Export(request, timeout=EXPORT_DEADLINE_S)
        try:
            first = next(call, None)
        except grpc.RpcError as exc:
            call.cancel()
            raise self.error(exc) from None
        if first is None:
            return 0, iter(())
        return int(first.total_rows), self._lines(call, first)

    def _lines(
        self, call: Iterator[labeler_pb2.ExportChunk], first: labeler_pb2.ExportChunk
    ) -> Iterator[str]:
        try:
            yield from first.lines
            for chunk in call:
                yield from chunk.lines
        except grpc.RpcError as exc:
            raise self.error(exc) from None
        finally:
            call.cancel()  # type: ignore[attr-defined]
