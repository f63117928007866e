"""Networks out of the store: networkx graphs, metrics and their export as files, HTML and pictures."""
