"""Opening a store by name: ``"memory"``, a store directory, or a SPARQL 1.1 endpoint URL.

The one place that knows every kind of store, so the stores themselves need
not know each other.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import StoreError

if TYPE_CHECKING:  # the stores load pyoxigraph: imported when one is opened, not to tell the kinds apart
    from kg.store.protocol import Store


def is_store_directory(spec: str) -> bool:
    """Whether ``spec`` names a store directory, not ``"memory"`` or an endpoint URL."""
    return spec != "memory" and not spec.startswith(("http://", "https://"))


def open_store(spec: str = "kg-store", *, create: bool = True, read_only: bool | None = None) -> Store:
    """``"memory"``, a store directory, or a SPARQL 1.1 endpoint URL (see :mod:`kg.store.endpoint`).

    With ``create=False`` (commands that only read) a missing directory is an
    error rather than a new empty store, so a mistyped ``--store`` says so
    instead of answering every question with nothing; and a directory is
    opened read-only unless ``read_only=False`` says otherwise.
    """
    from kg.store.embedded import OxigraphStore

    if spec == "memory":
        return OxigraphStore(None)
    if not is_store_directory(spec):
        from kg.store.endpoint import EndpointStore

        return EndpointStore(spec)
    if not create and not Path(spec).exists():
        raise StoreError(f"{spec}: no store here: build one with `kg build FILES --store {spec}`, "
                         "or point --store at a store directory or a SPARQL endpoint URL")
    return OxigraphStore(spec, read_only=(not create) if read_only is None else read_only)
