"""SHACL validation of the graph, one transcript graph at a time, and its reports."""
