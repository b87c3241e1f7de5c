"""A post's topics: a few names and keywords, picked deterministically (no model, no network).

    topics = extract_topics("Loved the Tate Modern today! The #ClimateChange rooms were huge")
    # ['Tate Modern', 'Climate Change', 'rooms']
    persona_post_request(topics_phrase(topics))   # "Write a post about Tate Modern, ..."

A persona is trained on "Write a post about <topics>" → post and asked the same way when
serving, so the same text must always give the same topics, on any machine.

How candidates are found and ranked:

- links, @handles, e-mail addresses and number-only tokens are dropped; ``#hashtags`` become
  words (``#ClimateChange`` → "Climate Change"), since authors tag what a post is about;
- capitalised spans that are not just a sentence's first word ("Tate Modern", "Bank of England",
  "NASA") are names and keep their casing; everything else is lower-cased;
- the rest is split into phrases at stopwords and punctuation, as RAKE does, and each phrase
  (at most three words) is scored by its words' frequency and length, with a bonus for longer
  phrases, names and hashtags;
- the best ``k`` that do not repeat one another are returned in the order they first appear.

Text in ALL CAPS or Title Case Everywhere carries no information in its casing: it is then
treated as lower case throughout.

``extract_topics_yake`` is the alternative a dataset can ask for (``topic_extractor="yake"``):
the same links/handles/hashtag handling, YAKE's statistical ranking (the PyPI ``yake``
package), the same "no topic inside another" rule and order of appearance.
``bench/chat_recipe.py`` measures the two against each other.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

# English function words, social-media filler and words too general to be a topic.
_STOPWORD_TEXT = """
    a about above after again against ago all almost also am among an and another any anyone
    anything are aren't around as at away back be became because been before being below
    between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
    done down during each either else enough etc even ever every everyone everything few for
    from further get gets getting go goes going gone got gotta had hadn't has hasn't have
    haven't having he he'd he'll he's her here here's hers herself him himself his how how's
    however i i'd i'll i'm i've if in into is isn't it it's its itself just know let let's like
    made make makes many may maybe me might mine more most much must mustn't my myself need
    needs never new next no nor not nothing now of off often oh ok okay on once one only onto
    or other others ought our ours ourselves out over own per perhaps please put quite rather
    re really said same say says see seems shall shan't she she'd she'll she's should
    shouldn't since so some someone something soon still such sure take than that that's the
    their theirs them themselves then there there's these they they'd they'll they're they've
    thing things think this those though thought through thru to today tomorrow tonight too
    took toward towards under until up upon us use used very via want wants was wasn't way we
    we'd we'll we're we've well went were weren't what what's whatever when when's where
    where's whether which while who who's whom whose why why's will with within without won't
    would wouldn't yeah yes yet you you'd you'll you're you've your yours yourself yourselves
    yesterday along across behind beside beyond inside outside near around against
    hello hi hey thanks thank welcome great good nice best better bad worse worst awesome
    amazing cool fun happy lovely love loved loves lot lots pretty kind sort little big huge
    day days time times week weeks year years ate came come comes coming feel feels felt find
    found give gave given keep kept left look looks looked looking mean means meant saw seen
    start started tell told tried try trying call called ask asked says saying getting check
    wrote
    zero two three four five six seven eight nine ten hundred thousand million first second
    third last least
    amp rt mt cc ht lol lmao rofl omg haha hahaha tbh imo imho btw idk pls plz thx ty yay wow
    im ive id ill dont doesnt didnt cant wont isnt arent wasnt werent couldnt shouldnt wouldnt
    youre theyre thats whats theres lets gonna wanna
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
# Lower-case words that may sit inside a name: "Bank of England", "Ludwig van Beethoven".
NAME_CONNECTORS = frozenset({"of", "the", "de", "la", "le", "du", "da", "del", "van", "von", "der"})
MIN_WORD_CHARS = 3
MAX_PHRASE_WORDS = 3
MAX_NAME_WORDS = 5

_TOKEN = re.compile(
    r"(?P<drop>(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@])@\w+(?:@[\w-]+(?:\.[\w-]+)+)?)"
    r"|(?P<tag>(?<![\w#&])#[^\W_]\w*)"
    r"|(?P<word>[^\W_]+(?:['’][^\W_]+)*(?:-[^\W_]+(?:['’][^\W_]+)*)*)"
    r"|(?P<end>[.!?…]+|\n)"
    r"|(?P<other>\S)"
)
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


