"""The pyshacl-turbo engine: shapes compiled once, data given as N-Triples, and a quick yes for a clean graph.

A build checks every transcript graph and keeps only the violations; almost
every graph conforms.  ``CompiledShapes.validate`` turns each native report
into an rdflib graph and binds the shapes' ~30 prefixes to it, which took as
long as validating.  :func:`turbo_engine`'s ``conforms`` asks the native
engine for its verdict alone, and a graph it does not pass goes through the
whole report as before, so the answer for it is what it always was.
"""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDFS

#: data triples -> the SHACL report graph
Run = Callable[[list[ox.Triple]], rdflib.Graph]


class TurboRun:
    """Validates data triples with shapes compiled once; the ontology's subclass axioms go with the data.

    Turbo reads the data as N-Triples written by pyoxigraph (an Oxigraph
    *store* as input would read "working" as "working"^^xsd:string and fail
    sh:in; plain N-Triples keep it a simple literal).  Of the ontology it is
    given only the rdfs:subClassOf axioms, the part the shapes read (class
    targets and sh:class), since mixing in all of it took more time than validating.
    """

    def __init__(self, shapes: rdflib.Graph, ontology: rdflib.Graph) -> None:
        import pyshacl_turbo

        self.program = pyshacl_turbo.compile_shapes(shapes)
        self.axioms = "".join(f"{s.n3()} {p.n3()} {o.n3()} .\n"
                              for s, p, o in ontology.triples((None, RDFS.subClassOf, None)))
        self._native = getattr(self.program, "_native", None)  # the verdict alone: see conforms()

    def text(self, data: list[ox.Triple]) -> str:
        # N-Triples written by Oxigraph go straight to the engine's own parser: no rdflib graph in between
        return ox.serialize(data, format=ox.RdfFormat.N_TRIPLES).decode("utf-8") + self.axioms

    def __call__(self, data: list[ox.Triple]) -> rdflib.Graph:
        from pyshacl_turbo.rdf import Input

        return self.program.validate(Input(self.text(data), "nt", None, {}), allow_warnings=True)[1]

    def conforms(self, data: list[ox.Triple]) -> bool:
        """Whether the data has no result worse than a warning (True is sure; False means: read the report).

        The native call is the one ``CompiledShapes.validate`` makes for
        N-Triples text with no options; where this version of pyshacl-turbo
        has no such call, the answer is False and the caller reads the report.
        """
        if self._native is None:
            return False
        try:
            verdict = self._native.validate(self.text(data), "nt", None, False, 100, 15, False,
                                            False, True, False, [], [], [])
        except TypeError:  # another signature: this shortcut does not apply
            self._native = None
            return False
        except Exception:  # noqa: BLE001 - the report's path raises it again, with the graph named
            return False
        return verdict[0] is True


def turbo_engine(shapes: rdflib.Graph, ontology: rdflib.Graph) -> TurboRun:
    """The turbo engine's run function (see :class:`TurboRun`)."""
    return TurboRun(shapes, ontology)
