"""`find_mentions(text)`: every number a text writes, each with a value, a unit and kind
hint, and whether it is probably a claim (README, "Your own document")."""

from __future__ import annotations

from claimscope.finder.combine import (
    attach_qualifier,
    attach_words,
    inherit_flags,
    join_phrases,
)
from claimscope.finder.judge import claim_reason, flag_reason, repeat_key
from claimscope.finder.mention import Mention
from claimscope.finder.pieces import candidates, settle


def find_mentions(text: str) -> list[Mention]:
    """The numbers of `text`, in order, without overlaps; a pure function of the text."""
    pieces = join_phrases(settle(list(candidates(text))), text)
    stated: set[str] = set()
    for index, piece in enumerate(pieces):
        following = pieces[index + 1].start if index + 1 < len(pieces) else len(text)
        attach_words(piece, text, following)
        piece.flag = flag_reason(piece, text, stated)
        if piece.flag is None and piece.kind == "quantity":
            stated.add(repeat_key(piece, text))
    for index, piece in enumerate(pieces):
        attach_qualifier(piece, text, pieces[index - 1].end if index else 0)
    inherit_flags(pieces, text)
    return [Mention(p.start, p.end, text[p.start:p.end], p.value, p.flag is None,
                    p.flag or claim_reason(p), p.unit, p.kind, p.upper) for p in pieces]
