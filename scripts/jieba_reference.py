#!/usr/bin/env python3
"""Reference segmentation of the seeds by Python jieba 0.42.1 (`jieba.lcut`, HMM on).

Writes tests/fixtures/jieba-py/<seed>.tokens: one token per line, JSON-escaped so that
spaces and line breaks stay visible. The Rust test tests/jieba_agreement.rs segments the
same files with Wenxi's segmenter and compares token for token.

    pip install jieba==0.42.1 && python3 scripts/jieba_reference.py
"""
import json
import logging
import pathlib

import jieba

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "jieba-py"


def main() -> None:
    assert jieba.__version__ == "0.42.1", f"need jieba 0.42.1, have {jieba.__version__}"
    jieba.setLogLevel(logging.WARNING)
    OUT.mkdir(parents=True, exist_ok=True)
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        tokens = jieba.lcut(text)
        lines = [json.dumps(t, ensure_ascii=False) for t in tokens]
        (OUT / (seed.stem + ".tokens")).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{seed.name}: {len(tokens)} tokens")


if __name__ == "__main__":
    main()
