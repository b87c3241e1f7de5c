"""The services the terminal app talks to: gRPC clients, found on the servers given or started here.

    with open_services(settings, ["gpu-host:50052", "db-host:50051"]) as services:
        services.require("labeler").next_task("alice", "ann")
        services.health()        # {"labeler": True, "inference": False, …}

Which server runs which service is asked, not configured: each address given is probed with the
gRPC health protocol for every likeness service name (one server may run several: the labeler
server also runs the draft service). Services no address answers for fall back to their
``LIKENESS_*_ADDR`` setting. With no address at all (none given, none configured), the app uses
the stack ``likeness up`` runs in the background if there is one, else every service starts in
this process on loopback (``likeness.stack``): the same servers and clients as remote.
A service that is found nowhere stays ``None``; its screen says so (``NotConnected``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from likeness.core.health import GRPC_NAMES, ServiceName, serving
from likeness.core.settings import Settings

if TYPE_CHECKING:
    from likeness.inference.client import InferenceClient
    from likeness.inference.engines.base import Engine as InferenceEngine
    from likeness.ingest.client import IngestClient
    from likeness.labeler.client import LabelerClient
    from likeness.labeler.drafts_client import DraftClient
    from likeness.stack.embedded import EmbeddedStack
    from likeness.trainer.client import TrainerClient

#: The setting that names each service's address when no --server answers for it.
ADDR_SETTINGS: dict[ServiceName, str] = {
    "ingest": "ingest_addr",
    "inference": "inference_addr",
    "labeler": "labeler_addr",
    "drafts": "labeler_addr",  # the labeler server runs the draft service
    "trainer": "trainer_addr",
}


class NotConnected(RuntimeError):
    """A screen needs a service that no server given runs."""

    def __init__(self, service: str) -> None:
        super().__init__(
            f"not connected to a {service} service: pass its address with --server HOST:PORT "
            f"or set LIKENESS_{ADDR_SETTINGS.get(service, service).upper()}"  # type: ignore[call-overload]
        )
        self.service = service


def discover(addrs: Sequence[str], settings: Settings) -> dict[ServiceName, str]:
    """Which address runs each service: the first given one whose health answers for it, else
    the service's address setting."""
    found: dict[ServiceName, str] = {}
    for addr in addrs:
        for service, grpc_name in GRPC_NAMES.items():
            if service not in found and serving(addr, grpc_name) is not None:
                found[service] = addr
    for service, setting in ADDR_SETTINGS.items():
        configured = getattr(settings, setting)
        if service not in found and configured:
            found[service] = configured
    return found


def configured_addresses(settings: Settings) -> bool:
    """Whether any service address is configured (then nothing starts embedded)."""
    return any(getattr(settings, setting) for setting in set(ADDR_SETTINGS.values()))


@dataclass
class Services:
    """One client per service found (None where none is); see the module docstring."""

    addresses: dict[ServiceName, str]
    api_key: str | None = None
    embedded: bool = False
    stack: EmbeddedStack | None = None
    _clients: dict[ServiceName, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        from likeness.inference.client import InferenceClient
        from likeness.ingest.client import IngestClient
        from likeness.labeler.client import LabelerClient
        from likeness.labeler.drafts_client import DraftClient
        from likeness.trainer.client import TrainerClient

        kinds: dict[ServiceName, Any] = {
            "ingest": IngestClient,
            "inference": InferenceClient,
            "labeler": LabelerClient,
            "drafts": DraftClient,
            "trainer": TrainerClient,
        }
        for service, addr in self.addresses.items():
            self._clients[service] = kinds[service](addr, self.api_key)

    @property
    def ingest(self) -> IngestClient | None:
        return self._clients.get("ingest")

    @property
    def inference(self) -> InferenceClient | None:
        return self._clients.get("inference")

    @property
    def labeler(self) -> LabelerClient | None:
        return self._clients.get("labeler")

    @property
    def drafts(self) -> DraftClient | None:
        return self._clients.get("drafts")

    @property
    def trainer(self) -> TrainerClient | None:
        return self._clients.get("trainer")

    def require(self, service: ServiceName) -> Any:
        """The client of ``service``; raises NotConnected when no server runs it."""
        client = self._clients.get(service)
        if client is None:
            raise NotConnected(service)
        return client

    def health(self) -> dict[ServiceName, bool]:
        """Whether each connected service answers its health check as serving now."""
        return {
            service: bool(serving(addr, GRPC_NAMES[service], key=self.api_key))
            for service, addr in self.addresses.items()
        }

    def close(self) -> None:
        for client in self._clients.values():
            client.close()
        self._clients.clear()


@contextmanager
def open_services(
    settings: Settings,
    servers: Sequence[str] = (),
    *,
    engine: InferenceEngine | None = None,
    workers: int = 1,
) -> Iterator[Services]:
    """The app's services: on the ``servers`` given (and the configured addresses), or every
    one started here when there are none (``engine``: the inference engine to run, default the
    configured one; ``workers``: the trainer's job workers). With none given and none configured,
    the stack ``likeness up`` runs is used (its addresses and session key) when there is one."""
    if not servers and engine is None:
        from likeness.stack.background import client_settings

        settings = client_settings(settings)
    with ExitStack() as stack:
        if servers or configured_addresses(settings):
            services = Services(discover(servers, settings), settings.api_key)
        else:
            from likeness.stack.embedded import EmbeddedStack

            embedded = stack.enter_context(EmbeddedStack(settings, engine=engine, workers=workers))
            found = embedded.addresses
            addresses: dict[ServiceName, str] = {
                "ingest": found.ingest,
                "inference": found.inference,
                "labeler": found.labeler,
                "drafts": found.labeler,
                "trainer": found.trainer,
            }
            services = Services(addresses, embedded.key, embedded=True, stack=embedded)
        stack.callback(services.close)
        yield services
