"""ECPAT's consistency checks (README, "Adding a document"): the arithmetic its numbers imply.

Document code, loaded by `claimscope.files.document_code`: each check reads its numbers from
the catalogue by claim id and reuses the core module that owns the arithmetic, so the
Source page shows the same figures as the pages that chart them.
"""

from __future__ import annotations

from claimscope.context.estimates_over_time import implied_growth, second_years
from claimscope.context.membership import deadline as deadline_of
from claimscope.context.membership import members_spread, stated_and_quoted_targets, target_label
from claimscope.context.sample_units import SampleUnits
from claimscope.files.catalogue import Catalogue
from claimscope.files.checks import Check, months_inclusive, quoted
from claimscope.files.page_config import EstimatesOverTimePage, MembershipPage, Pages
from claimscope.model.model import Model
from claimscope.text.numbers import human, percent

# Official wording of the SDG targets the document names (UN General Assembly resolution
# 70/1, "Transforming our world: the 2030 Agenda for Sustainable Development", 2015).
# Context for reading the document, not from it.
SDG_TARGET_WORDING = {
    "5.2": "Eliminate all forms of violence against all women and girls in the public and "
           "private spheres, including trafficking and sexual and other types of exploitation",
    "5.3": "Eliminate all harmful practices, such as child, early and forced marriage and "
           "female genital mutilation",
    "8.7": "… secure the prohibition and elimination of the worst forms of child labour …",
    "16.2": "End abuse, exploitation, trafficking and all forms of violence against and "
            "torture of children",
}
SDG_SOURCE = "UN General Assembly resolution 70/1 (2015)"


def extrapolation(catalogue: Catalogue, model: Model, context: SampleUnits | None = None
                  ) -> Check:
    """26 million ÷ 7.25 % against 'in excess of 300 million'."""
    seized, share = catalogue.value("seized-images"), catalogue.value("population-share")
    claimed, forces = catalogue["national-total-claim"], catalogue["forces-replied"]
    pro_rata = {"seized": seized, "share": share, "unique": 100, "rate_ratio": 1,
                "coverage": 100}
    total = float(model.evaluate(pro_rata)[model.headline])
    holds = total >= claimed.value
    explanation = (
        f"Scaling the {forces.mention}' {human(seized)} images pro rata to the whole population "
        f"gives {human(total)} — {'above' if holds else 'below'} the {human(claimed.value)} "
        f"the document states as a lower bound (\"in excess of\"); rounded to whole "
        f"millions, {human(total, 0)}. Pro-rata scaling assumes the sampled areas seize images "
        "at the national rate per person and that no image is counted twice."
    )
    if context is not None:
        stated = next(a.stated["national"].written for a in context.alternatives
                      if not a.excludes and "national" in a.stated)
        explanation += (f" The blog post that first made this extrapolation put it at "
                        f"\"{stated}\" (context, not from the document: "
                        f"{context.source.citation()}).")
    return Check(
        id="extrapolation", title="The seized images scaled to the whole population",
        formula=f"images seized ÷ population share = {human(seized)} ÷ {percent(share)}",
        result=f"{human(total)} images", statement=quoted(claimed.quote),
        verdict="consistent" if holds else "inconsistent", explanation=explanation,
        claims=("seized-images", "population-share", "national-total-claim", forces.id),
        value=total)


def deadline(catalogue: Catalogue, page: MembershipPage, document_year: int) -> Check:
    """'A hard deadline of 14 years' ending in 2030, counted from the campaign's 2016."""
    d = deadline_of(catalogue, page, document_year)
    end = d.start + d.years
    return Check(
        id="deadline", title="Years to the SDG deadline",
        formula=f"campaign launch + deadline years = {d.start} + {d.years}",
        result=str(end),
        statement=quoted(catalogue["deadline-years"].quote, catalogue["sdg-deadline"].quote),
        verdict="consistent" if end == d.deadline else "inconsistent",
        explanation=(
            f"Counting from {d.start}, the year the document says the campaign "
            f"\"launches\", {d.years} years end in {end}, the deadline it names. The "
            f"submission itself is of {document_year}, when {d.left_at_document} years were "
            f"left; the passage reads as written in {d.counted_from}."),
        claims=("campaign-launch", "deadline-years", "sdg-deadline"), value=end)


def offender_growth(catalogue: Catalogue, page: EstimatesOverTimePage) -> Check:
    """50,000 (2014) to 100,000 (2016 or 2017): a doubling, and the yearly rate it implies."""
    growths = [implied_growth(catalogue, page, year) for year in second_years(catalogue, page)]
    fastest, slowest = min(growths, key=lambda g: g.years), max(growths, key=lambda g: g.years)
    first, second = fastest.first.claim, fastest.second.claim
    return Check(
        id="offender-growth", title="Growth implied by the two offender estimates",
        formula=(f"({human(second.value)} ÷ {human(first.value)})^(1 ÷ years) − 1, "
                 f"years = {fastest.years} ({fastest.first.year}–{fastest.second.year}) "
                 f"or {slowest.years} ({slowest.first.year}–{slowest.second.year})"),
        result=(f"×{human(fastest.ratio)} in {fastest.years}–{slowest.years} years: "
                f"{percent(slowest.rate * 100, 1)} to {percent(fastest.rate * 100, 1)} a year"),
        statement=quoted(first.quote, second.quote),
        verdict="note",
        explanation=(
            "The arithmetic is a reading of two numbers, not a measured trend. They count "
            "different things — \"individuals … involving themselves with child sexual abuse "
            "images\" in a surveillance exercise, and \"men … involved in downloading or "
            "exchanging\" images — and the first is a lower bound (\"upwards of\") while the "
            "second is an upper one (\"as many as\"), so the true change could be smaller or "
            "larger than a doubling."),
        claims=(first.id, second.id, "nca-statement", "bailey-statement-2016",
                "bailey-statement-2017"),
        value=fastest.ratio)


