"""The words and written forms the finder knows: number words, fractions, multiples,
months, currencies, magnitudes. Values of runs of number words come from text2num."""

from __future__ import annotations

import re
from collections.abc import Iterable

from text_to_num import text2num

CARDINALS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety")
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    "hundredth": 100, "thousandth": 1000, "millionth": 1e6,
}
# Denominators of fractions: "a third", "two fifths", "three quarters".
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4,
                "quarters": 4, "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5,
                "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8,
                "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
                "hundredth": 100, "hundredths": 100}
# Verbs and adverbs of a multiple; not "double" or "triple", which more often describe a
# thing (a double room) than a change.
MULTIPLES = {"doubled": 2.0, "doubling": 2.0, "twice": 2.0, "tripled": 3.0, "tripling": 3.0,
             "trebled": 3, "trebling": 3, "thrice": 3, "quadrupled": 4, "quadrupling": 4,
             "halved": 0.5, "halving": 0.5,
             "twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "tenfold": 10,
             "hundredfold": 100}
VAGUE = ("dozens", "scores", "hundreds", "thousands", "tens of thousands",
         "hundreds of thousands", "millions", "billions")
MAGNITUDES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6,
              "bn": 1e9, "b": 1e9, "billion": 1e9, "tn": 1e12, "trillion": 1e12}
CURRENCIES = {"£": "GBP", "$": "USD", "us$": "USD", "€": "EUR", "¥": "JPY",
              "gbp": "GBP", "usd": "USD", "eur": "EUR", "pounds": "GBP", "pound": "GBP",
              "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "p": "GBP",
              "pence": "GBP"}
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")


def words_pattern(words: Iterable[object]) -> str:
    """An alternation of words for a regular expression, written as a trie ("fi(?:rst|
    fth)"): Python's engine tries alternatives one by one, so shared beginnings are
    tested once. Longer words are tried before their prefixes."""
    trie: dict = {}
    for word in {str(w).lower() for w in words}:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    branches = [re.escape(char) + _trie_pattern(rest)
                for char, rest in sorted(node.items()) if char]
    if not branches:
        return ""
    ends_here = "" in node
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return f"(?:{body})?"
    return body


def cardinal_value(words: str) -> float | None:
    """The value of a run of number words ("twenty-one", "three hundred and two"), or
    None when the run is not one number ("one two")."""
    plain = " ".join(words.lower().replace("-", " ").split())
    if plain.startswith(("a ", "an ")):
        head, _, rest = plain.partition(" ")
        scale = SCALES.get(rest)
        return scale if scale else None
    if plain in SCALES:
        return SCALES[plain]
    try:
        return float(text2num(plain, "en"))
    except ValueError:
        return None


def ordinal_value(word: str) -> float | None:
    """'first' 1, 'twenty-first' 21, 'hundredth' 100; None if not an ordinal."""
    parts = word.lower().split("-")
    if parts[-1] not in ORDINALS:
        return None
    head = cardinal_value(" ".join(parts[:-1])) if len(parts) > 1 else 0.0
    return None if head is None else head + ORDINALS[parts[-1]]
