"""Word vectors from unlabeled transcripts: positive PMI of nearby words, reduced by a truncated SVD.

The sentence reader's n-grams only know words seen in labelled commitments;
"will purchase gas" or "take part in upgrading power plants" use words the
labels rarely hold.  Words used in the same company in many transcripts
(purchase, buy, procurement) get near vectors here, and the same k-means
cluster, so the reader's cluster features
(:func:`kg.extract.reader_features.cluster_features`) let it weigh words it
never saw labelled.  Plain counting, one seeded SVD and one seeded k-means:
the same texts give the same clusters, byte for byte.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from kg.extract.reader_features import _TOKEN  # the reader's words
from kg.inputs.text import normalise

WINDOW = 5  # words either side that count as company
DIM = 64  # vector size
MIN_COUNT = 5  # rarer words get no vector
SMOOTH = 0.75  # context distribution smoothing of the PMI


def words(text: str) -> list[str]:
    """The reader's tokens of a text, numbers as ``num``."""
    return ["num" if w.isdigit() else w for w in _TOKEN.findall(normalise(text).lower())]


def vocabulary(texts: Iterable[list[str]], min_count: int = MIN_COUNT) -> list[str]:
    """Words seen at least ``min_count`` times, most frequent first (ties alphabetical)."""
    counts = Counter(w for text in texts for w in text)
    return sorted((w for w, n in counts.items() if n >= min_count), key=lambda w: (-counts[w], w))


def cooccurrence(texts: Sequence[list[str]], index: dict[str, int], window: int = WINDOW):
    """Symmetric counts of word pairs within ``window`` words (weighted 1/distance), as a CSR matrix.

    The texts are laid end to end with ``window`` gaps between them, so no pair spans two texts."""
    import numpy as np
    from scipy.sparse import coo_matrix

    size = len(index)
    gap = [-1] * window
    ids = np.array([i for text in texts for i in [index.get(w, -1) for w in text] + gap], dtype=np.int64)
    total = coo_matrix((size, size)).tocsr()
    for d in range(1, window + 1):
        a, b = ids[:-d], ids[d:]
        ok = (a >= 0) & (b >= 0)
        a, b = a[ok], b[ok]
        part = coo_matrix((np.full(len(a), 1.0 / d), (a, b)), shape=(size, size)).tocsr()
        total = total + part + part.T
    return total.tocsr()


def ppmi_svd(counts, dim: int = DIM, smooth: float = SMOOTH):
    """Row-normalised ``U * sqrt(S)`` of the positive PMI matrix: one vector per word."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from scipy.sparse.linalg import svds

    counts = csr_matrix(counts, dtype=np.float64)
    row = np.asarray(counts.sum(axis=1)).ravel()
    col = np.asarray(counts.sum(axis=0)).ravel() ** smooth
    coo = counts.tocoo()
    pmi = np.log(coo.data * col.sum() / (row[coo.row] * col[coo.col]))
    keep = pmi > 0
    ppmi = csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=counts.shape)
    v0 = np.full(counts.shape[0], 1.0 / np.sqrt(counts.shape[0]))  # a fixed start: the same vectors every run
    u, s, _ = svds(ppmi, k=dim, v0=v0)
    order = np.argsort(-s)
    vectors = u[:, order] * np.sqrt(s[order])
    signs = np.sign(vectors[np.abs(vectors).argmax(axis=0), np.arange(dim)])  # one sign per axis, fixed
    vectors = vectors * signs
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


CLUSTERS = 256  # word clusters the reader's features use (kg.extract.reader_features.cluster_features)


def clusters(vectors, k: int = CLUSTERS) -> list[int]:
    """The k-means cluster of each word vector (one seeded start: the same vectors, the same clusters)."""
    from sklearn.cluster import KMeans

    return KMeans(n_clusters=k, random_state=0, n_init=1, max_iter=100).fit(vectors).labels_.tolist()


def read_clusters(text: str) -> dict[str, int]:
    """The word -> cluster table of a clusters file (``word<TAB>cluster`` per line)."""
    table = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, cluster = line.split("\t")
            table[word] = int(cluster)
    return table


def write_clusters(words_: Sequence[str], labels: Sequence[int]) -> str:
    """A clusters file's text, words in the vectors' order (most frequent first)."""
    return "".join(f"{w}\t{c}\n" for w, c in zip(words_, labels))
