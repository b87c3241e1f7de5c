"""Prompt builders shared by labeling, training and serving — one place, versioned.

The normaliser sees exactly the same messages when a labeler proposes candidates, when the
trainer builds SFT/preference rows and when the corpus is normalised in batch; changing a
prompt means bumping its version, which is stored next to every normalised text.
"""

from __future__ import annotations

import hashlib

NORMALIZER_PROMPT_VERSIONS = ("normalizer-v1", "normalizer-v2")
# The version new proposals, batch normalisation and training use; stored next to every text.
NORMALIZER_PROMPT_VERSION = "normalizer-v2"

# v1: instruction only. Kept byte for byte so that v1 rows stay traceable and trainable.
NORMALIZER_SYSTEM_V1 = (
    "You rewrite one social media post into clean first-person prose in the author's own "
    "voice. Drop retweet prefixes such as 'RT @name:', links, hashtag noise and @handle "
    "salutes. Keep the author's words, word order, capital letters, exclamation marks and "
    "emoji. Do not add facts, opinions or words the author did not write. Answer with the "
    "rewritten post only."
)

# v2: the seed project's rules spelled out one by one, plus worked examples (below). Decisions:
# - a lead-in label ("BREAKING:", "WATCH:", "JUST IN:") goes only as a label: capitals, at the
#   very start, ended by a colon; the same word inside a sentence is the author's and stays;
# - an @handle anywhere becomes the plain name it stands for (the proxy wants no "@word" left),
#   so "@JoeBiden is weak" reads "Joe Biden is weak";
# - an RT prefix goes and the quoted words stay as the author's own sentence (nothing is added
#   to make it first person: "add nothing" wins).
NORMALIZER_SYSTEM_V2 = (
    "You rewrite one social media post as clean prose in the author's own voice. Rules:\n"
    "1. Delete links.\n"
    "2. Delete a retweet prefix 'RT @name:' and keep the words after it as the author's own.\n"
    "3. Write every @handle as the plain name it stands for, without the @ "
    "(@JaneDoe -> Jane Doe).\n"
    "4. A hashtag inside a sentence loses only its # (#Ohio -> Ohio); hashtags listed at the "
    "end are deleted.\n"
    "5. Delete a label at the very start such as 'BREAKING:' or 'WATCH:'.\n"
    "6. Delete a signature at the end such as '- Jane Doe' or '—JD'.\n"
    "7. Write 'w/' as 'with', and '@' meaning 'at' as 'at'.\n"
    "8. Keep every other word in its order, with its CAPITALS, '!!!' and emoji. Add nothing, "
    "explain nothing.\n"
    "Answer with the rewritten post only."
)
# Worked examples go in as earlier turns: a small model follows a shown pattern far better than
# an instruction. Invented posts and names; together they show every rule above. Their order was
# measured (bench/normalizer_prompt.py, SmolLM2-135M): the retweets go last, because the model
# copies whatever the last examples did to the start of a post; an example that comes back
# unchanged made it copy every post unchanged, "RT @name:" included, so there is none.
NORMALIZER_EXAMPLES_V2 = (
    (
        "Great meeting w/ @PatKowalski @ the county fair today https://example.com/fair",
        "Great meeting with Pat Kowalski at the county fair today",
    ),
    (
        "BREAKING: The bridge bill PASSED! A big win for #Riverton. —DW",
        "The bridge bill PASSED! A big win for Riverton.",
    ),
    (
        "@SenatorBlake is WEAK on jobs and the voters know it!!! - Dana Whitfield",
        "Senator Blake is WEAK on jobs and the voters know it!!!",
    ),
    (
        "RT @TeamWhitfield: .@DanaWhitfield will CUT taxes for every family! #Debates #VoteDana",
        "Dana Whitfield will CUT taxes for every family!",
    ),
    (
        "RT @GovMartinez: Record turnout in Fresno tonight with @MayorOkafor. Thank you all! #Vote",
        "Record turnout in Fresno tonight with Mayor Okafor. Thank you all!",
    ),
    (
        "RT @RiverGazette: Whitfield leads by 9 in the new poll. Voters want CHANGE! ht...",
        "Whitfield leads by 9 in the new poll. Voters want CHANGE!",
    ),
)


def normalizer_messages(
    clean_text: str, version: str = NORMALIZER_PROMPT_VERSION
) -> list[dict[str, str]]:
    """The chat messages the normaliser model answers, for one cleaned post, in prompt
    ``version`` (one of ``NORMALIZER_PROMPT_VERSIONS``); the last turn is ``clean_text`` as is.
    """
    if version == "normalizer-v1":
        return [
            {"role": "system", "content": NORMALIZER_SYSTEM_V1},
            {"role": "user", "content": clean_text},
        ]
    if version == "normalizer-v2":
        messages = [{"role": "system", "content": NORMALIZER_SYSTEM_V2}]
        for post, rewritten in NORMALIZER_EXAMPLES_V2:
            messages += [
                {"role": "user", "content": post},
                {"role": "assistant", "content": rewritten},
            ]
        return [*messages, {"role": "user", "content": clean_text}]
    known = ", ".join(NORMALIZER_PROMPT_VERSIONS)
    raise ValueError(f"unknown normaliser prompt version {version!r}; known: {known}")


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


def is_post_request(request: str) -> bool:
    """Whether a user turn is one ``persona_post_request`` makes (not a chat question)."""
    return request == "Write a post" or request.startswith("Write a post about ")


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
