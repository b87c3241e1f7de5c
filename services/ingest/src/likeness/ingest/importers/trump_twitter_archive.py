"""Trump Twitter Archive (thetrumparchive.com) exports: a JSON list of tweets, or a folder of them.

Two record shapes share the format: the site's "condensed" objects (``id_str``, ``text``,
``created_at``, ``is_retweet``, ``in_reply_to_user_id_str``, counts, a plain ``source``) and raw
Twitter API v1.1 tweets (``user``, ``retweeted_status``, ``quoted_status``, ``entities``).
Both go through the shared tweet converter.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from likeness.ingest.errors import MalformedInput
from likeness.ingest.importers.fields import bare_handle
from likeness.ingest.importers.file_importer import JsonFileImporter
from likeness.ingest.importers.jsonio import load_json
from likeness.ingest.importers.sniffing import json_or_none, peek_or_empty
from likeness.ingest.importers.tweets import decode_typed_tweets, general_posts, typed_posts
from likeness.ingest.records import RawPost
from likeness.ingest.source_tree import SourceTree

# How many leading records sniff inspects: enough to see past an odd first one.
_SNIFF_RECORDS = 5


def _looks_like_tweet(item: Any) -> bool:
    # Mastodon statuses have "id"/"content"/"account", never "id_str"; Factbase items no list.
    return (
        isinstance(item, dict)
        and "id_str" in item
        and "created_at" in item
        and ("text" in item or "full_text" in item)
    )


class TrumpTwitterArchiveImporter(JsonFileImporter):
    name = "tta"
    description = "Trump Twitter Archive JSON (condensed or raw API tweets), a file or a folder"

    def sniff(self, tree: SourceTree) -> bool:
        files = self.files(tree)
        if not files:
            return False
        # A list is told by its head; checking the records means parsing the smallest file whole.
        name = min(files, key=tree.size)
        if peek_or_empty(tree, name).lstrip(b"\xef\xbb\xbf \t\r\n")[:1] != b"[":
            return False
        data = json_or_none(tree, name)
        if not isinstance(data, list) or not data:
            return False
        return all(_looks_like_tweet(item) for item in data[:_SNIFF_RECORDS])

    def parse(self, tree: SourceTree) -> Iterator[RawPost]:
        files = self.files(tree)
        if not files:
            raise MalformedInput("no .json files in this folder", path=str(tree.path))
        author = bare_handle(self.options.author)
        seen: set[str] = set()
        for name in files:
            where = tree.where(name)
            payload = tree.read_bytes(name)
            typed = decode_typed_tweets(payload)
            posts = None if typed is None else typed_posts(typed, name, author=author)
            if posts is None:
                tweets = load_json(payload, where)
                if not isinstance(tweets, list):
                    raise MalformedInput(
                        f"expected a JSON list of tweets, found {type(tweets).__name__}",
                        path=where,
                    )
                posts = general_posts(tweets, name, where, author=author)
            for post in posts:
                if post.external_id in seen:
                    continue  # the same tweet in two downloaded files (e.g. a year and "all")
                seen.add(post.external_id)
                yield post
