"""Training the sentence reader (:mod:`kg.extract.learned`) from the annotated corpus.

Only used from a checkout, with the ``train`` extra (scikit-learn); the
runtime reads the model file alone and needs none of this.
"""
