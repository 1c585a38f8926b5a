"""Step 3 of "Examine your own document": the model. Pick a shape and fill its fields by
picking kept claims; it becomes ordinary inputs and expressions the reader can edit, with
each result's validity condition and the reader's checks, each checked as typed with the
fault marked under it; the live panel shows the model as it is written once the folder
validates."""

from __future__ import annotations

import math

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from claimscope.authoring.model_draft import (
    CHECK_RELATIONS,
    NEW_INPUT,
    CheckDraft,
    DraftRefused,
    InputDraft,
    ModelDraft,
    OutputDraft,
    Problem,
    add_input,
    formula_problems,
    marked,
    new_input_problems,
    remove_input,
    suggested_range,
)
from claimscope.authoring.shapes import BY_ID, SHAPES, Pick, ShapeError, fill
from claimscope.authoring.workspace import kept_claims
from claimscope.files.vocabulary import built_in_vocabulary
from claimscope.text.markdown import escape_markdown
from claimscope.views.panel_spec import fit_panel_values
from components.assumption_panel import draw_panel
from components.yours import state

TYPED = "__typed__"  # a slot filled by typing a value, not by picking a claim
WORDS = ("more than", "at least", "fewer than", "at most", "about")
PANEL = "yours_panel"
NOTICE = "yours_model_notice"
INPUT_NOTICE = "yours_input_notice"  # why an assumption was not removed
NEW = "yours_m_new_{}"  # the fields of the assumption being added
NONE_PICKED = "— pick a claim —"
RELATION_WORDS = {"at_least": "is at least", "at_most": "is at most",
                  "equals": "equals, within a tolerance", "within": "lies within a span"}


def _units() -> list[str]:
    return list(built_in_vocabulary().units)


def _claim_label(kept: dict, claim: str) -> str:
    if claim == TYPED:
        return "Type a value instead"
    mention, decision = kept[claim]
    return f"{mention.text} ({decision.unit}) — {claim}"


def _make_from_shape() -> None:
    current = state.work()
    shape = BY_ID[st.session_state["yours_m_shape"]]
    kept = kept_claims(current.text, current.mentions, current.decisions)
    units = set(_units())
    picks: dict[str, Pick] = {}
    for slot in shape.slots:
        chosen = st.session_state.get(f"yours_m_slot_{slot.name}")
        if chosen == TYPED:
            typed = st.session_state.get(f"yours_m_typed_{slot.name}")
            if typed is not None:
                picks[slot.name] = Pick(float(typed), slot.unit)
        elif chosen in kept:
            mention, decision = kept[chosen]
            unit = decision.unit if decision.unit in units else slot.unit
            picks[slot.name] = Pick(decision.value, unit, chosen,
                                    f"{slot.label} ({mention.text})")
    claim = st.session_state.get("yours_m_claim")
    if claim not in kept:
        st.session_state[NOTICE] = "Pick the claim the result is judged against."
        return
    try:
        model = fill(shape, picks, claim, st.session_state.get("yours_m_words") or WORDS[0])
    except ShapeError as error:
        st.session_state[NOTICE] = f"The shape cannot be filled: {error}."
        return
    st.session_state[NOTICE] = None
    state.show_model(model)


def _add_output() -> None:
    count = st.session_state.get(state.OUTPUTS, 0)
    spec = OutputDraft(f"result_{count + 1}", "Another result", "number", "1")
    for key, value in state.output_fields(count, spec).items():
        st.session_state[key] = value
    st.session_state[state.OUTPUTS] = count + 1


def _remove_output() -> None:
    count = st.session_state.get(state.OUTPUTS, 0)
    if count > 1:
        st.session_state[state.OUTPUTS] = count - 1


def _remove_input(number: int) -> None:
    model = state.model_from_widgets()
    if model is None:
        return
    try:
        state.show_model(remove_input(model, model.inputs[number].name))
    except DraftRefused as refusal:
        st.session_state[INPUT_NOTICE] = str(refusal)


