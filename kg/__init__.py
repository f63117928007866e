"""irkg: a knowledge graph of international relations from transcripts of leaders' meetings."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "to_networkx"]


def __getattr__(name: str):
    """Lazy public API: ``kg.to_networkx`` imports networkx only when first used."""
    if name == "to_networkx":
        from kg.network import to_networkx
        return to_networkx
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
