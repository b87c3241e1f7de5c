"""Prompt builders shared by labeling, training and serving — one place, versioned.

The normaliser sees exactly the same messages when a labeler proposes candidates, when the
trainer builds SFT/preference rows and when the corpus is normalised in batch; changing a
prompt means bumping its version, which is stored next to every normalised text.
"""

from __future__ import annotations

import hashlib

NORMALIZER_PROMPT_VERSION = "normalizer-v1"

NORMALIZER_SYSTEM = (
    "You rewrite one social media post into clean first-person prose in the author's own "
    "voice. Drop retweet prefixes such as 'RT @name:', links, hashtag noise and @handle "
    "salutes. Keep the author's words, word order, capital letters, exclamation marks and "
    "emoji. Do not add facts, opinions or words the author did not write. Answer with the "
    "rewritten post only."
)


def normalizer_messages(clean_text: str) -> list[dict[str, str]]:
    """The chat messages the normaliser model answers, for one cleaned post."""
    return [
        {"role": "system", "content": NORMALIZER_SYSTEM},
        {"role": "user", "content": clean_text},
    ]


def normalizer_version(model_id: str) -> str:
    """What is stored in ``posts.normalizer_version``: prompt version and model (its name plus a
    hash of the full id or path), so a text can be traced to the prompt and model that wrote it.
    """
    name = model_id.rstrip("/").rsplit("/", 1)[-1][:24]
    digest = hashlib.sha256(model_id.encode()).hexdigest()[:8]
    return f"{NORMALIZER_PROMPT_VERSION}@{name}:{digest}"


PERSONA_POST_PROMPT_VERSION = "persona-post-v1"


def persona_post_request(topics: str) -> str:
    """The user turn that asks a persona model for a post (the same in training and serving)."""
    return f"Write a post about {topics.strip()}" if topics.strip() else "Write a post"


QA_QUESTION_PROMPT_VERSION = "qa-question-v2"

QA_QUESTION_SYSTEM = (
    "You read one social media post and write the one question a curious reader might ask that "
    "this post answers. Reply with the question only: one short line ending in a question mark."
)
# Worked examples go in as earlier turns: small generator models follow a shown pattern far
# better than an instruction (v1, instruction only, gave SmolLM2-135M statements and chatter).
QA_QUESTION_EXAMPLES = (
    ("Ran my first 10k today. Slow, soggy, very happy.", "How did your first 10k go?"),
    (
        "Reading the new Le Guin biography and I cannot put it down.",
        "What are you reading at the moment?",
    ),
)


def qa_question_messages(post_text: str) -> list[dict[str, str]]:
    """The chat messages the generator answers with one question that ``post_text`` answers
    (synthetic Q&A rows for persona training: question → the post)."""
    messages = [{"role": "system", "content": QA_QUESTION_SYSTEM}]
    for post, question in QA_QUESTION_EXAMPLES:
        messages += [
            {"role": "user", "content": post},
            {"role": "assistant", "content": question},
        ]
    return [*messages, {"role": "user", "content": post_text}]
