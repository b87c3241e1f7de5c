"""The automatic proxy for a normalised post: did the rewrite do the job without changing the post?

    result = check_normalization(clean_text, output)   # CheckResult
    summarize([result, ...])                            # rates for a table or a JSON file

One definition, used by the unit tests, ``bench/normalizer_prompt.py`` and the docs. It needs no
model and no person, so it only approximates a human judgment; it is strict where a rewrite is
objectively wrong (a link or handle left over, the author's words lost, words made up) and says
nothing about fluency. The criteria, exactly:

* ``links_gone``: the output holds no link (``http://``, ``https://``, ``www.``, ``t.co/``,
  ``pic.twitter.com/``, or the stub of a link cut short: "ht...", "https://...").
* ``rt_gone``: the output holds no retweet prefix (``RT @name``, or "RT" as its first word).
* ``handles_gone``: the output holds no ``@word`` (a lone "@" is not a handle).
* ``words_kept`` (ratio, passes at ``WORDS_KEPT_MIN`` = 0.80): of the original's *required
  words*, the share that appear in the output in the same order — the length of the longest
  common subsequence of the two word lists over the number of required words (1.0 when there are
  none). Words are whitespace-separated tokens with non-alphanumeric characters stripped from both
  ends (tokens left empty, such as "!!!", "-" or an emoji, are not words), compared
  case-sensitively. Required are all words of the original except: links; the ``RT @name:``
  prefix; @handles; hashtags; a lead-in label (capitals ending in a colon at the very start,
  "BREAKING:", "JUST IN:"); a trailing self-attribution ("- Donald J. Trump", "—DJT"); "w/" and a
  lone "@". Those are what a rewrite may drop or reword.
* ``nothing_added`` (passes when ``added_share`` ≤ ``ADDED_MAX_SHARE`` = 0.10): ``added_words``
  are output words, compared case-insensitively, that are none of: a word of the original
  (hyphen/slash-joined words also count by their parts); a hashtag or handle body or its
  camel-case parts ("@JoeBiden" allows "JoeBiden", "Joe", "Biden"; "#MakeAmericaGreat" allows
  "Make", "America", "Great"); a word of two or more letters and digits found inside a handle
  body ("@oreillyfactor" allows "O'Reilly" and "Factor"); the words of ``ALLOWED_EXTRA_WORDS``
  ("I", "my", "me" for turning a retweet into the author's own sentence, "with" for "w/", "at"
  for "@", and a few joining words: "and", "the", "a", "an", "to", "of"). ``added_share`` is
  their share of the output's words (0.0 for an empty output). Left-over links, "RT", @handles
  and "w/" are not counted here: they fail their own criteria.
* ``passed``: all of the above pass, and the output is not empty.
* ``hashtags_gone`` (reported, not part of ``passed``): the output holds no ``#word``. Whether a
  hashtag should stay as a word or go is a judgment the proxy cannot make, and keeping one harms
  nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

WORDS_KEPT_MIN = 0.80
ADDED_MAX_SHARE = 0.10
ALLOWED_EXTRA_WORDS = frozenset(
    {"i", "my", "me", "with", "at", "and", "the", "a", "an", "to", "of"}
)

# A link, or what an exporter left of one it cut short ("ht...", "https://...").
_LINK = re.compile(
    r"(?:https?://|www\.|\bt\.co/|\bpic\.twitter\.com/)\S*|\bht{1,2}p?s?:?/{0,2}(?:\.\.\.|…)",
    re.IGNORECASE,
)
_RT_PREFIX = re.compile(r"^\s*RT\s+@(\w+):?\s*")
_RT_LEFT = re.compile(r"(?:^\s*RT\b|\bRT\s+@\w)")
_HANDLE = re.compile(r"@\w")
_LEAD_IN = re.compile(r"^\s*(?:[A-Z]{2,}\s+){0,2}[A-Z]{2,}:\s+")
# After a space or the end of a sentence, dashes, then a name ("- Donald J. Trump": words in
# title case or initials) or initials right after the dash ("—DJT"); "- SAD" and
# "-- BIG LEAGUE." are the author's words, not a signature.
_SIGNATURE = re.compile(
    r"(?<=[\s.!?\"])[-—–]+(?:\s*[A-Z](?:[a-z]+|\.)(?:\s+[A-Z](?:[a-z]+|\.)){0,3}|[A-Z]{2,4})\s*$"
)
_CAMEL_PART = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
_JOINED = re.compile(r"[-/]")
_HASHTAG = re.compile(r"(?:^|\s)#\w")
_W_SLASH = re.compile(r"(?:^|\s)w/")


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The proxy's verdict on one rewrite (see the module docstring for each criterion)."""

    links_gone: bool
    rt_gone: bool
    handles_gone: bool
    words_kept: float
    added_words: tuple[str, ...]
    added_share: float
    empty: bool
    # Not part of ``passed`` (the proxy leaves hashtags to judgment): no "#word" left.
    hashtags_gone: bool
    # What the original held, so rates can also be given over the posts that needed the fix.
    had_link: bool
    had_rt: bool
    had_handle: bool
    had_hashtag: bool

    @property
    def words_kept_ok(self) -> bool:
        return self.words_kept >= WORDS_KEPT_MIN

    @property
    def nothing_added(self) -> bool:
        return self.added_share <= ADDED_MAX_SHARE

    @property
    def passed(self) -> bool:
        return (
            not self.empty
            and self.links_gone
            and self.rt_gone
            and self.handles_gone
            and self.words_kept_ok
            and self.nothing_added
        )