def _new_input(kept: dict) -> InputDraft:
    """The assumption being added as its fields read; an empty number is not one (NaN)."""
    read = st.session_state.get

    def number(part: str) -> float:
        value = read(NEW.format(part))
        return float(value) if isinstance(value, (int, float)) else math.nan

    source = read(NEW.format("from"))
    default, claims = ((kept[source][1].value, (source,)) if source in kept
                       else (number("default"), ()))
    return state.input_draft(read(NEW.format("name")) or "", read(NEW.format("label")) or "",
                             read(NEW.format("unit")) or "", default, number("min"),
                             number("max"), claims)


def _new_default_picked() -> None:
    """A claim picked for the default brings its unit and, if none is typed, a range."""
    current = state.work()
    kept = kept_claims(current.text, current.mentions, current.decisions)
    source = st.session_state.get(NEW.format("from"))
    if source not in kept:
        return
    decision = kept[source][1]
    units = built_in_vocabulary().units
    if decision.unit in units:
        st.session_state[NEW.format("unit")] = decision.unit
    unit = units.get(st.session_state.get(NEW.format("unit")) or "")
    low, high, _ = suggested_range(decision.value, unit.format if unit else "number")
    for part, value in (("min", low), ("max", high)):
        if st.session_state.get(NEW.format(part)) is None:
            st.session_state[NEW.format(part)] = value


def _add_input() -> None:
    current, model = state.work(), state.model_from_widgets()
    if model is None:
        return
    kept = kept_claims(current.text, current.mentions, current.decisions)
    try:
        state.show_model(add_input(model, _new_input(kept), _units()))
    except DraftRefused:
        return  # the button is disabled while the fields have problems
    for part in ("name", "label", "default", "min", "max", "from"):
        st.session_state.pop(NEW.format(part), None)


def _add_check() -> None:
    count = st.session_state.get(state.CHECKS, 0)
    headline = st.session_state.get("yours_m_headline") or ""
    check = CheckDraft("Another check", headline, "at_least", "0")
    for key, value in state.check_fields(count, check).items():
        st.session_state[key] = value
    st.session_state[state.CHECKS] = count + 1


def _remove_check() -> None:
    st.session_state[state.CHECKS] = max(0, st.session_state.get(state.CHECKS, 0) - 1)


def shape_picker(current: state.Work) -> None:
    """The six shapes; each field picks a kept claim or takes a typed value."""
    kept = kept_claims(current.text, current.mentions, current.decisions)
    if not kept:
        st.info("Keep at least one number as a claim first (step 2).")
        return
    with st.container(border=True, key="yours_shape"):
        shape_id = st.selectbox("Start from a shape", [shape.id for shape in SHAPES],
                                format_func=lambda i: BY_ID[i].title, key="yours_m_shape")
        shape = BY_ID[shape_id]
        st.caption(shape.summary)
        options = [*kept, TYPED]
        for slot in shape.slots:
            left, right = st.columns([3, 1])
            chosen = left.selectbox(slot.label, options, index=None, placeholder=NONE_PICKED,
                                    format_func=lambda c: _claim_label(kept, c),
                                    key=f"yours_m_slot_{slot.name}",
                                    help=slot.help or None)
            if chosen == TYPED or (chosen is None and slot.default is not None):
                right.number_input("Value", value=slot.default, format="%g",
                                   key=f"yours_m_typed_{slot.name}")
        left, right = st.columns([3, 1])
        left.selectbox("The claim the result is judged against", list(kept), index=None,
                       placeholder=NONE_PICKED, format_func=lambda c: _claim_label(kept, c),
                       key="yours_m_claim")
        right.selectbox("The result is", WORDS, key="yours_m_words")
        st.button("Make the model from this shape", key="yours_make_model",
                  on_click=_make_from_shape, type="primary")
    notice = st.session_state.pop(NOTICE, None)
    if notice:
        st.warning(escape_markdown(notice))


def _at(problems: dict[str, Problem], field: str, text: str | None = None) -> None:
    problem = problems.get(field)
    if problem is None:
        return
    if text is not None and problem.start is not None:
        st.code(marked(text, problem.start, problem.end), language=None)
    st.caption(":red[" + escape_markdown(problem.message) + "]")


