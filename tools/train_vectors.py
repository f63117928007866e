"""Word clusters for the sentence reader, from unlabeled transcripts: PPMI word vectors, SVD, k-means.

    python tools/train_vectors.py --list FILES.txt     # -> build/word-clusters.tsv
    python tools/train_reader.py --clusters build/word-clusters.tsv

``FILES.txt`` names unlabeled transcripts, one path a line (relative to the
repository root). It must leave out every page of the sealed test split: the
clusters go into the model. The train and dev splits' texts are added. Same
files, same clusters, byte for byte (kg.learn.wordvectors).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.learn import wordvectors  # noqa: E402
from kg.learn.corpus import split_folders  # noqa: E402

OUTPUT = ROOT / "build" / "word-clusters.tsv"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--list", type=Path, required=True, help="unlabeled transcripts, one path a line")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    files = [(ROOT / line.strip()).resolve() for line in args.list.read_text("utf-8").splitlines() if line.strip()]
    for split in ("train", "dev"):
        for folder in split_folders(ROOT, split):
            files += sorted(folder.glob("*.txt"))
    texts = [wordvectors.words(f.read_text("utf-8", errors="replace")) for f in files]
    vocabulary = wordvectors.vocabulary(texts)
    counts = wordvectors.cooccurrence(texts, {w: i for i, w in enumerate(vocabulary)})
    vectors = wordvectors.ppmi_svd(counts)
    labels = wordvectors.clusters(vectors)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(wordvectors.write_clusters(vocabulary, labels), "utf-8")
    print(f"{len(files)} texts, {sum(map(len, texts))} words, {len(vocabulary)} with a cluster -> {args.output}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
