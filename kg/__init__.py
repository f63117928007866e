"""irkg: a knowledge graph of international relations from transcripts of leaders' meetings."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