def _named(key: str) -> DeltaGenerator:
    """The name and label fields of an input or output; the column left for its unit."""
    name, label, unit = st.columns([2, 3, 2])
    name.text_input("Name in formulas", key=key.format("name"), max_chars=40)
    label.text_input("Label", key=key.format("label"), max_chars=200)
    return unit


def _input_fields(number: int, problems: dict[str, Problem]) -> None:
    key = f"yours_m_in_{{}}_{number}"
    name = st.session_state.get(key.format("name"), "")
    with st.container(border=True, key=f"yours_input_{number}"):
        _named(key).selectbox("Unit", _units(), key=key.format("unit"))
        low = st.columns(3)
        low[0].number_input("Default", key=key.format("default"), format="%g")
        low[1].number_input("Lowest", key=key.format("min"), format="%g")
        low[2].number_input("Highest", key=key.format("max"), format="%g")
        claims = st.session_state.get(key.format("claims")) or ()
        words, remove = st.columns([4, 1])
        words.caption("From the claim " + escape_markdown(", ".join(claims)) if claims
                      else "The reader's own assumption: the document does not state it.")
        remove.button("Remove", key=f"yours_remove_input_{number}", on_click=_remove_input,
                      args=(number,), help="Remove this assumption (not while a result or "
                                           "a check uses it).")
        for field in ("name", "min", "default"):
            _at(problems, f"inputs.{name}.{field}")


def _new_input_fields(model: ModelDraft, kept: dict) -> None:
    """The fields of an assumption to add, each checked as typed once the reader starts."""
    with st.container(border=True, key="yours_new_input"):
        st.markdown("**Add an assumption**")
        _named(NEW).selectbox("Unit", _units(), key=NEW.format("unit"))
        source = st.selectbox("Its default", [TYPED, *kept], key=NEW.format("from"),
                              format_func=lambda c: ("Type a value" if c == TYPED else
                                                     "From " + _claim_label(kept, c)),
                              on_change=_new_default_picked)
        numbers = st.columns(3)
        if source in kept:
            numbers[0].caption(f"Default: {kept[source][1].value:g}, the claim's value")
        else:
            numbers[0].number_input("Default", value=None, format="%g",
                                    key=NEW.format("default"))
        numbers[1].number_input("Lowest", value=None, format="%g", key=NEW.format("min"))
        numbers[2].number_input("Highest", value=None, format="%g", key=NEW.format("max"))
        problems = new_input_problems(model, _new_input(kept), _units())
        started = any(st.session_state.get(NEW.format(part))
                      for part in ("name", "label"))
        if started:
            found = {problem.field: problem for problem in problems}
            for part in ("name", "label", "unit", "min", "default"):
                _at(found, f"{NEW_INPUT}.{part}")
        else:
            st.caption("Give a name, a label, a default and a range to add an assumption.")
        st.button("Add the assumption", key="yours_add_input", on_click=_add_input,
                  disabled=bool(problems))


def _output_fields(number: int, problems: dict[str, Problem]) -> None:
    key = f"yours_m_out_{{}}_{number}"
    name = st.session_state.get(key.format("name"), "")
    with st.container(border=True, key=f"yours_output_{number}"):
        _named(key).text_input("Unit", key=key.format("unit"), max_chars=40)
        formula = st.text_input("Formula", key=key.format("formula"), max_chars=500,
                                help="+ − × ÷ as + - * /, powers as **, brackets, the "
                                     "names above, min(), max(), log(), exp(), sqrt().")
        _at(problems, f"outputs.{name}.name")
        _at(problems, f"outputs.{name}.formula", formula)
        condition, words = st.columns([3, 2])
        valid_when = condition.text_input(
            "Means something only when (optional)", key=key.format("valid_when"),
            max_chars=300, help="A condition over the names above and this result, e.g. "
                                "repairs > arrivals; compare with < <= > >= == != and "
                                "join with and, or, not.")
        words.text_input("Otherwise say", key=key.format("invalid_words"), max_chars=200,
                         placeholder="e.g. never clears at this pace")
        _at(problems, f"outputs.{name}.valid_when", valid_when)
        _at(problems, f"outputs.{name}.invalid_words")


