"""Where the graph lives: the Store protocol with Oxigraph and remote endpoints, export, push, stats, serving."""
