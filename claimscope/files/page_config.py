"""Which claims feed which page, and the words that name a document's own figures.

A document's `pages.yaml` is data: the Overview's cards and intro, the claims and words
of the estimates-over-time and membership pages, and the sample page's title, address
and words ("Behind the 26 million"). A page whose block is absent is left out of the
navigation, so generic code names no claim of any document and never draws a page a
document cannot fill.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Annotated, Any

from pydantic import model_validator

from claimscope.files.catalogue import Catalogue, Claim
from claimscope.files.document import DocumentMeta
from claimscope.files.folder import Folder
from claimscope.files.schema import (
    AsTuple,
    DataError,
    FieldProblem,
    Prose,
    Record,
    Text,
    Texts,
    brief,
    matching,
    read_yaml,
    validate,
)
from claimscope.text.markdown import escape_markdown
from claimscope.text.template import FILTERS, Scope, check_text, render_text

PAGES_FILE = "pages.yaml"


class Card(Record):
    """One Overview card: the model's headline (`headline: true`), or claims shown through
    `value` and `detail`, page texts (`page_text`); by default the first claim's value
    and date."""

    title: Text | None = None
    claims: Texts = ()
    headline: bool = False
    value: Text | None = None
    detail: Text | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Card:
        if self.headline and self.claims:
            raise FieldProblem("claims", "a headline card shows the model, not claims")
        if not self.headline and not (self.title and self.claims):
            raise FieldProblem("claims", "a card needs a title and claims, or headline: true")
        return self


class OverviewPage(Record):
    """`intro` is a page text (`page_text`): the document's key claim in neutral words.
    Without one the Overview quotes the claim the model judges."""

    intro: Prose | None = None
    cards: Annotated[tuple[Card, ...], AsTuple] = (Card(headline=True),)


class Noun(Record):
    """A noun in both numbers, as sentences need it: "1 case", "50,000 cases"."""

    one: Text
    many: Text


class EstimatesContextWords(Record):
    """The words of the section on other published estimates (with estimates_context.yaml)
    and the related counts beside them; generic unless the document gives its own."""

    published: Text = "published estimates"  # in the chart's title: "…: {published}, …"
    intro: Prose = "Other published estimates of the same quantity, each with what it counted."
    restatements: Prose | None = None  # a caption sentence on estimates repeated over time
    related: Noun = Noun(one="related count", many="related counts")
    related_intro: Prose = "**Related counts a month.** Counts reported beside the estimates above."
    related_caution: Prose = ("Illustrative only: the related counts and the estimates "
                              "count different things.")


UrlPath = matching(r"[a-z0-9][a-z0-9_-]*", "lower-case letters, digits, - or _ (a page's "
                   "address, e.g. estimates)")


class EstimatesOverTimePage(Record):
    """Two stated estimates of one count, the claims dating them, and the model's figures
    per estimate. `intro`, `caution`, `per_estimate_note` and the nouns are the document's
    words; the navigation shows `title` at `/{path}`."""

    title: Text = "Estimates over time"
    path: UrlPath = "estimates"
    icon: Text = ":material/timeline:"
    intro: Prose  # a page text (`page_text`), naming its claims by id
    caution: Prose  # a page text, as `intro`
    first: Text  # the earlier count
    first_year: Text  # a claim whose value is the year the earlier count was stated
    second: Text  # the later count
    second_years: Texts  # claims whose values are the years it may describe
    deadline: Text  # a target year to carry the growth to
    second_year_input: Text  # the input choosing among `second_years`
    count_input: Text  # the input: the count the projected total is divided among
    year_input: Text
    projected: Text  # model output: the total divided among the count
    per_estimate: Text  # model output: `projected` ÷ `count_input`
    per_estimate_note: Prose
    counted: Noun  # what the estimates count
    counts_source: Prose  # the charts' source line for the two counts
    target_name: Text  # whose aim the deadline is: "{target_name} target path"
    target_aim: Text  # the aim, reached at zero: "the … aim of {target_aim}"
    context: EstimatesContextWords = EstimatesContextWords()


class Figure(Record):
    """One stated figure shown as a card under its title."""

    title: Text
    claim: Text


class Event(Record):
    """One dated claim on the commitments timeline, with what it marks."""

    claim: Text
    event: Text


class TargetList(Record):
    """Targets the document names in one place (`label`, e.g. "Part Two")."""

    label: Text
    title: Text  # the card's title
    claims: Texts


class Deadline(Record):
    """A deadline year, the years counted to it, and the start the document gives."""

    year: Text
    years: Text
    start: Text
    start_event: Text  # what `start` marks, in words


class MembershipPage(Record):
    """An organisation's members and countries, figures about standards, two lists of
    targets that should agree, and a dated deadline; shown as `title` at `/{path}`."""

    title: Text = "Membership and commitments"
    path: UrlPath = "membership"
    icon: Text = ":material/hub:"
    intro: Prose
    members_title: Text
    members: Text
    countries: Text
    figures_title: Text
    figures: Annotated[tuple[Figure, ...], AsTuple]
    targets_title: Text
    target_noun: Text
    named: TargetList
    quoted: TargetList
    targets_count: Text  # the claim stating how many targets `quoted` holds
    deadline: Deadline
    timeline: Annotated[tuple[Event, ...], AsTuple]
    document_noun: Text = "document"  # what the document is, in "the {…} is dated 2018"


def opening(word: str) -> str:
    """A word that opens a label: its first letter upper case, the rest as written (so
    "km of road" keeps its lower-case unit, where str.capitalize would lower all)."""
    return word[:1].upper() + word[1:]


class UnitWords(Record):
    """The nouns a sample of units is spoken of in (e.g. wards recording incidents):
    its page, charts, tables, downloads and the resampling's words take them from here, so
    generic code names no subject. Defaults are neutral, for a document that names none."""

    unit: Text = "unit"  # one unit of the sample, in running text
    units: Text = "units"  # several of them
    counted: Text = "items"  # what each unit counts, plural
    counted_how: Text = "counted"  # what the units did to it ("items counted per resident")
    counts: Text = "counts"  # what a unit in the sample gave ("gave counts in time")
    whole: Text = "the whole population"  # what the sample's total scales to

    @property
    def counted_first(self) -> str:
        """`counted` opening a label ("Incidents per resident")."""
        return opening(self.counted)

    @property
    def unit_first(self) -> str:
        """`unit` opening a label ("Ward group")."""
        return opening(self.unit)


class SampleUnitsPage(UnitWords):
    """The sample page's title (naming the figure its data stands behind), its address and
    icon, its nouns, and the document's own sentences about its sample (Markdown)."""

    title: Text = "Context data"
    path: UrlPath = "sample"  # the page's address: /sample unless the document says otherwise
    icon: Text = ":material/table_chart:"
    # Opens the context notice, before the source's citation: what the document leaves out.
    notice: Prose = ("The document does not name the units of its sample. The figures on "
                     "this page come from:")
    # Closes the notice: how the figures ClaimScope derives are marked.
    derived_note: Prose = ("Groups marked **derived** are computed by ClaimScope from the "
                           "figures the source states; each derivation is shown below.")
    non_response: Prose = ""  # what is known of the units asked but not in the sample
    groups_note: Prose = ""  # below the groups table: why groups are as they are

    def csv_name(self, table: str) -> str:
        """A download's file name in the document's words ('wards-groups')."""
        return f"{slug(self.units).replace('_', '-')}-{table}"


