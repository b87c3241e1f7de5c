"""The terminal app: six screens (modes), one key each, over the services it was given.

    with open_services(settings, servers) as services:
        LikenessApp(services, persona="alice", annotator="ann", keymap=settings.tui_keymap).run()

F1-F6 switch screens (each keeps its state while another is shown), Ctrl+O picks the persona every
screen works on, Ctrl+Q quits. Every binding has an id (``app.label``, ``label.accept_1``, …) and
``keymap`` (the ``tui_keymap`` setting) remaps any of them. The app polls the services' health;
while one is unreachable the title bar says so and which, and the gRPC channels reconnect by
themselves.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from likeness.core.settings import Settings
from likeness.tui.screens.arena import ArenaScreen
from likeness.tui.screens.chat import ChatScreen
from likeness.tui.screens.corpus import CorpusScreen
from likeness.tui.screens.drafts import DraftsScreen
from likeness.tui.screens.jobs import JobsScreen
from likeness.tui.screens.label import LabelScreen
from likeness.tui.services import Services
from likeness.tui.working import describe

HEALTH_POLL_S = 3.0


class PersonaPicker(ModalScreen[str | None]):
    """Choose the persona the screens work on (Esc keeps the current one)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Keep", id="personas.keep")
    ]

    def __init__(self, personas: list[tuple[str, str]], current: str | None) -> None:
        super().__init__()
        self.personas = personas
        self.current = current

    def compose(self) -> ComposeResult:
        yield Label("Persona (Enter picks, Esc keeps the current one)")
        options = [Option(f"{slug}  {name}", id=slug) for slug, name in self.personas]
        yield OptionList(*options, id="personas")

    def on_mount(self) -> None:
        picker = self.query_one(OptionList)
        for index, (slug, _) in enumerate(self.personas):
            if slug == self.current:
                picker.highlighted = index

    @on(OptionList.OptionSelected)
    def picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class LikenessApp(App[None]):
    """See the module docstring."""

    TITLE = "likeness"
    CSS_PATH = "app.tcss"
    MODES: ClassVar[dict[str, type]] = {  # type: ignore[assignment]
        "label": LabelScreen,
        "chat": ChatScreen,
        "corpus": CorpusScreen,
        "jobs": JobsScreen,
        "drafts": DraftsScreen,
        "arena": ArenaScreen,
    }
    DEFAULT_MODE = "label"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "switch_mode('label')", "Label", id="app.label", show=False),
        Binding("f2", "switch_mode('chat')", "Chat", id="app.chat", show=False),
        Binding("f3", "switch_mode('corpus')", "Corpus", id="app.corpus", show=False),
        Binding("f4", "switch_mode('jobs')", "Jobs", id="app.jobs", show=False),
        Binding("f5", "switch_mode('drafts')", "Drafts", id="app.drafts", show=False),
        Binding("f6", "switch_mode('arena')", "Arena", id="app.arena", show=False),
        Binding("ctrl+o", "pick_persona", "Persona", id="app.persona", show=False),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True, show=False),
    ]

    #: The persona every screen works on (None until one is known).
    persona: reactive[str | None] = reactive(None)
    #: Services not answering their health check now (empty: all well).
    unreachable: reactive[tuple[str, ...]] = reactive(())

    def __init__(
        self,
        services: Services,
        *,
        persona: str | None = None,
        annotator: str = "annotator",
        keymap: dict[str, str] | None = None,
        health_poll_s: float = HEALTH_POLL_S,
        settings: Settings | None = None,
    ) -> None:
        super().__init__()
        self.services = services
        #: Where files the app writes go (drafts exports: ``settings.data_dir``); default: the
        #: environment's settings.
        self.settings = settings if settings is not None else Settings()
        self.annotator = annotator
        self.health_poll_s = health_poll_s
        self._keymap = dict(keymap or {})
        self.set_reactive(LikenessApp.persona, persona)

    def on_mount(self) -> None:
        if self._keymap:
            self.set_keymap(self._keymap)
        self.show_connection()
        if self.persona is None:
            self.find_persona()
        if self.health_poll_s > 0:
            self.set_interval(self.health_poll_s, self.check_health)

    def app_keys(self) -> dict[str, str]:
        """Binding id -> the key shown for it (the first of its keys, after the keymap)."""
        shown = {}
        for binding in self.BINDINGS:
            if isinstance(binding, Binding) and binding.id:
                keys = self._keymap.get(binding.id, binding.key)
                first = keys.split(",")[0].strip()
                display = self.get_key_display(Binding(first, binding.action))
                # Function keys read as on the keyboard (Textual shows them lower-case).
                shown[binding.id] = display.upper() if display[1:].isdigit() else display
        return shown

    # --- persona ---

    def _personas(self) -> list[tuple[str, str]]:
        client = self.services.require("ingest")
        return [(p.slug, p.display_name) for p in client.list_personas()]

    @work(thread=True, exclusive=True, group="personas", exit_on_error=False)
    def find_persona(self) -> None:
        """With no persona given: the first one the corpus has."""
        try:
            personas = self._personas()
        except Exception as exc:
            self.notify(describe(exc), severity="error", markup=False)
            return
        if not personas:
            self.notify(
                "no persona yet: import an archive first (likeness import PATH --persona SLUG)",
                severity="warning",
                timeout=10,
            )
            return
        self.call_from_thread(setattr, self, "persona", personas[0][0])

    @work(thread=True, exclusive=True, group="personas", exit_on_error=False)
    def action_pick_persona(self) -> None:
        try:
            personas = self._personas()
        except Exception as exc:
            self.notify(describe(exc), severity="error", markup=False)
            return
        self.call_from_thread(
            self.push_screen, PersonaPicker(personas, self.persona), self._persona_picked
        )

    def _persona_picked(self, slug: str | None) -> None:
        if slug:
            self.persona = slug

    def watch_persona(self) -> None:
        self.show_connection()

    async def action_quit(self) -> None:
        # Thread workers cannot be stopped, and the app waits for them on exit: closing the
        # channels first ends any call still waiting on a server (a NextTask the model is
        # preparing) at once, instead of after its deadline.
        self.services.close()
        self.exit()

    # --- connection ---

    @work(thread=True, exclusive=True, group="health", exit_on_error=False)
    def check_health(self) -> None:
        health = self.services.health()
        down = tuple(sorted(name for name, ok in health.items() if not ok))
        if down != self.unreachable:
            self.call_from_thread(setattr, self, "unreachable", down)

    def watch_unreachable(self, before: tuple[str, ...], after: tuple[str, ...]) -> None:
        self.show_connection()
        if after and not before:
            self.notify(
                f"lost {', '.join(after)}: reconnecting …", severity="warning", markup=False
            )
        elif before and not after:
            self.notify("reconnected", markup=False)

    def show_connection(self) -> None:
        where = "embedded" if self.services.embedded else "remote"
        if self.unreachable:
            state = f"reconnecting: {', '.join(self.unreachable)} unreachable"
        else:
            state = f"connected ({where})"
        persona = self.persona or "no persona"
        self.sub_title = f"{persona} · {self.annotator} · {state}"