def _word(token: str) -> str:
    start, end = 0, len(token)
    while start < end and not token[start].isalnum():
        start += 1
    while end > start and not token[end - 1].isalnum():
        end -= 1
    return token[start:end]


def words(text: str) -> list[str]:
    """The words of ``text`` as the proxy counts them (tokens stripped of edge punctuation)."""
    return [w for w in map(_word, text.split()) if w]


def _name_parts(body: str) -> set[str]:
    """A handle or hashtag body and its camel-case/underscore parts, lower-cased."""
    parts = {body, *body.split("_"), *_CAMEL_PART.findall(body)}
    return {p.lower() for p in parts if p}


def _split_original(original: str) -> tuple[list[str], set[str], list[str]]:
    """(required words in order, allowed output words lower-cased, handle bodies lower-cased)
    for ``original``."""
    text = _LINK.sub(" ", original)
    allowed: set[str] = set(ALLOWED_EXTRA_WORDS)
    handles: list[str] = []
    retweeted = _RT_PREFIX.match(text)
    if retweeted:
        handles.append(retweeted.group(1).lower())
        allowed |= _name_parts(retweeted.group(1))
        text = text[retweeted.end() :]
    optional_text = ""
    lead_in = _LEAD_IN.match(text)
    if lead_in:
        optional_text += lead_in.group()
        text = text[lead_in.end() :]
    signature = _SIGNATURE.search(text)
    if signature:
        optional_text += signature.group()
        text = text[: signature.start()]
    required: list[str] = []
    for token in text.split():
        if token in ("@", "w/"):
            continue
        if token.startswith("w/"):  # "w/him": "him" is the author's word
            token = token[2:]
        if _HANDLE.search(token) or token.startswith("#"):
            body = _word(token)
            allowed |= _name_parts(body)
            if "@" in token:
                handles.append(body.lower())
            continue
        word = _word(token)
        if word:
            required.append(word)
    for word in required + words(optional_text):
        allowed |= {word.lower(), *(p.lower() for p in _JOINED.split(word) if p)}
    return required, allowed, handles


