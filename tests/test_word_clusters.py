"""Word clusters from unlabeled text: the vectors, the clusters file, the reader's cluster features."""

from __future__ import annotations

import pytest

from kg.extract.learned import SentenceReader, load_reader, readings
from kg.extract.reader_json import model_to_json
from kg.extract.pipeline import process
from kg.extract.reader_features import cluster_features
from kg.inputs.reader import transcript_from_text
from kg.model import COMMITMENT_TYPES

np = pytest.importorskip("numpy")
pytest.importorskip("sklearn")

from kg.learn import wordvectors  # noqa: E402


def test_cluster_features_name_each_words_cluster_and_neighbouring_pairs():
    feats = cluster_features(["we", "will", "purchase", "ctry", "gas", "zzz"],
                             {"we": 1, "will": 2, "purchase": 3, "gas": 4})
    assert {"c:1", "c:2", "c:3", "c:4"} <= feats
    assert {"cb:1_2", "cb:2_3", "cb:3_ctry", "cb:ctry_4", "cb:4_?"} <= feats
    assert not any(f.startswith("c:") and "zzz" in f for f in feats)


def test_words_in_the_same_company_get_near_vectors_and_the_same_vectors_every_time():
    texts = [wordvectors.words(t) for t in (
        ["Russia will supply gas to Serbia.", "Russia will purchase gas from Serbia.",
         "We will supply oil to Egypt.", "We will purchase oil from Egypt.",
         "The President will visit Moscow in May.", "The Minister will visit Cairo in June."] * 5)]
    vocabulary = wordvectors.vocabulary(texts, min_count=5)
    index = {w: i for i, w in enumerate(vocabulary)}
    counts = wordvectors.cooccurrence(texts, index, window=2)
    assert counts[index["supply"], index["gas"]] == counts[index["gas"], index["supply"]] > 0
    vectors = wordvectors.ppmi_svd(counts, dim=4)
    again = wordvectors.ppmi_svd(wordvectors.cooccurrence(texts, index, window=2), dim=4)
    assert np.array_equal(vectors, again)
    near = vectors[index["supply"]] @ vectors[index["purchase"]]
    far = vectors[index["supply"]] @ vectors[index["visit"]]
    assert near > far


def test_the_clusters_file_reads_back_what_was_written():
    text = wordvectors.write_clusters(["the", "supply"], [3, 7])
    assert wordvectors.read_clusters("# comment\n" + text) == {"the": 3, "supply": 7}


def test_a_model_with_clusters_keeps_them_in_its_file_and_scores_with_them(tmp_path):
    weights = {"bias": tuple(-4.0 for _ in COMMITMENT_TYPES),
               "c:5": tuple(8.0 if t == "Supply" else 0.0 for t in COMMITMENT_TYPES)}
    reader = SentenceReader(types=COMMITMENT_TYPES, weights=weights, keep={t: 0.0 for t in COMMITMENT_TYPES},
                            propose={t: 0.5 for t in COMMITMENT_TYPES}, clusters={"purchase": 5, "buy": 5})
    path = tmp_path / "model.json"
    path.write_text(model_to_json(reader, {}), "utf-8")
    loaded = load_reader(path)
    assert loaded.clusters == {"purchase": 5, "buy": 5}
    text = ("Meeting with President of Serbia Aleksandar Vucic\n\nJune 23, 2020, The Kremlin, Moscow\n\n"
            "President of Russia Vladimir Putin: Serbia will buy our fertiliser. We are glad to see you.\n")
    doc = process(transcript_from_text(text, "t.txt"), None, ("meeting", "participants", "countries"))
    scores = {doc.quote(r.candidate.sentence): r.scores["Supply"] for r in readings(doc, loaded)}
    assert scores["Serbia will buy our fertiliser."] > 0.9 > scores["We are glad to see you."]
