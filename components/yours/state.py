"""What the page "Examine your own document" keeps in the session: the converted text,
what the reader says about it, the finder's mentions, the reader's decisions, the model's
fields (as its widgets' values) and the folder they make, loaded and checked once per
version of its files."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import streamlit as st

from claimscope.authoring.decisions import Decision
from claimscope.authoring.model_draft import (
    CheckDraft,
    InputDraft,
    ModelDraft,
    OutputDraft,
    step_for,
)
from claimscope.authoring.reader_folder import ReaderFolderError, reader_bundle
from claimscope.authoring.workspace import About, NothingKept, folder_files
from claimscope.bundle import Bundle
from claimscope.files.folder import HeldFolder
from claimscope.files.schema import DataError
from claimscope.files.vocabulary import built_in_vocabulary
from claimscope.finder import Mention, find_mentions

WORK = "yours_work"
STEP = "yours_step"
STEPS = ("1 · The text", "2 · The numbers", "3 · The model", "4 · Keep and share")
# Widgets whose values belong to one document: forgotten when another is brought.
_OWN_WIDGETS = ("yours_m_", "yours_about_", "yours_d_")
VALUES = "yours_values"  # the panel's values, by the version of the folder they fit


@dataclass
class Work:
    """One reader's document as the page holds it."""

    text: str
    sha256: str
    about: About
    mentions: tuple[Mention, ...]
    kind: str = "text"
    pages: int | None = None
    notes: tuple[str, ...] = ()
    decisions: dict[int, Decision] = field(default_factory=dict)
    model: ModelDraft | None = None
    saved_id: str | None = None  # the store's id once saved


def work() -> Work | None:
    return st.session_state.get(WORK)


def start(text: str, about: About, kind: str = "text", pages: int | None = None,
          notes: tuple[str, ...] = ()) -> Work:
    """A new document from a converted text: every number found, nothing decided yet."""
    begun = Work(text, hashlib.sha256(text.encode("utf-8")).hexdigest(), about,
                 tuple(find_mentions(text)), kind, pages, tuple(notes))
    st.session_state[WORK] = begun
    for key in [key for key in st.session_state if str(key).startswith(_OWN_WIDGETS)]:
        del st.session_state[key]
    return begun


@dataclass(frozen=True)
class Made:
    """The folder the work makes: its files and the loaded document, or why not."""

    files: dict[str, str] | None
    bundle: Bundle | None
    problem: str | None


# A few versions of each reader's folder: the one on screen and the last few edits.
@st.cache_resource(show_spinner=False, max_entries=32)
def _load(version: str, _files: dict[str, str]) -> Bundle:
    return reader_bundle(f"yours/{version}", _files)


def made(current: Work, model: ModelDraft | None) -> Made:
    """The folder the work makes with `model` (the placeholder if None), loaded: a
    problem in words when it cannot be made or does not validate."""
    try:
        files = folder_files(current.text, current.sha256, current.about, current.mentions,
                             current.decisions, model)
    except NothingKept as problem:
        return Made(None, None, str(problem))
    try:
        return Made(files, _load(HeldFolder("yours", files).version(), files), None)
    except (DataError, ReaderFolderError) as problem:
        return Made(files, None, str(problem))


def panel_values(data: Bundle) -> dict[str, float]:
    """The panel's values for this version of the folder: the defaults at first."""
    kept = st.session_state.setdefault(VALUES, {})
    if data.key not in kept:
        kept.clear()
        kept[data.key] = {name: spec.default for name, spec in data.inputs.items()}
    return kept[data.key]



# The model's fields are its widgets' values (keys "yours_m_..."), so that what the reader
# types is the model: `show_model` fills them, `model_from_widgets` reads them back.
INPUTS, OUTPUTS, CHECKS = "yours_m_inputs", "yours_m_outputs", "yours_m_checks"  # how many
_OUTPUT_PARTS = ("name", "label", "unit", "formula", "valid_when", "invalid_words")
_CHECK_PARTS = ("title", "value", "relation", "against", "tolerance", "low", "high")