@dataclass(slots=True)
class _Token:
    text: str  # as written, possessive "'s" removed
    key: str  # lower case, curly apostrophes straightened
    kind: str  # "word" | "tag" (a word from a hashtag) | "break"
    sentence_start: bool = False

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def acronym(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return 2 <= len(letters) <= 6 and self.text.isupper()

    @property
    def content(self) -> bool:
        """A word that can be (part of) a topic."""
        return (
            self.kind != "break"
            and self.key not in STOPWORDS
            and any(c.isalpha() for c in self.key)
            and (len(self.key) >= MIN_WORD_CHARS or self.acronym)
        )


@dataclass(slots=True)
class _Candidate:
    display: str
    key: str
    words: tuple[str, ...]
    position: int
    name: bool = False
    hashtag: bool = False
    score: float = field(default=0.0)


def _tag_words(body: str) -> list[str]:
    words: list[str] = []
    for part in body.split("_"):
        # One-case tags ("climatechange", "COVID19") have no word boundaries to find.
        if part.islower() or part.isupper() or part.isdigit():
            words.append(part)
        else:
            words.extend(_CAMEL.findall(part))
    return [w for w in words if w]


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    sentence_open = False  # a word has been seen since the last sentence end
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        value = match.group()
        if kind == "word":
            word = _POSSESSIVE.sub("", value)
            key = word.lower().replace("’", "'")
            tokens.append(_Token(word, key, "word", sentence_start=not sentence_open))
            sentence_open = True
        elif kind == "tag":
            tokens.append(_Token("", "", "break"))
            for word in _tag_words(value[1:]):
                tokens.append(_Token(word, word.lower(), "tag"))
            tokens.append(_Token("", "", "break"))
        else:
            tokens.append(_Token("", "", "break"))
            if kind == "end":
                sentence_open = False
    return tokens


def _case_is_informative(tokens: list[_Token]) -> bool:
    """False for SHOUTED or Title Cased text, where capitals do not mark names."""
    words = [t for t in tokens if t.kind == "word" and sum(c.isalpha() for c in t.text) >= 2]
    if len(words) >= 3 and sum(t.text.isupper() for t in words) >= 0.7 * len(words):
        return False
    inner = [t for t in words if not t.sentence_start]
    return not (len(inner) >= 4 and sum(t.capitalised for t in inner) >= 0.7 * len(inner))


def _name_spans(tokens: list[_Token]) -> dict[int, int]:
    """Start index → end index (exclusive) of each name: a run of capitalised words, possibly
    joined by connectors, that is not just a capitalised first word of a sentence."""

    def is_name_word(token: _Token) -> bool:
        return token.kind == "word" and token.capitalised and token.key not in STOPWORDS

    spans: dict[int, int] = {}
    i = 0
    while i < len(tokens):
        if not is_name_word(tokens[i]):
            i += 1
            continue
        end = i + 1
        while end < len(tokens) and end - i < MAX_NAME_WORDS:
            if is_name_word(tokens[end]):
                end += 1
                continue
            # Up to two connectors, but only when a capitalised word follows them; never "the"
            # first ("Loved the Tate Modern" is no name, "Museum of the Moving Image" is one).
            j = end
            while (
                j < len(tokens)
                and j - end < 2
                and tokens[j].key in NAME_CONNECTORS
                and (j > end or tokens[j].key != "the")
            ):
                j += 1
            if j > end and j < len(tokens) and is_name_word(tokens[j]):
                end = j + 1
                continue
            break
        if _is_name(tokens[i:end]):
            spans[i] = end
        i = end
    return spans


def _is_name(span: list[_Token]) -> bool:
    if len(span) == 1:
        first = span[0]
        # A lone capital at a sentence's start is just grammar, unless it is an acronym.
        return first.content and (first.acronym or not first.sentence_start)
    return all(len(t.key) >= 2 for t in span)


def _candidates(tokens: list[_Token], informative_case: bool) -> list[_Candidate]:
    names = _name_spans(tokens) if informative_case else {}
    found: list[_Candidate] = []
    run: list[int] = []

    def flush() -> None:
        if not run:
            return
        # Adverbs and past forms make weak phrase edges: "walked home" is about "home".
        while len(run) > 1 and _weak(tokens[run[0]].key):
            run.pop(0)
        while len(run) > 1 and _weak(tokens[run[-1]].key):
            run.pop()
        # A long or repetitive run has no clear phrase: offer its words one by one.
        keys = [tokens[i].key for i in run]
        whole = len(run) <= MAX_PHRASE_WORDS and len(set(keys)) == len(keys)
        groups = [list(run)] if whole else [[i] for i in run]
        for group in groups:
            words = tuple(tokens[i].key for i in group)
            hashtag = all(tokens[i].kind == "tag" for i in group)
            cased = hashtag and informative_case and any(tokens[i].capitalised for i in group)
            display = " ".join(tokens[i].text if cased else tokens[i].key for i in group)
            found.append(
                _Candidate(display, " ".join(words), words, group[0], name=cased, hashtag=hashtag)
            )
        run.clear()

    i = 0
    while i < len(tokens):
        token = tokens[i]
        if i in names:
            flush()
            end = names[i]
            span = tokens[i:end]
            display = " ".join(t.text for t in span)
            words = tuple(t.key for t in span if t.key not in NAME_CONNECTORS)
            found.append(_Candidate(display, display.lower(), words, i, name=True))
            i = end
            continue
        if token.content:
            run.append(i)
        else:
            flush()  # hashtags are fenced by breaks, so a run never spans two of them
        i += 1
    flush()
    return found


def _weak(word: str) -> bool:
    return len(word) > 4 and word.endswith(("ly", "ed"))


def _score(candidates: list[_Candidate]) -> None:
    frequency: dict[str, int] = {}
    for candidate in candidates:
        for word in candidate.words:
            frequency[word] = frequency.get(word, 0) + 1
    for candidate in candidates:
        words = candidate.words or (candidate.key,)
        # Repeated words matter more; longer words are more specific than short ones.
        per_word = [
            (frequency.get(w, 1) + min(len(w), 10) / 10) * (0.5 if _weak(w) else 1.0) for w in words
        ]
        score = sum(per_word) / len(per_word) * (1 + 0.25 * (len(words) - 1))
        score += 1.0 if candidate.name else 0.0
        score += 0.5 if candidate.hashtag else 0.0
        candidate.score = round(score, 6)  # rounded: no float noise in the ranking


def _merge(candidates: list[_Candidate]) -> list[_Candidate]:
    """One candidate per key: the first occurrence, a name if it is a name anywhere."""
    merged: dict[str, _Candidate] = {}
    for candidate in candidates:
        seen = merged.get(candidate.key)
        if seen is None:
            merged[candidate.key] = candidate
            continue
        seen.score += 0.5  # said again: more likely the subject
        seen.hashtag = seen.hashtag or candidate.hashtag
        if candidate.name and not seen.name:
            seen.name, seen.display = True, candidate.display
    return list(merged.values())


def extract_topics(text: str, k: int = 3) -> list[str]:
    """Up to ``k`` topics of ``text`` (names keep their casing), in the order they appear."""
    if k <= 0 or not text.strip():
        return []
    tokens = _tokenize(text)
    candidates = _candidates(tokens, _case_is_informative(tokens))
    _score(candidates)
    ranked = sorted(_merge(candidates), key=lambda c: (-c.score, c.position, c.key))
    chosen: list[_Candidate] = []
    for candidate in ranked:
        words = set(candidate.words)
        # "climate" adds nothing next to "climate change" (and the other way round).
        if any(words <= set(c.words) or set(c.words) <= words for c in chosen):
            continue
        chosen.append(candidate)
        if len(chosen) == k:
            break
    return [c.display for c in sorted(chosen, key=lambda c: c.position)]


def topics_phrase(topics: list[str]) -> str:
    """``["a", "b", "c"]`` → ``"a, b and c"`` (the words after "Write a post about")."""
    items = [t.strip() for t in topics if t.strip()]
    if len(items) <= 1:
        return items[0] if items else ""
    return f"{', '.join(items[:-1])} and {items[-1]}"


# --- YAKE -----------------------------------------------------------------------------------

TopicExtractor = Literal["builtin", "yake"]


def _plain_text(text: str) -> str:
    """``text`` without links, handles and e-mail addresses, hashtags as their words: what
    both extractors read."""
    parts: list[str] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "drop":
            parts.append(" , ")  # a dropped token still ends a phrase
        elif kind == "tag":
            parts.append(" , " + " ".join(_tag_words(match.group()[1:])) + " , ")
        else:
            parts.append(match.group())
        parts.append(" ")
    return re.sub(r"\s+", " ", "".join(parts)).strip()


@cache
def _yake(top: int) -> Any:
    import yake

    return yake.KeywordExtractor(lan="en", n=MAX_PHRASE_WORDS, top=top, dedupLim=0.7)


def extract_topics_yake(text: str, k: int = 3) -> list[str]:
    """Up to ``k`` topics of ``text`` ranked by YAKE, in the order they appear."""
    plain = _plain_text(text)
    if k <= 0 or not plain:
        return []
    chosen: list[tuple[str, frozenset[str]]] = []
    for phrase, _score in _yake(3 * k).extract_keywords(plain):
        words = frozenset(w.lower() for w in phrase.split())
        if words <= STOPWORDS or not any(c.isalpha() for c in phrase):
            continue
        if any(words <= seen or seen <= words for _p, seen in chosen):
            continue
        chosen.append((phrase, words))
        if len(chosen) == k:
            break
    lowered = plain.lower()
    return [p for p, _w in sorted(chosen, key=lambda item: lowered.find(item[0].lower()))]


TOPIC_EXTRACTORS: dict[str, Callable[[str, int], list[str]]] = {
    "builtin": extract_topics,
    "yake": extract_topics_yake,
}
