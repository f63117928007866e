"""Scoring extraction against gold: reading facts back, the gold JSON shape, the scorer and ``kg eval``."""