def _fields(model: ModelDraft) -> dict[str, object]:
    """Every field's key and value for a model."""
    fields: dict[str, object] = {}
    for number, spec in enumerate(model.inputs):
        for part in ("name", "label", "unit", "default", "min", "max"):
            fields[f"yours_m_in_{part}_{number}"] = getattr(spec, part)
        fields[f"yours_m_in_claims_{number}"] = tuple(spec.claims)
    for number, spec in enumerate(model.outputs):
        fields.update(output_fields(number, spec))
    for number, check in enumerate(model.checks):
        fields.update(check_fields(number, check))
    fields.update({INPUTS: len(model.inputs), OUTPUTS: len(model.outputs),
                   CHECKS: len(model.checks),
                   "yours_m_headline": model.headline, "yours_m_threshold": model.threshold,
                   "yours_m_made_claim": model.claim,
                   "yours_m_made_words": model.threshold_words})
    return fields


def output_fields(number: int, spec: OutputDraft) -> dict[str, object]:
    return {f"yours_m_out_{part}_{number}": getattr(spec, part) for part in _OUTPUT_PARTS}


def check_fields(number: int, check: CheckDraft) -> dict[str, object]:
    return {f"yours_m_check_{part}_{number}": getattr(check, part) for part in _CHECK_PARTS}


def show_model(model: ModelDraft | None) -> None:
    """Make `model` the work's and put it in the editor's fields (None: no model, the
    placeholder stands). For callbacks, which run before the fields are drawn."""
    current = work()
    if current is not None:
        current.model = model
    if model is None:
        st.session_state[INPUTS] = st.session_state[OUTPUTS] = st.session_state[CHECKS] = 0
        return
    for key, value in _fields(model).items():
        st.session_state[key] = value


def model_fields(current: Work) -> ModelDraft | None:
    """The model as the editor's fields now read it, kept as the work's. Streamlit forgets
    a field's value on a run that does not draw it (another step): such fields start
    again from the work's model."""
    if current.model is not None:
        for key, value in _fields(current.model).items():
            st.session_state.setdefault(key, value)
    current.model = model_from_widgets()
    return current.model


def _number(key: str, fallback: float = 0.0) -> float:
    value = st.session_state.get(key)
    return float(value) if isinstance(value, (int, float)) else fallback


def input_draft(name: str, label: str, unit: str, default: float, low: float, high: float,
                claims: tuple[str, ...] = ()) -> InputDraft:
    """An input as its fields read, its slider's step fitted to its range and unit."""
    units = built_in_vocabulary().units
    whole = unit in units and units[unit].format in ("count", "year")
    step = step_for(low, high, whole) if high > low else 1.0
    return InputDraft(name.strip(), label, unit, default, low, high, step, claims)


def model_from_widgets() -> ModelDraft | None:
    """The model as its fields now read, or None if none was made."""
    read = st.session_state.get
    if not read(OUTPUTS):
        return None
    inputs = []
    for number in range(read(INPUTS) or 0):
        key = f"yours_m_in_{{}}_{number}"
        inputs.append(input_draft(
            read(key.format("name")) or "", read(key.format("label")) or "",
            read(key.format("unit")) or "number", _number(key.format("default")),
            _number(key.format("min")), _number(key.format("max"), 1.0),
            tuple(read(key.format("claims")) or ())))
    outputs = tuple(OutputDraft((read(f"yours_m_out_name_{n}") or "").strip(),
                                read(f"yours_m_out_label_{n}") or "",
                                read(f"yours_m_out_unit_{n}") or "number",
                                read(f"yours_m_out_formula_{n}") or "",
                                valid_when=read(f"yours_m_out_valid_when_{n}") or "",
                                invalid_words=read(f"yours_m_out_invalid_words_{n}") or "")
                    for n in range(read(OUTPUTS)))
    checks = tuple(CheckDraft(read(f"yours_m_check_title_{n}") or "",
                              read(f"yours_m_check_value_{n}") or "",
                              read(f"yours_m_check_relation_{n}") or "at_least",
                              read(f"yours_m_check_against_{n}") or "",
                              _number(f"yours_m_check_tolerance_{n}"),
                              read(f"yours_m_check_low_{n}") or "",
                              read(f"yours_m_check_high_{n}") or "")
                   for n in range(read(CHECKS) or 0))
    threshold = read("yours_m_threshold")
    return ModelDraft(tuple(inputs), outputs, read("yours_m_headline") or outputs[0].name,
                      read("yours_m_made_claim") or "",
                      float(threshold) if isinstance(threshold, (int, float)) else None,
                      read("yours_m_made_words") or "more than", checks)
