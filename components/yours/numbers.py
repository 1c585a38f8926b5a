"""Step 2 of "Examine your own document": every number found, in its sentence, kept as a
claim or set aside, a page of twenty at a time. The list is a fragment: a decision reruns
only it, not the page (README, "Your own document")."""

from __future__ import annotations

import streamlit as st

from claimscope.authoring.decisions import Kept, SetAside, prefilled, suggestion
from claimscope.authoring.places import sentence_around
from claimscope.authoring.review import FILTERS, PER_PAGE, matching, page_count, page_of
from claimscope.files.vocabulary import built_in_vocabulary
from claimscope.finder import Mention
from claimscope.text.markdown import escape_markdown
from components.yours import state

FILTER = "yours_filter"
PAGE = "yours_page"
EDITING = "yours_editing"  # the number whose details are open


def _inline(text: str) -> str:
    """Reader's text on one line, inert as Markdown."""
    return escape_markdown(" ".join(text.split()))


def in_sentence(text: str, mention: Mention) -> str:
    """The sentence around a mention as Markdown, the mention in bold, all else inert."""
    begin, end = sentence_around(text, mention.start, mention.end)
    return (_inline(text[begin:mention.start]) + " **" + _inline(mention.text) + "** "
            + _inline(text[mention.end:end]))


def _status(current: state.Work, number: int, mention: Mention) -> str:
    decision = current.decisions.get(number)
    if decision is None:
        suggested = suggestion(current.text, current.mentions, mention)
        verdict = "kept" if isinstance(suggested, Kept) else "set aside"
        return (f"Not decided yet. The finder reads it as {mention.reason} "
                f"({'a likely claim' if mention.likely_claim else 'probably not a claim'}); "
                f"until you decide, it is {verdict}, as the finder suggests.")
    if isinstance(decision, Kept):
        return (f"Kept as a claim: {decision.value:,.10g} {decision.unit}, {decision.kind}, "
                f"{decision.category}; who: {decision.who}; when: {decision.when}.")
    return f"Set aside: {decision.reason}."


def _keep(number: int) -> None:
    current = state.work()
    mention = current.mentions[number]
    kept = prefilled(current.text, current.mentions, mention)
    if kept is not None:
        current.decisions[number] = kept
    else:
        _edit(number)  # no value in the words: the reader types one


def _set_aside(number: int) -> None:
    current = state.work()
    current.decisions[number] = SetAside(current.mentions[number].reason)


def _edit(number: int) -> None:
    for key in [key for key in st.session_state if str(key).startswith("yours_d_")]:
        del st.session_state[key]  # the fields start from this number's decision
    st.session_state[EDITING] = number


def _close() -> None:
    st.session_state[EDITING] = None


def _save_kept(number: int) -> None:
    read = st.session_state.get
    value = read(f"yours_d_value_{number}")
    if value is None:
        st.session_state[f"yours_d_problem_{number}"] = "Type the value to keep it."
        return
    date = read(f"yours_d_date_{number}") or None
    state.work().decisions[number] = Kept(
        float(value), (read(f"yours_d_unit_{number}") or "number").strip(),
        read(f"yours_d_kind_{number}") or "reported",
        read(f"yours_d_category_{number}") or "figures",
        " ".join((read(f"yours_d_who_{number}") or "").split()) or "Not stated",
        " ".join((read(f"yours_d_when_{number}") or "").split()) or "Not stated",
        date if date and date.isdigit() and len(date) == 4 else None)
    _close()


def _save_aside(number: int) -> None:
    reason = " ".join((st.session_state.get(f"yours_d_reason_{number}") or "").split())
    state.work().decisions[number] = SetAside(reason or state.work().mentions[number].reason)
    _close()


