"""Topic extraction: names keep their casing, noise is dropped, the result never varies."""

from __future__ import annotations

import pytest

from likeness.trainer.topics import (
    STOPWORDS,
    TOPIC_EXTRACTORS,
    extract_topics,
    extract_topics_yake,
    topics_phrase,
)


def test_names_keep_their_casing_and_come_in_text_order() -> None:
    text = "Loved the Tate Modern today! The #ClimateChange rooms were huge"
    assert extract_topics(text) == ["Tate Modern", "Climate Change", "rooms"]


def test_names_may_contain_connectors_and_acronyms_count() -> None:
    assert "Bank of England" in extract_topics("A long queue at the Bank of England museum")
    assert "Ludwig van Beethoven" in extract_topics("Ludwig van Beethoven wrote symphonies")
    assert "NASA" in extract_topics("NASA launched another rocket, the rocket was huge")


def test_a_capital_at_a_sentence_start_is_not_a_name() -> None:
    topics = extract_topics("Coffee first. Then the garden, and more coffee in the garden.")
    assert "Coffee" not in topics and "coffee" in topics


def test_links_handles_numbers_and_emails_are_dropped() -> None:
    text = "RT @bob: 2021 https://example.com/x www.site.org a.b@mail.com 42 @ann@m.social"
    topics = extract_topics(text + " kayaking")
    assert topics == ["kayaking"]


def test_hashtags_become_words() -> None:
    assert extract_topics("#MondayMotivation #climate_change #COVID19") == [
        "Monday Motivation",
        "climate change",
        "COVID19",
    ]


def test_stopwords_and_short_words_never_come_back() -> None:
    assert extract_topics("lol ok it is what it is, I am so so so tired of it") == ["tired"]
    assert extract_topics("an ox on a ski") == ["ski"]  # three letters is enough
    for topic in extract_topics("I think that we should go to the bakery and the big park"):
        assert topic.lower() not in STOPWORDS and len(topic) >= 3


def test_shouting_and_title_case_carry_no_names() -> None:
    assert extract_topics("I LOVE THIS SONG SO MUCH!!!") == ["song"]
    assert extract_topics("Went To The Store To Buy Some Milk And Eggs") == [
        "store",
        "milk",
        "eggs",
    ]


def test_a_repeated_word_outranks_a_single_one() -> None:
    topics = extract_topics("Pottery class tonight. The pottery wheel hates me. Pottery!", k=1)
    assert topics == ["pottery"]


def test_k_limits_and_no_topic_repeats_another() -> None:
    text = "The climate change march, then climate talks, then a climate change film in Bristol"
    topics = extract_topics(text, k=2)
    assert len(topics) == 2
    assert not any(a != b and a.lower() in b.lower() for a in topics for b in topics)
    assert extract_topics(text, k=0) == []
    assert len(extract_topics(text, k=10)) <= 10


@pytest.mark.parametrize("text", ["", "   ", "!!!", "https://x.y/z", "@someone", "12 34"])
def test_nothing_to_say_gives_no_topics(text: str) -> None:
    assert extract_topics(text) == []


def test_the_same_text_always_gives_the_same_topics() -> None:
    text = "Ate ramen in Shibuya with Kenji, then karaoke until the trains stopped #Tokyo"
    first = extract_topics(text)
    assert all(extract_topics(text) == first for _ in range(5))
    assert first == ["Shibuya", "Kenji", "Tokyo"]


def test_topics_phrase_joins_like_a_person_would() -> None:
    assert topics_phrase([]) == ""
    assert topics_phrase(["fog"]) == "fog"
    assert topics_phrase(["fog", "Leeds"]) == "fog and Leeds"
    assert topics_phrase(["a", " ", "b", "c"]) == "a, b and c"


def test_yake_topics_drop_links_and_handles_and_never_repeat_one_another() -> None:
    text = (
        "Crooked Hillary Clinton is unfit to serve as President. @CNN covered it: "
        "https://t.co/abc #MakeAmericaGreatAgain"
    )
    topics = extract_topics_yake(text, k=3)
    assert topics and len(topics) <= 3
    assert topics[0] == "Crooked Hillary Clinton"  # in the order they appear
    assert not any("http" in t or "@" in t or "CNN" in t for t in topics)
    words = [set(t.lower().split()) for t in topics]
    assert not any(a < b for a in words for b in words)  # none inside another
    assert extract_topics_yake("RT @x: https://t.co/y") == []
    assert extract_topics_yake("anything", k=0) == []
    assert TOPIC_EXTRACTORS["yake"] is extract_topics_yake
