"""Everything known about one document, loaded from its folder under `data/`.

Adding a document means adding a folder with the same files; nothing here names a
document (the one opened by default is named in data/default.yaml).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import create_model

from claimscope.context.estimates_context import (
    ESTIMATES_CONTEXT_FILE,
    DocumentFigure,
    Estimate,
    EstimatesContext,
    Measure,
    RelatedCount,
    load_estimates_context,
)
from claimscope.context.sample_units import (
    SAMPLE_UNITS_FILE,
    AgreesWith,
    Alternative,
    ModelInputs,
    Request,
    SampleUnits,
    Source,
    Totals,
    UnitGroup,
    load_sample_units,
)
from claimscope.files import coverage, document_code
from claimscope.files.catalogue import Catalogue, Claim, load_catalogue, provenance_problems
from claimscope.files.caveats import CAVEATS_FILE, Caveat, load_caveats
from claimscope.files.checks import Check
from claimscope.files.document import Document, DocumentMeta, load_document
from claimscope.files.folder import Folder, HeldFolder
from claimscope.files.inputs import InputGroup, InputSpec, load_input_file
from claimscope.files.page_config import PAGES_FILE, Pages, load_pages
from claimscope.files.references import REFERENCES_FILE, Reference, load_references
from claimscope.files.schema import MODEL_CONFIG, DataError, read_yaml
from claimscope.files.sentence import SENTENCE_FILE, SentencePart, SentenceSpec, load_sentence
from claimscope.files.sources import SOURCES_FILE, Cited, check_citations, load_sources
from claimscope.files.sources import Source as SourceRecord
from claimscope.files.vocabulary import VOCABULARY_FILE, Vocabulary, VocabularyFile, load_vocabulary
from claimscope.link.scenario_presets import PRESETS_FILE, Preset, load_presets
from claimscope.link.scenarios import Scenario
from claimscope.model.model import Model
from claimscope.model.model_file import MODEL_FILE, ModelFile, load_model
from claimscope.uncertainty.ranges import RangePreset, load_range_presets

T = TypeVar("T")

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_FILE = DATA_DIR / "default.yaml"


def default_document() -> str:
    """The folder name data/default.yaml gives (read when asked, so a bad edit is shown
    like any bad data file), checked to be a plain folder name under data/."""
    chosen = read_yaml(DEFAULT_FILE)
    name = chosen.get("document") if isinstance(chosen, dict) else None
    if not isinstance(name, str) or not name.strip() or "/" in name or os.sep in name:
        raise DataError(DEFAULT_FILE, "must give `document:`, a folder name under data/")
    return name.strip()


RANGES_FILE = "ranges.yaml"
CHECKS_FILE = "checks"


@dataclass(frozen=True, kw_only=True)
class Bundle:
    document: Document
    catalogue: Catalogue
    inputs: dict[str, InputSpec]
    references: dict[str, Reference]
    caveats: list[Caveat]
    not_claims: tuple[coverage.NotClaim, ...]
    # the sample of units behind the headline figure: context data, not from the
    # document; None where absent
    sample_units: SampleUnits | None
    range_presets: dict[str, RangePreset]  # suggested ranges for the uncertainty analysis
    scenario_presets: list[Scenario]  # named assumption sets shipped with the app
    model: Model  # the document's projection, from its model.yaml
    # the document's sentence (sentence.yaml) as a spec both renderers take, if it has one
    sentence: SentenceSpec | None
    sources: dict[str, SourceRecord]  # external sources of the figures ClaimScope supplies
    citations: tuple[Cited, ...]  # every record's citations, in file order
    input_groups: tuple[InputGroup, ...]  # headings of the inputs, in display order
    pages: Pages  # which claims feed which page (pages.yaml); absent blocks hide pages
    checks: tuple[Check, ...]  # the document's consistency checks (its checks.py), if any
    # other published estimates around the document's two estimates; context, None if absent
    estimates_context: EstimatesContext | None = None
    version: str = ""  # the folder's files as loaded (`folder_version`): an edit changes it

    @property
    def key(self) -> str:
        """What a cache of anything made from this bundle is keyed by: its folder and the
        version of its files, so an edited data file is never answered from a stale cache."""
        return f"{self.document.folder}@{self.version}"

    @property
    def vocabulary(self) -> Vocabulary:
        """The document's categories, kinds and units (its vocabulary.yaml over the
        built-ins), as its catalogue and inputs were checked against."""
        return self.catalogue.vocabulary

    def integrity_problems(self) -> list[str]:
        """What breaks the promise that every number traces to the shipped text."""
        problems = []
        if not self.document.sha256_ok:
            problems.append(
                f"{self.document.meta['text_file']} differs from the published text "
                f"(sha256 {self.document.sha256[:12]}…, expected "
                f"{self.document.meta['sha256'][:12]}…)")
        return (problems + provenance_problems(self.catalogue, self.document)
                + coverage.coverage_problems(self.document, self.catalogue, self.not_claims))


def _require_claims(catalogue: Catalogue, path: Path, row: str, ids: tuple[str, ...]) -> None:
    for claim_id in ids:
        if claim_id not in catalogue.claims:
            raise DataError(path, f"names unknown claim {claim_id!r}", row, "claims")


def document_folder() -> Path:
    """The folder to load: `CLAIMSCOPE_DOCUMENT` if set, either a folder name under data/
    or a path to a document folder (anything with a slash; relative to the working
    directory), else the default document. Absolute, so a cache keyed by it is exact."""
    chosen = os.environ.get("CLAIMSCOPE_DOCUMENT", "").strip() or default_document()
    return folder_named(chosen, "CLAIMSCOPE_DOCUMENT")


def folder_named(chosen: str, setting: str) -> Path:
    """The document folder `chosen` names: a folder name under data/, or a path (anything
    with a slash; relative to the working directory). Raises a DataError naming `setting`
    (what gave the name) if it is no document folder."""
    folder = (DATA_DIR / chosen if "/" not in chosen and os.sep not in chosen
              else Path(chosen).expanduser()).resolve()
    if not (folder / "document.yaml").is_file():
        problem = "has no document.yaml" if folder.is_dir() else "does not exist"
        raise DataError(folder, f"{setting}={chosen!r} is not a document folder: "
                                f"{folder} {problem}. Give a folder name under data/ or a "
                                "path to a folder holding document.yaml")
    return folder


def folder_version(folder: Folder) -> str:
    """The name, size and modification time of every file in a document folder, as one
    short string: cheap enough to read on every rerun (about 0.1 ms), so that a data file
    edited while the server runs is read again on the next reload. (A folder held as texts
    is versioned by its texts.)"""
    if isinstance(folder, HeldFolder):
        return folder.version()
    try:
        entries = sorted((entry.name, entry.stat().st_size, entry.stat().st_mtime_ns)
                         for entry in os.scandir(folder) if entry.is_file())
    except OSError:
        return "unreadable"
    return hashlib.sha256(repr(entries).encode()).hexdigest()[:16]


def load_bundle(folder: Folder | None = None) -> Bundle:
    """Load and cross-check one document folder, on disk or held as texts (a reader's
    saved document, whose files are only ever read as data: its code, if it held any, is
    never run); raises DataError naming file and field."""
    folder = folder or document_folder()
    version = folder_version(folder)  # before reading, so an edit during the load shows
    document = load_document(folder)
    vocabulary = load_vocabulary(folder)
    catalogue = load_catalogue(folder / "claims.yaml", vocabulary)
    inputs, input_groups = load_input_file(folder / "inputs.yaml", vocabulary)
    # Optional files: a document with no outside figure, caveat or non-claim number has
    # none of them.
    references = _if_present(folder / REFERENCES_FILE, load_references, {})
    caveats = _if_present(folder / CAVEATS_FILE, load_caveats, [])
    not_claims = _if_present(folder / coverage.NOT_CLAIMS_FILE, coverage.load_not_claims, ())
    for spec in inputs.values():
        _require_claims(catalogue, folder / "inputs.yaml", spec.name, spec.claims)
        if spec.reference and spec.reference not in references:
            raise DataError(folder / "inputs.yaml", f"names unknown reference {spec.reference!r}",
                            spec.name, "reference")
    for caveat in caveats:
        _require_claims(catalogue, folder / CAVEATS_FILE, caveat.id, caveat.claims)
    model = load_model(folder / MODEL_FILE, catalogue, inputs, references)
    pages = load_pages(folder, catalogue, document.meta,
                       {"inputs": inputs, "outputs": model.output_names})
    sample_path = folder / SAMPLE_UNITS_FILE
    sample_units = (load_sample_units(sample_path, catalogue, pages.sample_units)
                    if sample_path.exists() else None)
    presets_path = folder / RANGES_FILE
    presets = load_range_presets(presets_path, inputs) if presets_path.exists() else {}
    scenarios_path = folder / PRESETS_FILE
    scenarios = (load_presets(scenarios_path, model, sample_units, presets)
                 if scenarios_path.exists() else [])
    context_path = folder / ESTIMATES_CONTEXT_FILE
    estimates = (load_estimates_context(context_path, catalogue)
                 if context_path.exists() else None)
    sources_path = folder / SOURCES_FILE
    sources = load_sources(sources_path) if sources_path.exists() else {}
    citations = (
        [c for r in references.values() for c in r.cited(REFERENCES_FILE, r.id)]
        + [c for r in caveats for c in r.cited(CAVEATS_FILE, r.id)]
        + [c for r in presets.values() for c in r.cited(RANGES_FILE, r.input)]
        + [c for s in scenarios for c in s.cites]
        + (sample_units.cited(SAMPLE_UNITS_FILE) if sample_units is not None else [])
        + (estimates.cited(ESTIMATES_CONTEXT_FILE) if estimates is not None else []))
    check_citations(sources, folder, citations)
    return Bundle(
        document=document, catalogue=catalogue, inputs=inputs, references=references,
        caveats=caveats, not_claims=not_claims, sample_units=sample_units,
        range_presets=presets, scenario_presets=scenarios, model=model,
        sentence=load_sentence(folder, model.inputs, model.output_names, catalogue.claims),
        sources=sources, citations=tuple(citations), input_groups=input_groups, pages=pages,
        checks=(_load_checks(folder, catalogue, model, document.meta.date, sample_units, pages)
                if isinstance(folder, Path) else ()),
        estimates_context=estimates, version=version)


def _if_present(path: Path, load: Callable[[Path], T], absent: T) -> T:
    """An optional data file's records, or `absent` when the document has no such file."""
    return load(path) if path.is_file() else absent