def _details(current: state.Work, number: int, mention: Mention) -> None:
    """The claim's fields, pre-filled from the decision or from the text."""
    decision = current.decisions.get(number)
    kept = decision if isinstance(decision, Kept) else prefilled(
        current.text, current.mentions, mention)
    vocabulary = built_in_vocabulary()
    categories, kinds = list(vocabulary.categories), list(vocabulary.kinds)
    with st.form(f"yours_d_form_{number}", border=True):
        left, middle, right = st.columns(3)
        left.number_input("Value", value=kept.value if kept else None, format="%g",
                          key=f"yours_d_value_{number}")
        middle.text_input("Unit", value=kept.unit if kept else "number", max_chars=40,
                          key=f"yours_d_unit_{number}",
                          help="count, number, percent, year, months, gbp, usd, eur, or "
                               "any words (\"buses\").")
        right.selectbox("Kind", kinds, index=kinds.index(kept.kind) if kept and
                        kept.kind in kinds else 0,
                        key=f"yours_d_kind_{number}")
        left.selectbox("Category", categories,
                       index=categories.index(kept.category) if kept and
                       kept.category in categories else 0, key=f"yours_d_category_{number}")
        middle.text_input("Who says it", value=kept.who if kept else "Not stated",
                          max_chars=200, key=f"yours_d_who_{number}")
        right.text_input("When", value=kept.when if kept else "Not stated", max_chars=100,
                         key=f"yours_d_when_{number}")
        left.text_input("Year, for the timeline (dates)",
                        value=(kept.date or "") if kept else "", max_chars=4,
                        key=f"yours_d_date_{number}")
        st.text_input("Or the reason it is no claim",
                      value=decision.reason if isinstance(decision, SetAside)
                      else mention.reason, max_chars=200, key=f"yours_d_reason_{number}")
        keep, aside, close = st.columns(3)
        keep.form_submit_button("Keep as a claim", on_click=_save_kept, args=(number,))
        aside.form_submit_button("Set aside", on_click=_save_aside, args=(number,))
        close.form_submit_button("Close", on_click=_close)
    problem = st.session_state.pop(f"yours_d_problem_{number}", None)
    if problem:
        st.warning(problem)


def _row(current: state.Work, number: int) -> None:
    mention = current.mentions[number]
    with st.container(border=True, key=f"yours_row_{number}"):
        st.markdown(in_sentence(current.text, mention))
        st.caption(escape_markdown(_status(current, number, mention)))
        keep, aside, edit = st.columns(3)
        label = _inline(mention.text)[:40]
        keep.button(f"Keep {label}", key=f"yours_keep_{number}", on_click=_keep,
                    args=(number,))
        aside.button(f"Set {label} aside", key=f"yours_aside_{number}",
                     on_click=_set_aside, args=(number,))
        edit.button(f"Details of {label}", key=f"yours_edit_{number}", on_click=_edit,
                    args=(number,))
        if st.session_state.get(EDITING) == number:
            _details(current, number, mention)


@st.fragment
def numbers() -> None:
    """The filter, the page number and the page's twenty numbers."""
    current = state.work()
    if current is None:
        return
    decided = len(current.decisions)
    likely = sum(mention.likely_claim for mention in current.mentions)
    st.markdown(f"{len(current.mentions):,} numbers found: {likely:,} likely claims. "
                f"{decided:,} decided by you; the rest follow the finder's suggestion "
                "until you decide. Each is shown in its sentence, which becomes its quote.")
    left, right = st.columns([3, 1])
    which = left.selectbox("Show", list(FILTERS), format_func=FILTERS.__getitem__,
                           key=FILTER)
    shown = matching(current.mentions, current.decisions, which)
    pages = page_count(len(shown))
    if (st.session_state.get(PAGE) or 1) > pages:
        st.session_state[PAGE] = pages  # fewer pages under this filter
    page = right.number_input(f"Page (of {pages})", min_value=1, max_value=pages, step=1,
                              key=PAGE)
    if not shown:
        st.info("No number matches this filter.")
    for number in page_of(shown, int(page or 1)):
        _row(current, number)
    if len(shown) > PER_PAGE:
        st.caption(f"Numbers {min(len(shown), (int(page or 1) - 1) * PER_PAGE + 1):,}–"
                   f"{min(len(shown), int(page or 1) * PER_PAGE):,} of {len(shown):,}.")