def _added_candidates(output: str) -> list[str]:
    """The output's words that could be added ones: links, "RT", @handles and the "w/" sign
    left over are already failures of their own criteria and are not counted twice."""
    candidates = []
    for token in _LINK.sub(" ", output).split():
        if _HANDLE.search(token) or token == "RT":
            continue
        word = _word(token[2:] if token.startswith("w/") else token)
        if word:
            candidates.append(word)
    return candidates


def _is_allowed(word: str, allowed: set[str], handles: list[str]) -> bool:
    lowered = word.lower()
    if lowered in allowed:
        return True
    # A name spelled out from a lower-case handle: "@oreillyfactor" -> "O'Reilly Factor".
    letters = "".join(c for c in lowered if c.isalnum())
    return len(letters) >= 2 and any(letters in handle for handle in handles)


def to_normalise(text: str) -> tuple[str, ...]:
    """What in a cleaned post there is for a normaliser to fix: any of "rt", "link", "handle",
    "hashtag", "w/", "lead-in", "signature" (empty: the post should come back as it is)."""
    checks = (
        ("rt", _RT_LEFT),
        ("link", _LINK),
        ("handle", _HANDLE),
        ("hashtag", _HASHTAG),
        ("w/", _W_SLASH),
        ("lead-in", _LEAD_IN),
        ("signature", _SIGNATURE),
    )
    return tuple(name for name, pattern in checks if pattern.search(text))


def _lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def check_normalization(original: str, output: str) -> CheckResult:
    """Judge ``output`` as a normalisation of the cleaned post ``original``."""
    required, allowed, handles = _split_original(original)
    out_words = words(output)
    kept = _lcs_length(required, out_words) / len(required) if required else 1.0
    candidates = _added_candidates(output)
    added = tuple(w for w in candidates if not _is_allowed(w, allowed, handles))
    return CheckResult(
        links_gone=_LINK.search(output) is None,
        rt_gone=_RT_LEFT.search(output) is None,
        handles_gone=_HANDLE.search(output) is None,
        words_kept=kept,
        added_words=added,
        added_share=len(added) / len(candidates) if candidates else 0.0,
        empty=not out_words,
        hashtags_gone=_HASHTAG.search(output) is None,
        had_link=_LINK.search(original) is not None,
        had_rt=_RT_LEFT.search(original) is not None,
        had_handle=_HANDLE.search(original) is not None,
        had_hashtag=_HASHTAG.search(original) is not None,
    )


def _rate(flags: Iterable[bool]) -> float | None:
    values = list(flags)
    return round(sum(values) / len(values), 4) if values else None


def summarize(results: Sequence[CheckResult]) -> dict[str, Any]:
    """Rates over a set of rewrites. ``*_where_present`` rates count only the posts whose
    original had that thing (the others pass trivially); a rate over no posts is ``None``."""
    n = len(results)
    return {
        "posts": n,
        "pass_rate": _rate(r.passed for r in results),
        "links_gone": _rate(r.links_gone for r in results),
        "links_gone_where_present": _rate(r.links_gone for r in results if r.had_link),
        "rt_gone": _rate(r.rt_gone for r in results),
        "rt_gone_where_present": _rate(r.rt_gone for r in results if r.had_rt),
        "handles_gone": _rate(r.handles_gone for r in results),
        "handles_gone_where_present": _rate(r.handles_gone for r in results if r.had_handle),
        "hashtags_gone_where_present": _rate(r.hashtags_gone for r in results if r.had_hashtag),
        "words_kept": round(sum(r.words_kept for r in results) / n, 4) if n else None,
        "words_kept_pass_rate": _rate(r.words_kept_ok for r in results),
        "added_rate": _rate(not r.nothing_added for r in results),
        "added_share_mean": round(sum(r.added_share for r in results) / n, 4) if n else None,
        "empty_rate": _rate(r.empty for r in results),
        "with_link": sum(r.had_link for r in results),
        "with_rt": sum(r.had_rt for r in results),
        "with_handle": sum(r.had_handle for r in results),
        "with_hashtag": sum(r.had_hashtag for r in results),
    }