def _check_fields(number: int, problems: dict[str, Problem]) -> None:
    key = f"yours_m_check_{{}}_{number}"
    field = f"checks.{number}"
    with st.container(border=True, key=f"yours_check_{number}"):
        st.text_input("What the check says", key=key.format("title"), max_chars=200)
        value, relation = st.columns([3, 2])
        formula = value.text_input("Formula", key=key.format("value"), max_chars=500,
                                   help="Over the claims (claim-001 as claim_001), the "
                                        "assumptions and the results.")
        chosen = relation.selectbox("It", CHECK_RELATIONS, key=key.format("relation"),
                                    format_func=RELATION_WORDS.__getitem__)
        _at(problems, f"{field}.title")
        _at(problems, f"{field}.value", formula)
        if chosen == "within":
            low, high = st.columns(2)
            low_text = low.text_input("From", key=key.format("low"), max_chars=500)
            high_text = high.text_input("To", key=key.format("high"), max_chars=500)
            _at(problems, f"{field}.low", low_text)
            _at(problems, f"{field}.high", high_text)
            return
        against, tolerance = st.columns([3, 2])
        against_text = against.text_input("Threshold", key=key.format("against"),
                                          max_chars=500)
        if chosen == "equals":
            tolerance.number_input("Tolerance", min_value=0.0, format="%g",
                                   key=key.format("tolerance"))
        _at(problems, f"{field}.against", against_text)
        _at(problems, f"{field}.tolerance")


def _panel_changed() -> None:
    current = state.work()
    made = state.made(current, current.model)
    if made.bundle is None:
        return
    values = state.panel_values(made.bundle)
    raw = (st.session_state.get(PANEL) or {}).get("values")
    fitted, _ = fit_panel_values(raw, made.bundle.model.inputs, values)
    values.update(fitted)


def editor(current: state.Work) -> None:
    """The model's inputs and outputs as fields, each problem at its place, then the live
    panel or, until the folder validates, why not."""
    model = state.model_fields(current)
    if model is None:
        st.caption("No model yet: the document's first kept figure stands alone until you "
                   "make one from a shape.")
    else:
        kept = kept_claims(current.text, current.mentions, current.decisions)
        problems = {problem.field: problem for problem in formula_problems(model, kept)}
        st.markdown("**Assumptions** (each a slider in the panel below)")
        for number in range(len(model.inputs)):
            _input_fields(number, problems)
        refusal = st.session_state.pop(INPUT_NOTICE, None)
        if refusal:
            st.warning(escape_markdown(refusal))
        _new_input_fields(model, kept)
        st.markdown("**Results** (each a formula of the assumptions and the results above "
                    "it)")
        for number in range(len(model.outputs)):
            _output_fields(number, problems)
        add, remove = st.columns(2)
        add.button("Add a result", key="yours_add_output", on_click=_add_output)
        remove.button("Remove the last result", key="yours_remove_output",
                      on_click=_remove_output, disabled=len(model.outputs) < 2)
        names = [output.name for output in model.outputs]
        left, right = st.columns(2)
        left.selectbox("The headline result", names, key="yours_m_headline")
        right.number_input("Its threshold (empty: the claim's value)", value=None,
                           format="%g", key="yours_m_threshold")
        _at(problems, "headline")
        st.markdown("**Checks** (each a formula that should compare as you say)")
        for number in range(len(model.checks)):
            _check_fields(number, problems)
        add, remove = st.columns(2)
        add.button("Add a check", key="yours_add_check", on_click=_add_check)
        remove.button("Remove the last check", key="yours_remove_check",
                      on_click=_remove_check, disabled=not model.checks)
        if problems:
            st.warning(f"The model has {len(problems)} problem(s), marked above; the panel "
                       "shows once they are fixed.")
            return
    made = state.made(current, model)
    if made.bundle is None:
        st.error("The document does not validate yet:")
        st.code(made.problem or "", language=None, wrap_lines=True)
        return
    st.markdown("**The model, live** — move an assumption and the numbers follow.")
    draw_panel(made.bundle, state.panel_values(made.bundle), PANEL, _panel_changed)


def model_step(current: state.Work) -> None:
    shape_picker(current)
    editor(current)

