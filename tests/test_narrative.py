"""The reactive sentence (sentence.yaml): its words for known assumption sets, and the
DataError a broken sentence file gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimscope.bundle import DATA_DIR, default_document, load_bundle
from claimscope.files.schema import DataError
from claimscope.files.sentence import SENTENCE_FILE
from claimscope.views.narrative import reactive_sentence
from tests.data_helpers import copy_document, edit

FIXTURE = Path(__file__).parent / "fixtures" / "fixture-clinic-2024"
ECPAT, CLINIC = load_bundle(DATA_DIR / default_document()), load_bundle(FIXTURE)

_LEAD = ("Five forces seized **26 million** images; they police **7.25%** of the population "
         "of England and Wales.")

# The sentences sentence.md.j2 (the Jinja template sentence.yaml replaced) wrote for these
# assumptions, kept as the expected text.
EXPECTED = [
    (ECPAT, {}, f"{_LEAD} On these assumptions that implies **358.6 million** images "
     "nationally over **26 months** (**165.5 million** a year, about **6.49** per "
     "resident). If England and Wales hold **2%** of the global volume, the world total "
     "would be **17.9 billion** — **7,172** images per offender for **50,000** offenders."),
    (ECPAT, {"unique": 50}, f"{_LEAD} Assuming only **50%** of seized images are distinct, "
     "that implies **179.3 million** images nationally over **26 months** (**82.8 "
     "million** a year, about **3.25** per resident). If England and Wales hold **2%** of "
     "the global volume, the world total would be **9 billion** — **3,586** images per "
     "offender for **50,000** offenders."),
    (ECPAT, {"rate_ratio": 2, "coverage": 40}, f"{_LEAD} Assuming their areas seize **2×** "
     "the national rate per resident; police seize **40%** of the images in circulation, "
     "that implies **448.3 million** images nationally over **26 months** (**206.9 "
     "million** a year, about **8.12** per resident). If England and Wales hold **2%** of "
     "the global volume, the world total would be **22.4 billion** — **8,966** images per "
     "offender for **50,000** offenders."),
    (ECPAT, {"unique": 12.5, "rate_ratio": 0.75, "coverage": 99.5, "seized": 1e9,
             "share": 0.5},
     "Five forces seized **1 billion** images; they police **0.5%** of the population of "
     "England and Wales. Assuming only **12.5%** of seized images are distinct; their areas "
     "seize **0.75×** the national rate per resident; police seize **99.5%** of the images "
     "in circulation, that implies **33.5 billion** images nationally over **26 months** "
     "(**15.5 billion** a year, about **606** per resident). If England and Wales hold "
     "**2%** of the global volume, the world total would be **1.7 trillion** — **670,017** "
     "images per offender for **50,000** offenders."),
    (ECPAT, {"year": 2030, "growth": 10, "months": 24}, f"{_LEAD} On these assumptions that "
     "implies **358.6 million** images nationally over **24 months** (**179.3 million** a "
     "year, about **6.49** per resident). Growing **10%** a year, that becomes **2 "
     "billion** by **2030**. If England and Wales hold **2%** of the global volume, the "
     "world total would be **99.7 billion** — **39,878** images per offender for "
     "**50,000** offenders."),
    (ECPAT, {"year": 2013, "growth": 0, "global_share": 100, "offenders": 1}, f"{_LEAD} On "
     "these assumptions that implies **358.6 million** images nationally over **26 "
     "months** (**165.5 million** a year, about **6.49** per resident). Growing **0%** a "
     "year, that becomes **358.6 million** by **2013**. If England and Wales hold **100%** "
     "of the global volume, the world total would be **358.6 million** — **358.6 "
     "million** images per offender for **1** offenders."),
    (CLINIC, {}, "The clinic recorded **412** visits per 1,000 of its **18,500** residents. "
     "If the records hold **90%** of visits, that implies **8,469** visits in the year."),
    (CLINIC, {"completeness": 45.5, "rate": 1, "residents": 1e6}, "The clinic recorded "
     "**1** visits per 1,000 of its **1 million** residents. If the records hold **45.5%** "
     "of visits, that implies **2,198** visits in the year."),
]


@pytest.mark.parametrize(("bundle", "moved", "sentence"), EXPECTED)
def test_the_sentence_for_known_assumptions(bundle, moved, sentence) -> None:
    values = {**bundle.model.defaults(), **moved}
    out = bundle.model.evaluate(values)
    assert reactive_sentence(bundle.sentence, bundle.model, bundle.catalogue, values,
                             out) == sentence


def test_the_sentence_spec_is_plain_json() -> None:
    assert json.loads(json.dumps(ECPAT.sentence)) == ECPAT.sentence
    kinds = [("any" in part, part.get("when_changed")) for part in ECPAT.sentence["parts"]]
    assert kinds == [(False, None), (True, None), (False, None), (False, "year"),
                     (False, None)]


def _parts(folder: Path, change) -> None:
    edit(folder / SENTENCE_FILE, lambda data: change(data["parts"]))


@pytest.mark.parametrize(("change", "where", "message"), [
    (lambda parts: parts[0].update(text="{seizd} images"), "record 1, field 'text'",
     "{seizd} names no input or output"),
    (lambda parts: parts[0].update(text="{claims.nope}"), "record 1, field 'text'",
     "unknown claim 'nope'"),
    (lambda parts: parts[0].update(text="{seized|bold}"), "record 1, field 'text'",
     "unknown filter 'bold'"),
    (lambda parts: parts[0].update(text="a } b"), "record 1, field 'text'", "closes nothing"),
    (lambda parts: parts[3].update(when_changed="yeer"), "record 4, field 'when_changed'",
     "names no input 'yeer'"),
    (lambda parts: parts[1]["any"][1].update(when_changed="ratio"),
     "record 2, field 'any'", "clause 2: names no input 'ratio'"),
    (lambda parts: parts[1]["any"][0].update(text="{unique|human:x}"),
     "record 2, field 'any'", "clause 1: the placeholder at character 1"),
    (lambda parts: parts[1]["any"][0].pop("when_changed"), "record 2, field 'any'",
     "is missing"),
    (lambda parts: parts[1].update(otherwise="{nope}"), "record 2, field 'otherwise'",
     "{nope} names no input or output"),
    (lambda parts: parts[1].update(text="extra"), "record 2, field 'text'",
     "does not go with `any`"),
    (lambda parts: parts[1].update(any=[]), "record 2, field 'any'", "at least one clause"),
    (lambda parts: parts[0].update(after="."), "record 1, field 'after'",
     "belongs to a list part"),
    (lambda parts: parts[0].pop("text"), "record 1, field 'text'", "is missing"),
    (lambda parts: parts[0].update(txt="typo"), "record 1", "unknown field(s): txt"),
    (lambda parts: parts[2].update(text=""), "record 3, field 'text'", "must not be empty"),
])
def test_a_broken_sentence_names_file_record_and_field(tmp_path, change, where,
                                                       message) -> None:
    folder = copy_document(tmp_path)
    _parts(folder, change)
    with pytest.raises(DataError) as raised:
        load_bundle(folder)
    assert str(raised.value).startswith(f"{SENTENCE_FILE}, {where}: ")
    assert message in str(raised.value)


def test_a_sentence_file_without_parts_is_a_data_error(tmp_path) -> None:
    folder = copy_document(tmp_path)
    (folder / SENTENCE_FILE).write_text("- text: hello\n", encoding="utf-8")
    with pytest.raises(DataError, match="must contain a list under 'parts'"):
        load_bundle(folder)


def test_a_document_without_a_sentence_has_none(tmp_path) -> None:
    folder = copy_document(tmp_path)
    (folder / SENTENCE_FILE).unlink()
    assert load_bundle(folder).sentence is None
