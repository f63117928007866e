"""The query library and its helpers: loading and binding queries, results as Python values, guards, workers."""
