"""Caveats: what the document's figures cannot tell, kept as data beside the document."""

from __future__ import annotations

from claimscope.files.folder import DataFile
from claimscope.files.schema import Prose, Text, Texts, load_records
from claimscope.files.sources import Sourced


class Caveat(Sourced):
    """One limit of the figures, naming the claims it qualifies; like every figure
    ClaimScope supplies, it cites sources or states its reasoning as a judgement."""

    id: Text
    title: Text
    text: Prose
    claims: Texts


CAVEATS_FILE = "caveats.yaml"


def load_caveats(path: DataFile) -> list[Caveat]:
    return load_records(path, "caveats", Caveat)
