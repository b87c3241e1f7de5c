"""The blind arena's votes (``likeness.labeler.arena``) on SQLite and PostgreSQL: pairs leased
one annotator at a time, resumed, voted once, the stats and the preference rows the votes
become (Export ``arena-prefs``); then the same over the LabelerService on loopback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import grpc
import pytest
from arena_pairs import add_pairs, add_persona_model, model_side
from label_fakes import FakeProposer
from persona_corpus import Corpus, make_persona
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from likeness.core.arena import REAL, standings
from likeness.core.db.models import Comparison
from likeness.core.errors import PersonaNotFound
from likeness.core.grpc_client import client_channel
from likeness.core.grpc_errors import ERROR_CODE_KEY
from likeness.core.grpc_server import stop_server
from likeness.core.settings import Settings
from likeness.labeler.arena import arena_stats, next_comparison, vote
from likeness.labeler.client import LabelerClient
from likeness.labeler.errors import (
    AlreadyVoted,
    ComparisonNotFound,
    InvalidVote,
    LeaseExpired,
    NothingToCompare,
)
from likeness.labeler.export import export_lines
from likeness.labeler.server import make_labeler_server
from likeness.labeler.tasks import utcnow
from likeness.v1 import labeler_pb2, labeler_pb2_grpc


@pytest.fixture
def corpus(engine: Engine) -> Corpus:
    return make_persona(engine, "mags")


@pytest.fixture
def model(engine: Engine, corpus: Corpus) -> str:
    return add_persona_model(engine, "mags")


def stored(db: Engine, pair_id: str) -> Comparison:
    with Session(db) as session:
        row = session.get(Comparison, pair_id)
        assert row is not None
        return row


# --- the domain functions ---------------------------------------------------------------------


def test_a_pair_is_shown_blind_and_its_vote_stored_at_once(
    engine: Engine, corpus: Corpus, model: str
) -> None:
    ids = add_pairs(engine, corpus, model, REAL, 2)
    pair = next_comparison(engine, "mags", "ann")
    assert pair.comparison_id in ids and not pair.resumed and pair.remaining == 2
    row = stored(engine, pair.comparison_id)
    model_first = [row.model_text, row.opponent_text]
    assert [pair.text_a, pair.text_b] == (model_first if row.a_is_model else model_first[::-1])
    assert pair.request == row.request and row.annotator == "ann" and row.shown_at is not None
    assert model not in repr(pair)  # nothing says where a text came from

    again = next_comparison(engine, "mags", "ann")  # the same pair comes back
    assert again.comparison_id == pair.comparison_id and again.resumed

    result = vote(engine, pair.comparison_id, "ann", "a", seconds_spent=4.5)
    assert result.voted == 1 and result.vote == "a"
    assert (result.a_was, result.b_was) == ((model, REAL) if row.a_is_model else (REAL, model))
    row = stored(engine, pair.comparison_id)
    assert row.vote == "a" and row.voted_at is not None and row.seconds_spent == 4.5

    with pytest.raises(AlreadyVoted, match="nothing was stored twice"):
        vote(engine, pair.comparison_id, "ann", "b")
    assert stored(engine, pair.comparison_id).vote == "a"

    second = next_comparison(engine, "mags", "ann")
    assert second.comparison_id != pair.comparison_id and second.remaining == 1
    vote(engine, second.comparison_id, "ann", "both_bad")
    with pytest.raises(NothingToCompare, match="likeness arena --persona mags"):
        next_comparison(engine, "mags", "ann")


def test_two_annotators_never_hold_the_same_pair(
    engine: Engine, corpus: Corpus, model: str
) -> None:
    add_pairs(engine, corpus, model, REAL, 6)
    names = [f"ann{n}" for n in range(6)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        shown = list(pool.map(lambda who: next_comparison(engine, "mags", who), names))
    assert len({pair.comparison_id for pair in shown}) == 6
    with pytest.raises(NothingToCompare):
        next_comparison(engine, "mags", "late")


def test_an_expired_lease_goes_to_the_next_annotator(
    engine: Engine, corpus: Corpus, model: str
) -> None:
    [pair_id] = add_pairs(engine, corpus, model, REAL, 1)
    start = utcnow()
    held = next_comparison(engine, "mags", "ann", lease_s=60, now=start)
    with pytest.raises(NothingToCompare):  # held by ann
        next_comparison(engine, "mags", "bob", now=start + timedelta(seconds=30))
    taken = next_comparison(engine, "mags", "bob", now=start + timedelta(seconds=61))
    assert taken.comparison_id == held.comparison_id == pair_id and not taken.resumed
    with pytest.raises(LeaseExpired, match="another annotator holds it"):
        vote(engine, pair_id, "ann", "a")
    vote(engine, pair_id, "bob", "tie")


def test_a_late_vote_counts_while_nobody_else_took_the_pair(
    engine: Engine, corpus: Corpus, model: str
) -> None:
    [pair_id] = add_pairs(engine, corpus, model, REAL, 1)
    start = utcnow() - timedelta(hours=1)
    next_comparison(engine, "mags", "ann", lease_s=60, now=start)
    assert vote(engine, pair_id, "ann", "b").voted == 1


def test_bad_votes_are_refused_before_anything_is_stored(
    engine: Engine, corpus: Corpus, model: str
) -> None:
    [pair_id] = add_pairs(engine, corpus, model, REAL, 1)
    with pytest.raises(ComparisonNotFound, match="not leased"):
        vote(engine, pair_id, "ann", "a")  # never asked for
    next_comparison(engine, "mags", "ann")
    with pytest.raises(InvalidVote, match="unknown vote"):
        vote(engine, pair_id, "ann", "c")
    with pytest.raises(InvalidVote, match="negative"):
        vote(engine, pair_id, "ann", "a", seconds_spent=-1)
    with pytest.raises(ComparisonNotFound):
        vote(engine, "f" * 32, "ann", "a")
    with pytest.raises(ValueError, match="annotator"):
        next_comparison(engine, "mags", "  ")
    with pytest.raises(PersonaNotFound):
        next_comparison(engine, "nobody", "ann")
    assert stored(engine, pair_id).vote is None


def test_stats_and_preference_rows_follow_the_votes(
    engine: Engine, corpus: Corpus, model: str
) -> None:
    ids = add_pairs(engine, corpus, model, REAL, 3)
    for _ in ids:
        pair = next_comparison(engine, "mags", "ann")
        choice = model_side(engine, pair.comparison_id)
        vote(engine, pair.comparison_id, "ann", choice)  # the model wins every time
    add_pairs(engine, corpus, model, REAL, 1, first_day=300)  # one waits

    stats = arena_stats(engine, "mags")
    assert (stats.voted, stats.pending) == (3, 1)
    assert stats.matchups == standings(engine, persona="mags")
    [row] = stats.matchups
    assert (row.model, row.opponent, row.wins, row.pending) == (model, REAL, 3, 1)
    assert row.win_rate == 1.0 and row.win_low == pytest.approx(0.4385, abs=1e-4)
    assert arena_stats(engine, "mags", model[:6]).matchups == [row]
    assert arena_stats(engine, "mags", "zzz").matchups == []

    total, lines = export_lines(engine, "mags", "arena-prefs", "trl")
    rows = [json.loads(line) for line in lines]
    assert total == 3 and all(r["chosen"][0]["content"].startswith("model answer") for r in rows)
    assert set(rows[0]) == {"prompt", "chosen", "rejected"}
    _, openai = export_lines(engine, "mags", "arena-prefs", "openai")
    first = json.loads(next(iter(openai)))
    assert set(first) == {"input", "preferred_output", "non_preferred_output"}


# --- over gRPC ----------------------------------------------------------------------------------


@pytest.fixture
def client(engine: Engine, tmp_path: Path, corpus: Corpus) -> Iterator[LabelerClient]:
    settings = Settings(data_dir=tmp_path / "data", label_prefetch=0)
    server, port = make_labeler_server(settings, engine, FakeProposer(), host="127.0.0.1", port=0)
    server.start()
    try:
        with LabelerClient(f"127.0.0.1:{port}") as running:
            yield running
    finally:
        stop_server(server, grace_s=1)


def test_arena_round_trip_over_grpc(
    client: LabelerClient, engine: Engine, corpus: Corpus, model: str
) -> None:
    ids = add_pairs(engine, corpus, model, REAL, 2)
    pair = client.next_comparison("mags", "ann")
    assert pair.comparison_id in ids and pair.remaining == 2 and pair.lease_expires_at
    again = client.next_comparison("mags", "ann")
    assert again.comparison_id == pair.comparison_id and again.resumed
    assert (again.request, again.text_a, again.text_b) == (pair.request, pair.text_a, pair.text_b)
    result = client.vote(pair.comparison_id, "ann", "both_bad")
    assert result.vote == "both_bad" and result.voted == 1 and REAL in (result.a_was, result.b_was)
    assert stored(engine, pair.comparison_id).seconds_spent is not None
    with pytest.raises(AlreadyVoted):
        client.vote(pair.comparison_id, "ann", "a")
    with pytest.raises(InvalidVote):
        client.vote(pair.comparison_id, "ann", "maybe")
    second = client.next_comparison("mags", "ann")
    client.vote(second.comparison_id, "ann", model_side(engine, second.comparison_id))
    with pytest.raises(NothingToCompare):
        client.next_comparison("mags", "ann")
    assert client.arena_stats("mags") == arena_stats(engine, "mags")
    assert client.arena_stats("mags").matchups[0].both_bad == 1
    with pytest.raises(PersonaNotFound):
        client.arena_stats("nobody")
    total, lines = client.export("mags", "arena-prefs", "likeness")
    assert total == 1 and json.loads(next(iter(lines)))["meta"]["chosen_side"] == model


def test_arena_refusals_carry_status_and_code(
    client: LabelerClient, engine: Engine, corpus: Corpus, model: str
) -> None:
    [pair_id] = add_pairs(engine, corpus, model, REAL, 1)
    client.next_comparison("mags", "ann")
    client.vote(pair_id, "ann", "tie")
    stub = labeler_pb2_grpc.LabelerServiceStub(client_channel(client.addr))
    choice = labeler_pb2.VoteRequest.Choice
    cases = [
        (labeler_pb2.VoteRequest(comparison_id=pair_id, annotator="ann"), "invalid_vote"),
        (
            labeler_pb2.VoteRequest(comparison_id=pair_id, annotator="ann", choice=choice.A),
            "already_voted",
        ),
        (
            labeler_pb2.VoteRequest(comparison_id="f" * 32, annotator="ann", choice=choice.B),
            "comparison_not_found",
        ),
    ]
    statuses = {
        "invalid_vote": grpc.StatusCode.INVALID_ARGUMENT,
        "already_voted": grpc.StatusCode.FAILED_PRECONDITION,
        "comparison_not_found": grpc.StatusCode.NOT_FOUND,
    }
    for request, code in cases:
        with pytest.raises(grpc.RpcError) as caught:
            stub.Vote(request, timeout=10)
        error = caught.value
        assert error.code() == statuses[code]  # type: ignore[attr-defined]
        trailing = dict(error.trailing_metadata() or ())  # type: ignore[attr-defined]
        assert trailing.get(ERROR_CODE_KEY) == code
    assert stored(engine, pair_id).vote == "tie"
