"""gRPC LabelerService: a thin adapter over ``tasks``, ``decisions``, ``progress``, ``export``
and ``arena`` (the blind arena's pairs and votes).

    servicer = LabelerServicer(db, settings, proposer, prefetcher)
    build_server([ServiceSpec(add_LabelerServiceServicer_to_server, servicer, SERVICE_NAME,
                              errors=LABELER_ERRORS)], ...)

It just raises: each typed error travels by ``LABELER_ERRORS`` (installed by ``build_server``)
and the client raises the same exception. A decision is committed by ``decisions.submit``
before Submit answers, so an answered Submit is never lost. After every NextTask and Submit the
prefetcher is kicked (it returns at once; the preparation runs in its own threads); a NextTask
that finds the annotator's fill halfway through a task waits for it instead of racing it.
"""

from __future__ import annotations

from collections.abc import Iterator

import grpc
from sqlalchemy import Engine

from likeness.core.grpc_errors import check_still_wanted
from likeness.core.settings import Settings
from likeness.labeler import arena, decisions, export, progress, tasks
from likeness.labeler.messages import (
    arena_stats_message,
    comparison_message,
    decision_from_request,
    progress_message,
    submit_response,
    task_message,
    vote_from_request,
    vote_response,
)
from likeness.labeler.prefetch import Prefetcher
from likeness.labeler.types import Proposer
from likeness.v1 import labeler_pb2, labeler_pb2_grpc

SERVICE_NAME = "likeness.v1.LabelerService"
#: JSONL lines per ExportChunk (each well under the message size limit for normal posts).
EXPORT_CHUNK_LINES = 256


class LabelerServicer(labeler_pb2_grpc.LabelerServiceServicer):
    def __init__(
        self,
        db: Engine,
        settings: Settings,
        proposer: Proposer,
        prefetcher: Prefetcher | None = None,
    ) -> None:
        self.db = db
        self.settings = settings
        self.proposer = proposer
        self.prefetcher = prefetcher

    def _kick(self, persona: str, annotator: str) -> None:
        if self.prefetcher is not None:
            self.prefetcher.kick(persona, annotator)

    def NextTask(
        self, request: labeler_pb2.NextTaskRequest, context: grpc.ServicerContext
    ) -> labeler_pb2.LabelTask:
        if self.prefetcher is not None:
            self.prefetcher.await_ready(request.persona, request.annotator.strip())
        task = tasks.next_task(
            self.db,
            self.proposer,
            request.persona,
            request.annotator,
            n=request.num_proposals or self.settings.label_proposals,
            lease_s=self.settings.label_lease_s,
        )
        self._kick(task.persona, task.annotator)
        return task_message(task)

    def Submit(
        self, request: labeler_pb2.SubmitRequest, context: grpc.ServicerContext
    ) -> labeler_pb2.SubmitResponse:
        decision = decision_from_request(request)
        # A client that already gave up gets no decision stored behind its back.
        check_still_wanted(context, "Submit")
        result = decisions.submit(self.db, decision)
        if self.prefetcher is not None:
            # The request names no persona; the prefetcher knows the annotator's from NextTask.
            self.prefetcher.kick_annotator(decision.annotator)
        return submit_response(result)

    def Undo(
        self, request: labeler_pb2.UndoRequest, context: grpc.ServicerContext
    ) -> labeler_pb2.LabelTask:
        task = decisions.undo_last(
            self.db, request.persona, request.annotator, lease_s=self.settings.label_lease_s
        )
        return task_message(task)

    def GetProgress(
        self, request: labeler_pb2.ProgressRequest, context: grpc.ServicerContext
    ) -> labeler_pb2.LabelProgress:
        return progress_message(progress.label_progress(self.db, request.persona))

    def Export(
        self, request: labeler_pb2.ExportRequest, context: grpc.ServicerContext
    ) -> Iterator[labeler_pb2.ExportChunk]:
        total, lines = export.export_lines(
            self.db, request.persona, request.kind, request.format, request.split or None
        )
        chunk: list[str] = []
        first = True
        for line in lines:
            chunk.append(line)
            if len(chunk) >= EXPORT_CHUNK_LINES:
                yield labeler_pb2.ExportChunk(lines=chunk, total_rows=total if first else 0)
                chunk, first = [], False
        if chunk or first:
            yield labeler_pb2.ExportChunk(lines=chunk, total_rows=total if first else 0)

    # --- the blind arena ---

    def NextComparison(
        self, request: labeler_pb2.NextComparisonRequest, context: grpc.ServicerContext
    ) -> labeler_pb2.Comparison:
        pair = arena.next_comparison(
            self.db, request.persona, request.annotator, lease_s=self.settings.label_lease_s
        )
        return comparison_message(pair)

    def Vote(
        self, request: labeler_pb2.VoteRequest, context: grpc.ServicerContext
    ) -> labeler_pb2.VoteResponse:
        choice, seconds = vote_from_request(request)
        check_still_wanted(context, "Vote")
        result = arena.vote(
            self.db, request.comparison_id, request.annotator, choice, seconds_spent=seconds
        )
        return vote_response(result)

    def ComparisonStats(
        self, request: labeler_pb2.ComparisonStatsRequest, context: grpc.ServicerContext
    ) -> labeler_pb2.ArenaStats:
        return arena_stats_message(arena.arena_stats(self.db, request.persona, request.model))