class Pages(Record):
    """`pages.yaml`. Every block is optional; the Overview has a default."""

    overview: OverviewPage = OverviewPage()
    sample_units: SampleUnitsPage = SampleUnitsPage()
    estimates_over_time: EstimatesOverTimePage | None = None
    membership: MembershipPage | None = None

    def claim_ids(self) -> Iterator[tuple[str, str]]:
        """Every (block, claim id) the file names, to check each exists."""
        for card in self.overview.cards:
            yield from (("overview", c) for c in card.claims)
        if self.estimates_over_time is not None:
            o = self.estimates_over_time
            for claim_id in (o.first, o.first_year, o.second, *o.second_years, o.deadline):
                yield "estimates_over_time", claim_id
        if self.membership is not None:
            n = self.membership
            for claim_id in (n.members, n.countries, *(f.claim for f in n.figures),
                             *n.named.claims, *n.quoted.claims, n.targets_count,
                             n.deadline.year, n.deadline.years, n.deadline.start,
                             *(e.claim for e in n.timeline)):
                yield "membership", claim_id


def page_scope(catalogue: Catalogue) -> Scope:
    """What a page text may name: every claim, with its value, unit and words."""
    claims = catalogue.claims.values()
    return Scope(claims={c.id: c.value for c in claims},
                 claim_units={c.id: c.unit for c in claims},
                 claim_words={c.id: {"mention": c.mention, "when": c.when, "quote": c.quote,
                                     "unit": c.unit} for c in claims})


