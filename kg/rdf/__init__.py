"""Facts to RDF: the namespace that mints every IRI, the mapping, the graph layout, metadata and JSON-LD."""
