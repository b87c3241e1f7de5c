"""The corpus screen: a persona's numbers, its posts searched and paged, and what cleaning did.

Three views, one shown at a time under the search line:

- stats: total, kept, flagged, normalised and sources, and bars by platform, year and flag;
- posts: the posts whose clean text contains the search (all of them without one), a page at a
  time (``n``/``p``), optionally only those kept for training (``k``);
- post: one post (Enter on a row): its raw, clean and normalised texts one above the other with
  what changed highlighted, each flag with why it is there, and where the post came from.

``/`` goes to the search (Enter runs it), Esc goes back a view, ``r`` reloads. The numbers and
pages come from the ingest service (``IngestClient.stats`` / ``list_posts``) in workers; a page
holds the whole of each post, so opening one asks nothing more.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.events import Resize
from textual.widgets import ContentSwitcher, DataTable, Footer, Input, Static
from textual.worker import get_current_worker

from likeness.core.flags import FLAG_REASONS
from likeness.ingest.corpus import PersonaStats, PostInfo, PostPage
from likeness.tui.screens.base import ServiceScreen
from likeness.tui.working import background

PAGE_SIZE = 50
BAR = "█"
BAR_STYLE = "cyan"
# Word diff styles: what cleaning took out (in the text before) and put in (in the text after).
REMOVED = "bold red strike"
ADDED = "bold green underline"
# Columns of the posts table besides the text, which gets what is left of the width.
DATE_W, PLATFORM_W, FLAGS_W = 10, 9, 16
_TOKENS = re.compile(r"\s+|\S+")
_SPACES = re.compile(r"\s+")


def word_diff(before: str, after: str) -> tuple[Text, Text]:
    """``before`` with the words ``after`` lacks marked REMOVED, and ``after`` with the words
    ``before`` lacks marked ADDED (words and the spaces between them are the units)."""
    old, new = _TOKENS.findall(before), _TOKENS.findall(after)
    left, right = Text(), Text()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            left.append("".join(old[i1:i2]))
            right.append("".join(new[j1:j2]))
            continue
        left.append("".join(old[i1:i2]), style=REMOVED)
        right.append("".join(new[j1:j2]), style=ADDED)
    return left, right


def bars(title: str, counts: dict[str, int], width: int) -> Text:
    """A titled bar chart of ``counts`` in ``width`` columns, one line per label."""
    # A Text's own style would be every line's: the title gets its style as a span.
    text = Text().append(title, style="bold")
    if not counts:
        return text.append("\n  none", style="dim")
    label_w = max(len(label) for label in counts)
    count_w = max(len(str(n)) for n in counts.values())
    bar_w = max(width - label_w - count_w - 4, 1)
    top = max(counts.values()) or 1
    for label, n in counts.items():
        # At least one block for any non-zero count, so a rare flag still shows.
        length = max(round(n / top * bar_w), 1 if n else 0)
        text.append(f"\n  {label:<{label_w}} ")
        text.append(BAR * length, style=BAR_STYLE)
        text.append(f" {n:>{count_w}}")
    return text


def most_first(counts: dict[str, int]) -> dict[str, int]:
    """``counts`` largest first (ties by label), as the charts list them."""
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def one_line(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` columns with an ellipsis."""
    flat = _SPACES.sub(" ", text).strip()
    return flat if len(flat) <= width else flat[: max(width - 1, 0)] + "…"


def when(post: PostInfo) -> str:
    return post.created_at.strftime("%Y-%m-%d %H:%M") if post.created_at else "no date"


@dataclass(frozen=True, slots=True)
class Listing:
    """Which posts the table lists: the search, and whether only kept posts."""

    query: str | None = None
    kept_only: bool = False