def page_text(template: str, catalogue: Catalogue) -> str:
    """A document's page text (an intro, a card line) in the template language of
    `claimscope.text.template`, naming claims by id with their numbers and words
    (`{claims.<id>|text}`, `{claims.<id>|when}`), as one line of Markdown."""
    return " ".join(render_text(template, page_scope(catalogue)).split())


def _card_templates(card: Card) -> tuple[str, str]:
    first = f"claims.{card.claims[0]}"
    return (card.value if card.value is not None else f"{{{first}|text}}",
            card.detail if card.detail is not None else f"{{{first}|when}}")


def card_text(card: Card, catalogue: Catalogue) -> tuple[str, str]:
    """A claims card's value and detail lines."""
    value, detail = _card_templates(card)
    return page_text(value, catalogue), page_text(detail, catalogue)


def intro_text(pages: Pages, catalogue: Catalogue, meta: DocumentMeta, claim: Claim) -> str:
    """The Overview's lead: what ClaimScope is, then the document's key claim."""
    lead = (f"ClaimScope lists every number in *{escape_markdown(meta['title'])}* "
            f"({escape_markdown(meta['author'])}, {meta['date']}) with its exact words, who "
            "the document attributes it to, and when.")
    if pages.overview.intro is None:
        return f"{lead} The key claim: “{escape_markdown(claim.quote)}”."
    return f"{lead} {page_text(pages.overview.intro, catalogue)}"


def estimates_texts(page: EstimatesOverTimePage, catalogue: Catalogue) -> tuple[str, str]:
    """The estimates page's intro and caution."""
    return page_text(page.intro, catalogue), page_text(page.caution, catalogue)


def _page_texts(pages: Pages) -> Iterator[str]:
    for card in pages.overview.cards:
        if not card.headline:
            yield from _card_templates(card)
    if pages.overview.intro is not None:
        yield pages.overview.intro
    if pages.estimates_over_time is not None:
        yield from (pages.estimates_over_time.intro, pages.estimates_over_time.caution)


def slug(label: str) -> str:
    """'Part Two' -> 'part_two': a column name made from a label."""
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")


def load_pages(folder: Folder, catalogue: Catalogue, meta: DocumentMeta,
               names: Mapping[str, Any]) -> Pages:
    """Read `pages.yaml` (defaults if absent) and check every claim, input and output it
    names exists and every template renders. `names`: {"inputs": …, "outputs": …}."""
    path = folder / PAGES_FILE
    pages = validate(Pages, path, None, read_yaml(path)) if path.exists() else Pages()
    for block, claim_id in pages.claim_ids():
        if claim_id not in catalogue.claims:
            raise DataError(path, f"names unknown claim {claim_id!r}", block)
    if pages.estimates_over_time is not None:
        o = pages.estimates_over_time
        for field, kind in (("second_year_input", "inputs"), ("count_input", "inputs"),
                            ("year_input", "inputs"), ("projected", "outputs"),
                            ("per_estimate", "outputs")):
            if getattr(o, field) not in names[kind]:
                raise DataError(path, f"names unknown {kind[:-1]} {getattr(o, field)!r}",
                                "estimates_over_time", field)
    for template in _page_texts(pages):
        problems = check_text(template, (), catalogue.claims, FILTERS)
        if problems:
            raise DataError(path, f"has a template that does not render: "
                                  f"{brief(problems[0], 160)}")
    return pages
