"""Cut the network-shaped part of a built store into a small N-Quads fixture for the tests.

The network tests need a store of realistic size and shape (a publisher's
hub, hundreds of leaders, thousands of meetings) but must not depend on
../shared.  This keeps only what ``kg.network.graphs`` reads — meetings, their
participants and dates, leaders' names and tenures, commitments' types and
parties, the kinds of commitment (the ontology's subclasses of irkg:Commitment,
which the network reads them by), the countries of the reference graph — drops the transcripts listed
in an exclusion file (the sealed test split), and writes the quads sorted,
gzipped, so a rerun gives the same bytes.

    python tools/make_network_fixture.py build/kn-store tests/data/network/kremlin-news-network.nq.gz \
        --exclude TEST_SPLIT_FILES.txt
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

import pyoxigraph as ox

IRKG = "https://w3id.org/irkg/ontology#"
KEEP = {IRKG + name for name in ("participant", "date", "title", "reportedIn", "holdsTenure", "holder",
                                 "officeOfCountry", "office", "byCountry", "toCountry", "inTranscript",
                                 "status", "item", "value", "unit", "published", "alpha3", "alpha2")}
KEEP |= {"http://xmlns.com/foaf/0.1/name", "http://www.w3.org/2000/01/rdf-schema#label",
         "http://www.w3.org/2002/07/owl#sameAs", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"}
SUBCLASS_OF = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
TYPES = {IRKG + name for name in ("Meeting", "Leader", "Tenure", "Country", "Transcript")}
SKIP_SUBJECTS = ("/utterance/", "/evidence", "/figure/")


def wanted(quad: ox.Quad, kinds: set[str]) -> bool:
    """Only the facts the network reads: no quotes, utterances, figures or transcript titles.

    ``kinds`` are the IRIs of the commitment classes (the store's subclasses of irkg:Commitment).
    """
    predicate, subject = quad.predicate.value, quad.subject.value
    if predicate == SUBCLASS_OF:
        return quad.object.value == IRKG + "Commitment"
    if predicate not in KEEP or any(part in subject for part in SKIP_SUBJECTS):
        return False
    if predicate.endswith("#type"):
        return quad.object.value in TYPES or quad.object.value in kinds
    if predicate == IRKG + "title":
        return "/meeting/" in subject
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("output")
    parser.add_argument("--exclude", help="file of transcript paths to leave out, one a line")
    args = parser.parse_args()
    excluded = set()
    if args.exclude:
        excluded = {Path(line.strip()).name for line in Path(args.exclude).read_text().splitlines() if line.strip()}
    store = ox.Store.read_only(args.store)
    dropped = set()
    for row in store.query(f"SELECT ?g ?src WHERE {{ GRAPH ?g {{ ?t a <{IRKG}Transcript> ; <{IRKG}source> ?src }} }}"):
        if Path(row["src"].value).name in excluded:
            dropped.add(row["g"].value)
    kinds = {q.subject.value for q in store.quads_for_pattern(None, ox.NamedNode(SUBCLASS_OF),
                                                               ox.NamedNode(IRKG + "Commitment"), None)}
    lines = set()
    for quad in store:
        graph = quad.graph_name
        if isinstance(graph, ox.NamedNode) and graph.value in dropped:
            continue
        if not wanted(quad, kinds):
            continue
        lines.add(f"{quad.subject} {quad.predicate} {quad.object} {graph} .\n")
    with gzip.GzipFile(args.output, "wb", mtime=0) as out:
        out.write("".join(sorted(lines)).encode("utf-8"))
    print(f"{len(lines)} quads, {len(dropped)} transcripts left out -> {args.output}")


if __name__ == "__main__":
    main()
