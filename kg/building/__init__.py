"""Building a store: the builder, incremental manifests, worker processes and follow-up links."""
