"""The versioned normaliser prompt (v1 frozen byte for byte, v2 = rules + worked examples) and
the automatic proxy that measures a rewrite."""

from __future__ import annotations

import pytest

from likeness.core.normalizer_check import check_normalization, summarize, to_normalise
from likeness.core.prompts import (
    NORMALIZER_EXAMPLES_V2,
    NORMALIZER_PROMPT_VERSION,
    NORMALIZER_PROMPT_VERSIONS,
    normalizer_messages,
    normalizer_version,
)

# Today's v1 system prompt, copied here on purpose: if prompts.py changes it, v1 rows in the
# database no longer match the prompt they were labeled and trained with.
V1_SYSTEM = (
    "You rewrite one social media post into clean first-person prose in the author's own "
    "voice. Drop retweet prefixes such as 'RT @name:', links, hashtag noise and @handle "
    "salutes. Keep the author's words, word order, capital letters, exclamation marks and "
    "emoji. Do not add facts, opinions or words the author did not write. Answer with the "
    "rewritten post only."
)
POST = "RT @someone: Big  day!!! #Win https://example.com/x"


def test_v1_messages_are_byte_identical_to_the_original_prompt() -> None:
    assert normalizer_messages(POST, "normalizer-v1") == [
        {"role": "system", "content": V1_SYSTEM},
        {"role": "user", "content": POST},
    ]


def test_v2_is_the_current_version_and_both_are_known() -> None:
    assert NORMALIZER_PROMPT_VERSIONS == ("normalizer-v1", "normalizer-v2")
    assert NORMALIZER_PROMPT_VERSION == "normalizer-v2"
    assert normalizer_messages(POST) == normalizer_messages(POST, "normalizer-v2")
    assert normalizer_version("org/model").startswith("normalizer-v2@model:")


