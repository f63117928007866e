"""Exceptions the library raises; the CLI turns each into one line on stderr.

Every message says what happened, where (file, line, transcript) and, where
there is one, what to do about it.
"""

from __future__ import annotations


class KgError(Exception):
    """Base of every error irkg raises on purpose."""


class InputError(KgError):
    """A file or record cannot be read or parsed (bad encoding, empty, not a transcript)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StageError(KgError):
    """A pipeline stage failed on one transcript; names the stage and the source."""

    def __init__(self, source: str, stage: str, reason: str) -> None:
        super().__init__(f"{source}: {stage} failed: {reason}")
        self.source = source
        self.stage = stage
        self.reason = reason


class PipelineError(KgError):
    """A pipeline names an unknown component, or orders components against their requirements."""


class StoreError(KgError):
    """The store cannot be opened, read or written."""


class QueryError(KgError):
    """A SPARQL query is malformed, times out, or its parameters are wrong."""


class NetworkError(KgError):
    """A network cannot be written (unknown suffix, missing optional dependency, unwritable file)."""
