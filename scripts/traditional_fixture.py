#!/usr/bin/env python3
"""A traditional-script copy of seed 001 (a saved web page with navigation, byline, editor,
copyright and app lines around the article), for tests/structure.rs: its page furniture and the
passages it shares with seed 000 must be found through the simplified form and reported in the
copy's own characters.

    pip install opencc==1.4.2
    python3 scripts/traditional_fixture.py      # writes tests/fixtures/traditional/

OpenCC 1.4.2 `s2t` (OpenCC's standard traditional characters), line by line, bytes as UTF-8.
"""

import pathlib

import opencc

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "001_cb0b64c34cfde53f.txt"
OUT = ROOT / "tests" / "fixtures" / "traditional" / "001_s2t.txt"


def main() -> None:
    assert opencc.__version__ == "1.4.2", opencc.__version__
    converter = opencc.OpenCC("s2t.json")
    text = SEED.read_text(encoding="utf-8")
    # Line by line: a conversion never joins or splits lines.
    converted = "".join(converter.convert(line) for line in text.splitlines(keepends=True))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(converted, encoding="utf-8", newline="")
    print(f"{OUT.relative_to(ROOT)}: {len(converted)} characters")


if __name__ == "__main__":
    main()