def test_v2_is_system_then_example_turns_then_the_post_untouched() -> None:
    messages = normalizer_messages(POST, "normalizer-v2")
    assert messages[0]["role"] == "system"
    examples = messages[1:-1]
    assert 4 <= len(examples) // 2 <= 6
    assert [m["role"] for m in examples] == ["user", "assistant"] * (len(examples) // 2)
    pairs = zip(examples[::2], examples[1::2], strict=True)
    assert [(u["content"], a["content"]) for u, a in pairs] == list(NORMALIZER_EXAMPLES_V2)
    assert messages[-1] == {"role": "user", "content": POST}


def test_v2_examples_show_every_rule() -> None:
    posts = " ".join(p for p, _ in NORMALIZER_EXAMPLES_V2)
    answers = " ".join(a for _, a in NORMALIZER_EXAMPLES_V2)
    for marker in ("RT @", "http", "w/", " @ ", "#", "BREAKING:", "—", " - ", "!!!"):
        assert marker in posts, marker
    for gone in ("RT @", "http", "w/", "@", "#", "BREAKING:", "—"):
        assert gone not in answers, gone
    assert "!!!" in answers and "WEAK" in answers and "CHANGE" in answers  # kept as written


def test_unknown_version_is_refused_naming_the_known_ones() -> None:
    with pytest.raises(ValueError, match="normalizer-v1, normalizer-v2"):
        normalizer_messages(POST, "normalizer-v3")


# -- the automatic proxy (likeness.core.normalizer_check) -------------------------------------

RT_POST = "RT @bob: great rally tonight in #Ohio! #MAGA https://t.co/abc"


def test_a_good_rewrite_passes_every_criterion() -> None:
    result = check_normalization(RT_POST, "great rally tonight in Ohio!")
    assert result.passed
    assert (result.links_gone, result.rt_gone, result.handles_gone) == (True, True, True)
    assert result.words_kept == 1.0 and result.added_words == ()


def test_a_leading_handle_may_become_the_name_it_stands_for() -> None:
    result = check_normalization("@JoeBiden is weak on crime!!!", "Joe Biden is weak on crime!!!")
    assert result.passed and result.had_handle


def test_a_left_over_link_fails() -> None:
    result = check_normalization(RT_POST, "great rally tonight in Ohio! https://t.co/abc")
    assert not result.links_gone and not result.passed


def test_a_left_over_rt_prefix_fails() -> None:
    result = check_normalization(RT_POST, "RT @bob: great rally tonight in Ohio!")
    assert not result.rt_gone and not result.handles_gone and not result.passed


def test_a_left_over_handle_fails_but_a_lone_at_sign_is_no_handle() -> None:
    assert not check_normalization("Thanks @FoxNews!", "Thanks @FoxNews!").handles_gone
    assert check_normalization("See you @ noon", "See you @ noon").handles_gone


def test_words_lost_or_reordered_fail_the_kept_ratio() -> None:
    original = "We will bring back our jobs and we will win again"  # 11 words
    assert check_normalization(original, "We will win").words_kept < 0.8
    shuffled = check_normalization(original, "again win will we and jobs our back bring will We")
    assert shuffled.words_kept < 0.8 and not shuffled.passed  # all words present, order lost
    # Case-sensitive: lower-casing the author's CAPS loses the words.
    assert check_normalization("MAKE IT GREAT", "make it great").words_kept == 0.0


def test_chatter_around_the_post_counts_as_added_words() -> None:
    result = check_normalization("Thank you Iowa!", "Here is the rewritten post: Thank you Iowa!")
    assert result.words_kept == 1.0 and not result.nothing_added and not result.passed
    assert result.added_words == ("Here", "is", "rewritten", "post")  # "the" is allowed


def test_rewrite_words_are_allowed_and_optional_parts_may_go() -> None:
    original = "BREAKING: Great meeting w/ farmers @ the fair. #Iowa #Farms - Donald J. Trump"
    result = check_normalization(original, "Great meeting with farmers at the fair.")
    assert result.passed  # label, tags and signature dropped; "with"/"at" allowed
    assert check_normalization(original, "My great meeting with farmers at the fair.").passed


def test_an_empty_output_fails() -> None:
    result = check_normalization("Thank you Iowa!", "   ")
    assert result.empty and not result.passed


def test_summarize_gives_rates_overall_and_where_present() -> None:
    results = [
        check_normalization(RT_POST, "great rally tonight in Ohio!"),
        check_normalization(RT_POST, "RT @bob: great rally tonight in Ohio!"),
        check_normalization("Thank you Iowa!", "Here is the rewritten post: Thank you Iowa!"),
        check_normalization("Thank you Iowa!", "Thank you Iowa!"),
    ]
    summary = summarize(results)
    assert summary["posts"] == 4 and summary["pass_rate"] == 0.5
    assert summary["rt_gone"] == 0.75 and summary["rt_gone_where_present"] == 0.5
    assert summary["with_rt"] == 2 and summary["added_rate"] == 0.25  # a left "RT" counts once
    assert summary["words_kept"] == 1.0
    assert summarize([])["pass_rate"] is None


def test_a_name_spelled_out_from_a_lower_case_handle_is_not_added() -> None:
    result = check_normalization(
        "Tonight on @oreillyfactor. Enjoy!", "Tonight on O'Reilly Factor. Enjoy!"
    )
    assert result.passed
    assert check_normalization("Tonight on @oreillyfactor.", "Tonight on Fox.").added_words == (
        "Fox",
    )


def test_a_link_cut_short_by_the_exporter_still_counts_as_a_link() -> None:
    assert not check_normalization("FINAL PUSH! ht...", "FINAL PUSH! ht...").links_gone
    assert check_normalization("FINAL PUSH! ht...", "FINAL PUSH!").passed


def test_to_normalise_names_what_a_post_holds() -> None:
    assert to_normalise(RT_POST) == ("rt", "link", "handle", "hashtag")
    assert to_normalise("BREAKING: lunch w/ Bob. - Donald J. Trump") == (
        "w/",
        "lead-in",
        "signature",
    )
    assert to_normalise("Thank you Iowa!") == ()


def test_left_overs_fail_their_own_criterion_only() -> None:
    result = check_normalization(RT_POST, "RT @bob: great rally tonight in Ohio! https://t.co/abc")
    assert not (result.rt_gone or result.handles_gone or result.links_gone)
    assert result.added_words == () and result.words_kept == 1.0
    kept_sign = check_normalization("lunch w/ Bob", "lunch w/ Bob")
    assert kept_sign.added_words == () and kept_sign.passed  # "w/" is not judged


def test_hashtags_are_reported_but_do_not_decide() -> None:
    result = check_normalization("Thank you Iowa! #Win", "Thank you Iowa! #Win")
    assert not result.hashtags_gone and result.passed
    assert summarize([result])["hashtags_gone_where_present"] == 0.0
