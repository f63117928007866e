"""What a build did: the counts, errors and warnings behind its closing summary line."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.store.ondisk import DiskList, DiskSet
from kg.errors import KgError


@dataclass
class BuildResult:
    """What a build did, for the closing summary line.

    ``meetings`` counts distinct meeting IRIs written, as ``kg stats`` counts them in the store,
    not transcripts that report a meeting: ``joined`` says how many transcripts reported a
    meeting another transcript (of this build or already in the store) reported first.
    ``undated`` counts transcripts with neither a publication date nor a meeting date, and
    ``windowed`` those of them the graph still places in a window of publication days (a
    kremlin.ru page without a dateline, by its page number: ``irkg:publishedNotBefore`` and
    ``irkg:publishedNotAfter``).
    ``unchanged`` counts transcripts left alone because their graph holds the same text read by
    the same reader version; ``removed`` the graphs dropped because their source now gives
    another text or was pruned.
    """

    read: int = 0
    built: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    meetings: int = 0
    joined: int = 0
    undated: int = 0
    windowed: int = 0
    triples: int = 0
    removed: int = 0
    seconds: float = 0.0
    errors: list[KgError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: one string per page until the build ends: kept on disk (:mod:`kg.store.ondisk`), not in memory
    meeting_iris: DiskSet = field(default_factory=DiskSet, repr=False)
    graphs: DiskList = field(default_factory=DiskList, repr=False)  # written, for the build's provenance
    store_had_graphs: bool = field(default=False, repr=False)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def summary(self) -> str:
        joined = f" ({self.joined} transcripts joined an existing meeting)" if self.joined else ""
        windowed = f" ({self.windowed} with only a window of publication days)" if self.windowed else ""
        undated = f", {self.undated} without a date{windowed}" if self.undated else ""
        unchanged = f", unchanged {self.unchanged}" if self.unchanged else ""
        removed = f", removed {self.removed} old graph(s)" if self.removed else ""
        return (f"read {self.read}, built {self.built}{unchanged}, skipped {self.skipped}, failed {self.failed}, "
                f"meetings {self.meetings}{joined}, triples {self.triples}{undated}{removed}, "
                f"{self.seconds:.1f} s")
