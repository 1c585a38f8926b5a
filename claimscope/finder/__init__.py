"""The mention finder: every number a text writes, and whether each is probably a claim.

`find_mentions(text)` is a pure function of the text; `score` measures it against
labelled mentions (precision and recall by matching spans)."""

from claimscope.finder.find import find_mentions
from claimscope.finder.mention import Mention
from claimscope.finder.score import Expected, Score, score

__all__ = ["Expected", "Mention", "Score", "find_mentions", "score"]