def _load_checks(folder: Path, catalogue: Catalogue, model: Model, year: int,
                 sample_units: SampleUnits | None, pages: Pages) -> tuple[Check, ...]:
    """The document's consistency checks, computed once: they read only fixed data."""
    module = document_code.load_module(folder, CHECKS_FILE)
    if module is None:
        return ()
    checks = document_code.call(module, "consistency_checks", catalogue, model, year,
                                sample_units, pages)
    if not isinstance(checks, list) or not all(isinstance(c, Check) for c in checks):
        raise DataError(folder / f"{CHECKS_FILE}.py",
                        "consistency_checks() must return a list of Check")
    return tuple(checks)


def cited_by(bundle: Bundle) -> dict[str, list[Cited]]:
    """For each source, the records that cite it (file, record id, field; field None for
    the whole record), sources in sources.yaml order first, then cited addresses."""
    found: dict[str, list[Cited]] = {source_id: [] for source_id in bundle.sources}
    for citation in bundle.citations:
        found.setdefault(citation.source, []).append(citation)
    return found


def _file_model(name: str, **lists: Any) -> Any:
    return create_model(name, __config__=MODEL_CONFIG, **lists)


# Each data file's shape: its top-level keys and the record model each holds.
_FILES: dict[str, Any] = {
    "document.yaml": DocumentMeta,
    VOCABULARY_FILE: VocabularyFile,
    "claims.yaml": _file_model("ClaimsFile", claims=list[Claim]),
    "not_claims.yaml": _file_model("NotClaimsFile", not_claims=list[coverage.NotClaim]),
    "inputs.yaml": _file_model("InputsFile", groups=list[InputGroup], inputs=list[InputSpec]),
    PAGES_FILE: Pages,
    MODEL_FILE: ModelFile,
    SENTENCE_FILE: _file_model("SentenceFile", parts=list[SentencePart]),
    REFERENCES_FILE: _file_model("ReferencesFile", references=list[Reference]),
    CAVEATS_FILE: _file_model("CaveatsFile", caveats=list[Caveat]),
    SOURCES_FILE: _file_model("SourcesFile", sources=list[SourceRecord]),
    RANGES_FILE: _file_model("RangesFile", ranges=list[RangePreset]),
    PRESETS_FILE: _file_model("ScenariosFile", scenarios=list[Preset]),
    SAMPLE_UNITS_FILE: _file_model(
        "SampleUnitsFile", kind=Literal["context"], source=Source, request=Request,
        totals=Totals, agrees_with=AgreesWith, model_inputs=(ModelInputs, ModelInputs()),
        groups=list[UnitGroup], alternatives=list[Alternative]),
    ESTIMATES_CONTEXT_FILE: _file_model(
        "EstimatesContextFile", kind=Literal["context"], measures=list[Measure],
        document=list[DocumentFigure], estimates=list[Estimate],
        related_counts=list[RelatedCount]),
}


def json_schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schema of each data file, by file name, for editors and other tools. Rules
    between files or fields (ids that must exist, min < max) are checked on load only."""
    return {name: model.model_json_schema() for name, model in _FILES.items()}