def sdg_targets(catalogue: Catalogue, page: MembershipPage) -> Check:
    """Part Two's list of SDG targets against the targets Part Three quotes."""
    named = [target_label(catalogue[i]) for i in page.named.claims]
    in_three = [target_label(catalogue[i]) for i in page.quoted.claims]
    only_two = [t for t in named if t not in in_three]
    only_three = [t for t in in_three if t not in named]
    differ = [*only_two, *only_three]
    ids = (*page.named.claims, *page.quoted.claims)
    differing = [i for i in ids if target_label(catalogue[i]) in differ]
    wording = "; ".join(f"{t}: “{SDG_TARGET_WORDING[t]}”" for t in differ
                        if t in SDG_TARGET_WORDING)
    return Check(
        id="sdg-targets", title="The SDG targets named in Part Two and in Part Three",
        formula=f"Part Two names {{{', '.join(named)}}}; Part Three quotes "
                f"{{{', '.join(in_three)}}}",
        result=(f"only in Part Two: {', '.join(only_two) or 'none'}; only in Part Three: "
                f"{', '.join(only_three) or 'none'}"),
        statement=quoted(*dict.fromkeys(catalogue[i].quote for i in differing))
        if differ else quoted(catalogue["sdg-targets-count"].quote),
        verdict="inconsistent" if differ else "consistent",
        explanation=(
            f"Part Two links ECPAT's remit to target {', '.join(only_two)} where Part Three "
            f"quotes target {', '.join(only_three)}. The words Part Three gives are the "
            f"wording of the target it numbers, and the two are different targets. Official "
            f"wording ({SDG_SOURCE}) — {wording}." if differ
            else "Both parts name the same targets."),
        claims=ids, value=len(differ))


def reporting_window(catalogue: Catalogue) -> Check:
    """March 2010 – April 2012 as a number of months, which the projection needs."""
    start, end = catalogue["window-start"], catalogue["window-end"]
    months = months_inclusive(start.date, end.date)
    return Check(
        id="window", title="The length of the reporting window",
        formula=f"months from {start.when} to {end.when}, counting both",
        result=f"{months} months", statement=quoted(start.quote),
        verdict="note",
        explanation=(
            f"The document gives the period, not its length. Counting {start.when} and "
            f"{end.when} in full gives {months} months, the projection's default window; from "
            f"the first day of {start.when} to the first day of {end.when} it is "
            f"{months - 1}. Per-year figures scale with this choice."),
        claims=(start.id, end.id), value=months)


def network(catalogue: Catalogue, page: MembershipPage) -> Check:
    """103 members in 93 countries: how many countries can have more than one member."""
    s = members_spread(catalogue, page)
    return Check(
        id="network", title="Members and countries",
        formula=(f"members − countries = {s.members} − {s.countries} = {s.extra} extra "
                 "members"),
        result=f"between {s.fewest_shared} and {s.most_shared} countries have more than one member",
        statement=quoted(catalogue["ecpat-members"].quote),
        verdict="consistent" if s.members >= s.countries else "inconsistent",
        explanation=(
            f"With at least one member in each of {s.countries} countries, {s.extra} members "
            f"are extra: all in one country (which then has {s.most_in_one}) or one each in "
            f"{s.most_shared} countries. The document does not say which."),
        claims=("ecpat-members", "ecpat-countries"), value=s.most_shared)


def targets_count(catalogue: Catalogue, page: MembershipPage) -> Check:
    """'Three SDG targets' against the number of targets Part Three goes on to quote."""
    stated, count = stated_and_quoted_targets(catalogue, page)
    listed = ", ".join(target_label(catalogue[i]) for i in page.quoted.claims)
    claim = catalogue[page.targets_count]
    return Check(
        id="targets-count", title=f"“{claim.mention}”",
        formula="count of the targets Part Three quotes", result=f"{count} targets",
        statement=quoted(claim.quote),
        verdict="consistent" if stated == count else "inconsistent",
        explanation=f"Part Three says {stated} and quotes {count}: targets {listed}.",
        claims=(claim.id, *page.quoted.claims), value=count)


def consistency_checks(catalogue: Catalogue, model: Model, document_year: int,
                       context: SampleUnits | None, pages: Pages) -> list[Check]:
    """Every check, in the order the document raises the numbers."""
    if pages.estimates_over_time is None or pages.membership is None:
        raise ValueError("the checks read the offenders and network blocks of pages.yaml")
    net = pages.membership
    return [extrapolation(catalogue, model, context), reporting_window(catalogue),
            offender_growth(catalogue, pages.estimates_over_time), sdg_targets(catalogue, net),
            network(catalogue, net), targets_count(catalogue, net),
            deadline(catalogue, net, document_year)]