class PostTable(DataTable[str]):
    """The posts of a page, one row each (keyed by post id); Enter opens the one at the cursor.

    Its Enter is the screen's ``corpus.open`` too (one id: one remap moves both): the table's
    own Enter would otherwise come first, unnamed and unlisted in the footer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", id="corpus.open"),
    ]


class CorpusScreen(ServiceScreen):
    """See the module docstring."""

    CSS_PATH = "corpus.tcss"
    # Nothing focused at first: the keys act on the screen (a focused search would take them).
    AUTO_FOCUS = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="corpus.search"),
        Binding("enter", "open_post", "Open", id="corpus.open"),
        Binding("escape", "back", "Back", id="corpus.back"),
        Binding("n", "page(1)", "Next", id="corpus.next_page"),
        Binding("p", "page(-1)", "Prev", id="corpus.previous_page"),
        Binding("k", "toggle_kept", "Kept only", id="corpus.kept_only"),
        Binding("r", "refresh", "Refresh", id="corpus.refresh"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.listing = Listing()
        #: The page token of each page up to the one shown ("" for the first).
        self.page_tokens: list[str] = [""]
        self.next_token = ""
        self.total = 0
        self.posts: dict[str, PostInfo] = {}
        self.stats: PersonaStats | None = None

    def compose(self) -> ComposeResult:
        yield from self.top_bar()
        yield Input(placeholder="/ search the clean text (Enter)", compact=True, id="search")
        yield Static(id="corpus-status")
        with ContentSwitcher(initial="stats", id="views"):
            with VerticalScroll(id="stats"):
                yield Static(id="stats-totals")
                with Horizontal(id="stats-charts"):
                    yield Static(id="stats-left")
                    yield Static(id="stats-flags")
            yield PostTable(id="posts", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="post"):
                yield Static(id="post-meta")
                yield Static(id="post-flags")
                yield Static(id="post-texts")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(PostTable)
        table.add_column("date", width=DATE_W, key="date")
        table.add_column("platform", width=PLATFORM_W, key="platform")
        table.add_column("flags", width=FLAGS_W, key="flags")
        table.add_column("text", key="text")
        self.watch(self.likeness, "persona", self.persona_changed)

    # --- views ---

    @property
    def view(self) -> str:
        return self.query_one(ContentSwitcher).current or "stats"

    def show_view(self, name: str) -> None:
        self.query_one(ContentSwitcher).current = name
        if name == "posts":
            self.query_one(PostTable).focus()
        elif name == "post":
            post = self.query_one("#post", VerticalScroll)
            post.scroll_home(animate=False)
            post.focus()  # the arrows scroll a long thread
        else:
            self.set_focus(None)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Hidden where they do nothing (False); shown dimmed while their page does not exist.
        if action == "back":
            return self.view != "stats" or self.focused is self.query_one(Input)
        if action == "open_post":
            return self.view == "posts"
        if action == "page" and self.view == "posts":
            step = parameters[0] if parameters else 1
            return (bool(self.next_token) if step == 1 else len(self.page_tokens) > 1) or None
        return True

    def persona_changed(self, persona: str | None) -> None:
        self.listing = Listing(kept_only=self.listing.kept_only)
        self.query_one(Input).value = ""
        self.show_view("stats")
        self.reload()

    def reload(self, token: str | None = None) -> None:
        """Stats and a page of the listing (``token`` None: the first one) for the persona; the
        view stays as it is."""
        if not self.persona:
            self.query_one("#stats-totals", Static).update(
                "no persona yet: Ctrl+O picks one, or import an archive first"
            )
            return
        self.load_stats(self.persona)
        page = len(self.page_tokens) if token is not None else 1
        self.load_posts(self.persona, self.listing, token or "", page, reveal=False)

    # --- actions ---

    def action_search(self) -> None:
        if self.view == "post":
            self.show_view("posts")
        self.query_one(Input).focus()

    @on(Input.Submitted, "#search")
    def search(self, event: Input.Submitted) -> None:
        if self.persona:
            query = event.value.strip() or None
            self.load_posts(self.persona, Listing(query, self.listing.kept_only), "", 1)

    def action_back(self) -> None:
        if self.focused is self.query_one(Input):
            self.show_view(self.view)  # leaves the search, stays on the view
        elif self.view == "post":
            self.show_view("posts")
        elif self.view == "posts":
            self.show_view("stats")

    def action_page(self, step: int) -> None:
        if self.view != "posts":
            # From the stats or a post, the first press shows the page the table holds.
            self.show_view("posts")
            return
        if not self.persona:
            return
        if step > 0 and self.next_token:
            self.load_posts(self.persona, self.listing, self.next_token, len(self.page_tokens) + 1)
        elif step < 0 and len(self.page_tokens) > 1:
            page = len(self.page_tokens) - 1
            self.load_posts(self.persona, self.listing, self.page_tokens[page - 1], page)

    def action_toggle_kept(self) -> None:
        if self.persona:
            listing = Listing(self.listing.query, not self.listing.kept_only)
            self.load_posts(self.persona, listing, "", 1)

    def action_refresh(self) -> None:
        self.reload(self.page_tokens[-1])

    def action_open_post(self) -> None:
        self.query_one(PostTable).action_select_cursor()

    @on(DataTable.RowSelected, "#posts")
    def open_post(self, event: DataTable.RowSelected) -> None:
        post = self.posts.get(str(event.row_key.value))
        if post is not None:
            self.show_post(post)
            self.show_view("post")

    # --- loading (workers) ---

    @background(group="corpus-stats")
    def load_stats(self, persona: str) -> None:
        stats = self.services.require("ingest").stats(persona)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_stats, stats)

    @background(group="corpus-posts")
    def load_posts(
        self, persona: str, listing: Listing, token: str, page: int, *, reveal: bool = True
    ) -> None:
        """Page ``page`` (its ``token``) of ``listing``; ``reveal``: then show the posts view."""
        result = self.services.require("ingest").list_posts(
            persona,
            query=listing.query,
            kept_only=listing.kept_only,
            page_size=PAGE_SIZE,
            page_token=token,
        )
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_page, listing, token, page, result, reveal)

    # --- showing ---

    def show_stats(self, stats: PersonaStats) -> None:
        self.stats = stats
        if not stats.total:
            totals = Text(f"{stats.persona}: no posts yet (likeness import PATH --persona …)")
        else:
            totals = Text.assemble(
                (f"{stats.persona}", "bold"),
                f": {stats.total} posts · {stats.kept} kept · {stats.flagged} flagged · "
                f"{stats.normalized} normalised · {stats.sources} "
                f"{'source' if stats.sources == 1 else 'sources'}",
            )
        self.query_one("#stats-totals", Static).update(totals)
        # Two columns of charts, each half the screen (the stats view may be hidden: no size).
        width = max(self.size.width // 2 - 2, 30)
        chart = bars("By platform", most_first(stats.by_platform), width)
        # Years in order ("unknown", for posts without a date, last); the wire keeps no order.
        years = dict(sorted(stats.by_year.items(), key=lambda item: (not item[0].isdigit(), item)))
        chart.append("\n\n").append(bars("By year", years, width))
        self.query_one("#stats-left", Static).update(chart)
        flags = bars("By flag", most_first(stats.by_flag), width)
        self.query_one("#stats-flags", Static).update(flags)

    def show_page(
        self, listing: Listing, token: str, page: int, result: PostPage, reveal: bool
    ) -> None:
        self.listing = listing
        self.page_tokens = [*self.page_tokens[: page - 1], token] if page > 1 else [""]
        self.next_token = result.next_page_token
        self.total = result.total
        self.posts = {post.id: post for post in result.posts}
        self.fill_table()
        if reveal:
            self.show_view("posts")
        self.show_status()

    def show_status(self) -> None:
        pages = max(math.ceil(self.total / PAGE_SIZE), 1)
        what = f"“{self.listing.query}”: " if self.listing.query else ""
        kept = " · kept only" if self.listing.kept_only else ""
        posts = "1 post" if self.total == 1 else f"{self.total} posts"
        self.query_one("#corpus-status", Static).update(
            f"{what}{posts} · page {len(self.page_tokens)} of {pages}{kept}"
        )
        self.refresh_bindings()

    def fill_table(self) -> None:
        table = self.query_one(PostTable)
        table.clear()
        # Each column has a cell's padding either side; 2 more for the scroll bar.
        others = DATE_W + PLATFORM_W + FLAGS_W + 2 * 4 + 2
        width = max(self.size.width - others, 20)
        for post in self.posts.values():
            flags = Text(one_line(", ".join(post.flags), FLAGS_W))
            flags.stylize("red" if not post.kept else "dim")
            table.add_row(
                post.created_at.strftime("%Y-%m-%d") if post.created_at else "",
                post.platform,
                flags,
                one_line(post.clean_text, width) or Text("(no text)", style="dim"),
                key=post.id,
            )

    def on_resize(self, event: Resize) -> None:
        # The text column and the bars are cut to the width: cut them again for the new one.
        if self.posts:
            table = self.query_one(PostTable)
            row = table.cursor_row
            self.fill_table()
            table.move_cursor(row=row, animate=False)
        if self.stats is not None:
            self.show_stats(self.stats)

    def show_post(self, post: PostInfo) -> None:
        meta = Text.assemble(
            (post.platform, "bold"),
            f" · {when(post)}",
            f" · @{post.author}" if post.author else "",
            " · ",
            ("kept for training", "green") if post.kept else ("left out of training", "red"),
        )
        details = [
            ("record", post.source_record),
            ("post id", post.external_id),
            ("thread", post.thread_id),
            ("duplicate of", post.duplicate_of),
        ]
        for label, value in details:
            if value:
                meta.append(f"\n{label}: ", style="dim").append(value)
        self.query_one("#post-meta", Static).update(meta)
        flags = Text().append("Flags", style="bold")
        if not post.flags:
            flags.append("  none", style="dim")
        for name in post.flags:
            flags.append(f"\n  {name}", style="bold").append(f": {FLAG_REASONS.get(name, '')}")
        self.query_one("#post-flags", Static).update(flags)
        raw, clean = word_diff(post.raw_text, post.clean_text)
        texts = Text()
        texts.append("Raw", style="bold").append(" (struck out: removed by cleaning)", style="dim")
        texts.append("\n").append(raw).append("\n\n")
        texts.append("Clean", style="bold").append(" (underlined: put in by cleaning)", style="dim")
        texts.append("\n").append(clean).append("\n\n")
        texts.append("Normalised", style="bold")
        if post.normalized_text is None:
            texts.append("\nnot normalised", style="dim")
        else:
            _, normalised = word_diff(post.clean_text, post.normalized_text)
            texts.append(" (underlined: what normalising changed)", style="dim")
            texts.append("\n").append(normalised)
        self.query_one("#post-texts", Static).update(texts)
