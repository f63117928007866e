"""Move finished annotations into the corpus folders of their split.

    python tools/ingest_annotations.py ANNOTATION_DIR...

Each ANNOTATION_DIR holds NAME.txt and NAME.gold.json pairs named by the ids of
data/annotated/SAMPLE.json. A pair is copied to data/annotated/<split>/ after
checks: the text is byte for byte the sampled page (sha256), the gold parses,
and every quote is an exact substring. The gold gets the page's source file
and URL. Double annotations (a second annotator's file for a page already
ingested) go to data/annotated/double/ for the agreement measure instead.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from split_annotation import MANIFESTS  # noqa: E402  (one list of the draws)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--double", action="store_true", help="these folders are second annotations")
    args = parser.parse_args()
    sample = {p["id"]: p for manifest, _ in MANIFESTS
              for p in json.loads((ROOT / "data/annotated" / manifest).read_text("utf-8"))["pages"]}
    splits = json.loads((ROOT / "data/annotated/SPLITS.json").read_text("utf-8"))["sample"]
    added = problems = 0
    held = {hashlib.sha256(t.read_bytes()).hexdigest(): t.name.removesuffix(".txt")
            for split in ("train", "dev", "test") for t in (ROOT / "data/annotated" / split).glob("*.txt")}
    for folder in args.folders:
        for gold_path in sorted(folder.glob("*.gold.json")):
            name = gold_path.name.removesuffix(".gold.json")
            page = sample.get(name)
            text_path = folder / f"{name}.txt"
            if page is None or not text_path.is_file():
                print(f"{gold_path}: not a sampled page", file=sys.stderr)
                problems += 1
                continue
            raw = text_path.read_bytes()
            if hashlib.sha256(raw).hexdigest() != page["sha256"]:
                print(f"{text_path}: text differs from the sampled page", file=sys.stderr)
                problems += 1
                continue
            try:
                gold = json.loads(gold_path.read_text("utf-8"))
            except ValueError as exc:
                print(f"{gold_path}: not JSON ({exc})", file=sys.stderr)
                problems += 1
                continue
            same = held.get(page["sha256"])
            if same and same != name and not args.double:
                # a White House page whose published hash differs from its text was drawn again
                print(f"{gold_path}: same text as {same}, already in the corpus; skipped", file=sys.stderr)
                continue
            text = raw.decode("utf-8")
            bad = [e for e in (gold.get("commitments") or []) + (gold.get("figures") or [])
                   if (e.get("quote") or "") not in text or not e.get("quote")]
            if bad:
                print(f"{gold_path}: {len(bad)} quote(s) not in the text", file=sys.stderr)
                problems += 1
                continue
            gold["id"] = name
            gold["source"] = {"file": f"{name}.txt", "url": page["url"]}
            target = ROOT / "data/annotated" / ("double" if args.double else splits[name])
            target.mkdir(parents=True, exist_ok=True)
            (target / f"{name}.txt").write_bytes(raw)
            (target / f"{name}.gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", "utf-8")
            added += 1
    print(f"{added} pages ingested, {problems} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
