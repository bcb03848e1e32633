"""Write the British and US spelling lists in resources/spelling/ from SCOWL's word lists.

pyspellchecker's English dictionary is US English and has no British one, so the app checks
British English with it plus two small lists made here from SCOWL (Spell Checker Oriented
Word Lists, Kevin Atkinson; Debian's ``scowl`` package puts them in /usr/share/dict/scowl):

- ``en_GB-allow.txt``: British spellings (-ise and Oxford -ize alike) the US dictionary lacks;
- ``en_GB-deny.txt``: US-only spellings ("color", "center") it knows, flagged in British;
- ``en_US-deny.txt``: British-only spellings it knows ("travelled", "grey"), flagged in US
  English; spellings SCOWL counts as accepted variants in the US ("catalogue") are not.

Run ``python scripts/make_spelling_lists.py [SCOWL_FOLDER]`` after ``apt-get install scowl``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "resources" / "spelling"
COMMON = (10, 20, 35, 40, 50, 55, 60)
"""SCOWL sizes whose words are flagged when spelt the other country's way (60 is the size
SCOWL recommends for spell checking); the allow-list also takes size 70."""
ALL = (*COMMON, 70, 80, 95)


def _words(folder: Path, name: str, sizes: tuple[int, ...]) -> set[str]:
    words: set[str] = set()
    for size in sizes:
        path = folder / f"{name}.{size}"
        if path.exists():
            for line in path.read_text(encoding="latin-1").splitlines():
                word = line.strip()
                if word and "'" not in word and word.isalpha():
                    words.add(word.lower())
    return words


def _write(name: str, words: set[str], note: str) -> None:
    header = (
        f"# {note}\n# Made by scripts/make_spelling_lists.py from SCOWL (wordlist.sourceforge.net);"
        " see LICENSE-SCOWL.txt.\n"
    )
    (TARGET / name).write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{name}: {len(words):,} words")


def main(argv: list[str]) -> int:
    from spellchecker import SpellChecker

    folder = Path(argv[0]) if argv else Path("/usr/share/dict/scowl")
    us = SpellChecker(language="en")
    known = set(us.word_frequency.dictionary)
    british = _words(folder, "british-words", (*COMMON, 70))
    oxford = _words(folder, "british_z-words", (*COMMON, 70))
    american = _words(folder, "american-words", COMMON)
    british_all = _words(folder, "british-words", ALL) | _words(folder, "british_z-words", ALL)
    american_all = _words(folder, "american-words", ALL)
    variants = _words(folder, "variant_1-words", ALL)
    _write(
        "en_GB-allow.txt",
        (british | oxford) - known,
        "British spellings accepted in British English",
    )
    _write(
        "en_GB-deny.txt",
        (american - british_all) & known,
        "US-only spellings flagged in British English",
    )
    _write(
        "en_US-deny.txt",
        (_words(folder, "british-words", COMMON) - american_all - variants) & known,
        "British-only spellings flagged in US English",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
