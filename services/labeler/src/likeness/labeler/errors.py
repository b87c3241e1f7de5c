"""The labeler's domain errors; ``LABELER_ERRORS`` (in ``client``) carries them over gRPC."""

from __future__ import annotations


class LabelerError(Exception):
    """Base of the labeler's errors; the message says what happened and what to do."""


class TaskNotFound(LabelerError, LookupError):
    """No label task with this id (or it belongs to another annotator)."""


class LeaseExpired(LabelerError):
    """The task's lease ran out before Submit; the post may be with someone else now."""


class AlreadyJudged(LabelerError):
    """The task already has a decision (a second Submit, e.g. a retried call)."""


class NothingToLabel(LabelerError):
    """Every kept post of the persona is labeled or held by another annotator."""


class NothingToUndo(LabelerError):
    """The annotator has no standing decision for this persona."""


class InvalidDecision(LabelerError, ValueError):
    """A Submit that does not make sense: no such proposal, an empty edit, an unknown action."""


class DraftNotFound(LabelerError, LookupError):
    """No draft with this id."""


class ExportBatchNotFound(LabelerError, LookupError):
    """No draft export batch with this id."""


class ComparisonNotFound(LabelerError, LookupError):
    """No arena pair with this id held by this annotator (ask NextComparison first)."""


class AlreadyVoted(LabelerError):
    """The arena pair already has a vote (a second Vote, e.g. a retried call)."""


class NothingToCompare(LabelerError):
    """No unvoted arena pair of the persona is free (queue some: ``likeness arena``)."""


class InvalidVote(LabelerError, ValueError):
    """A vote that is not a, b, tie or both_bad."""
