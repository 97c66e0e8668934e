"""The sentences of the checks: message code -> English wording, marked for the catalogue.

A rule names one of these with its parameters (`pestle.checks.said.say`); the English
wording is what `Finding.message` (and `title`, the figures' texts, ...) stores, the
Chinese is the catalogue's translation of the same wording (src/pestle/locale/, extracted
from this file by babel.cfg), filled with the parameters written in the reader's language.
A placeholder names a parameter: ``{stated}`` is an amount, ``{period}`` a period.
"""

from __future__ import annotations

from pestle.languages import N_

MESSAGES: dict[str, str] = {
    # a figure whose text is one parameter (an amount, a reference)
    "say": N_("{say}"),
    # magnitude
    "magnitude.title": N_("{measure} ({period}): magnitude against reference data"),
    "magnitude.no_reference": N_(
        "{stated} for {period}: no reference of the same measure within two years to "
        "compare its magnitude with."
    ),
    "magnitude.reference": N_("{value} for {period} ({source})"),
    "magnitude.reference_per_day": N_("{value} for {period} ({source}), compared per day"),
    "magnitude.why": N_("same order of magnitude"),
    "magnitude.why_per_day": N_(
        "same order of magnitude; periods differ, so amounts per day, seasonality included"
    ),
    "magnitude.same": N_(
        "{stated} for {period} is of the same magnitude as the reference: {reference} "
        "(ratio {ratio})."
    ),
    "magnitude.exactly_smaller": N_("exactly {times}× smaller than the reference, {reference}"),
    "magnitude.exactly_larger": N_("exactly {times}× larger than the reference, {reference}"),
    "magnitude.larger": N_("{times}× larger than the reference, {reference}"),
    "magnitude.smaller": N_("{times}× smaller than the reference, {reference}"),
    "magnitude.far": N_("far from the reference, {reference}"),
    "magnitude.not_a_power": N_(
        "Not a power of ten: probably a different figure, not a unit slip."
    ),
    "magnitude.unit_error": N_(
        "Probable unit or magnitude error: in {fitting} instead of {unit} the figure would be "
        "{refit}, {how}"
    ),
    "magnitude.matches": N_("which matches the reference exactly."),
    "magnitude.ratio": N_("{ratio} times the reference."),
    "magnitude.header": N_("{fits} The column header says '{header}'; it should say {fitting}."),
    "magnitude.reading": N_("the unit should be {fitting}, not {unit}"),
    "magnitude.fail": N_("{stated} for {period} is {how}. {fits}"),
    # root causes
    "cause.column_unit": N_(
        "unit of the {measure} column ('{header}') of the table in § {section}"
    ),
    "cause.column_unit_no_section": N_("unit of the {measure} column ('{header}') of a table"),
    "cause.basis_confirmed": N_("the reference gives {value} for {period} ({source})"),
    "cause.basis_off": N_(
        "the reference gives {value} for {period} ({source}), ratio {ratio} even after the "
        "correction"
    ),
    "cause.basis_implied": N_("same column; no reference for {period}"),
    "cause.row_confirmed": N_("{label}: {stated} → {corrected} (confirmed: {basis})"),
    "cause.row_implied": N_("{label}: {stated} → {corrected} (implied: {basis})"),
    "cause.title": N_("One root cause of {count} findings: the {cause}"),
    "cause.merged": N_("{count} findings have one root cause: the {cause}. {message}"),
    "cause.affected": N_(
        "Affected: {rows} row(s) of the column, {confirmed} confirmed by reference data: {each}."
    ),
    "cause.member": N_("{title} ({status})"),
    "cause.also": N_("Also found by: {members}."),
    # implied_base
    "implied_base.reference_for": N_("reference for {period}"),
    "implied_base.from_reference": N_("from the reference for {period}: {value} / {factor}"),
    "implied_base.arithmetic": N_("{value} / {factor} = {base}"),
    "implied_base.title": N_("{measure}, {base_period}, implied by {period} growth"),
    "implied_base.hint": N_(" (reference periods: {periods})"),
    "implied_base.no_reference": N_(
        "{what}: the implied {base_period} base is {arithmetic}; the case has no reference for "
        "{base_period} to compare it with{hint}."
    ),
    "implied_base.reference": N_("{base} ({how}; {source})"),
    "implied_base.agrees": N_(
        "{what}: the implied {base_period} base {arithmetic} agrees with the reference, "
        "{reference}."
    ),
    "implied_base.slip": N_("off by a factor of {factor}, the same power of ten as a unit slip"),
    "implied_base.ratio": N_("a ratio of {ratio}"),
    "implied_base.disagrees": N_(
        "{what}: the implied {base_period} base is {arithmetic}, but the reference gives "
        "{reference}: {off}."
    ),
    "implied_base.why": N_(
        "rounding of value and growth carried into the base, and of the reference"
    ),
    "implied_base.real_line": N_(
        "{what}: {value} / {factor} = {base} ({base_period} in {period} prices)"
    ),
    "implied_base.real_title": N_("bases implied by growth at constant prices"),
    "implied_base.real": N_(
        "{count} growth rate(s) are real (at constant prices), so value / (1 + growth) is the "
        "prior period in this period's prices, not comparable with a nominal reference: {lines}."
    ),
    # agreement
    "agreement.title": N_("{name}: {what} stated {count} times"),
    "agreement.unread": N_(
        "{name} has {count} statements of {what}, but {unread} of them could not be read as "
        "figures from the document."
    ),
    "agreement.what": N_("{name} {what}"),
    "agreement.place": N_("'{text}' in {section}"),
    "agreement.place_document": N_("'{text}' in the document"),
    "agreement.values": N_("{values} {unit}"),
    "agreement.first": N_("{text} (first)"),
    "agreement.why": N_("rounding of both statements"),
    "agreement.agrees": N_("{what} is stated {count} times and agrees: {places}."),
    "agreement.disagrees": N_("{what} is stated {count} times and disagrees ({values}): {places}."),
    "agreement.source": N_(" ({source})"),
    "agreement.since": N_("in operation since {since}{source}"),
    "agreement.status_title": N_("{name}: status '{status}' against reference data"),
    "agreement.status_stated": N_("'{status}' (the report)"),
    "agreement.status_unknown": N_(
        "The status '{status}' is not one the check can place in a project's life cycle; "
        "reference data says {since}."
    ),
    "agreement.status_agrees": N_(
        "The report calls {name} '{status}'; reference data agrees: {since}."
    ),
    "agreement.status_after": N_(
        " The report's latest figure covers a period ending {latest}; the project entered "
        "operation after that, so the status may have been current when the report was "
        "written, but it is outdated now."
    ),
    "agreement.status_before": N_(
        " The report's latest figure covers a period ending {latest}; the project was already "
        "in operation by then, so the status was outdated when written."
    ),
    "agreement.status_outdated": N_(
        "Outdated: the report calls {name} '{status}', but it has been {since}.{when}"
    ),
    "agreement.status_reading": N_("update the status to 'in operation since {since}'"),
    # capacity_additions
    "capacity_additions.part": N_("{value} {part}"),
    "capacity_additions.parts": N_(" = {terms}"),
    "capacity_additions.how_installed": N_(
        "installed end-{last} ({end}) minus installed end-{before} ({start}{parts})"
    ),
    "capacity_additions.added_in": N_("{value} added in {year}"),
    "capacity_additions.undated_title": N_("{what} capacities against observed additions"),
    "capacity_additions.undated": N_(
        "No {what} states a time node, so the period the capacities fall in is unknown and they "
        "cannot be compared with observed additions."
    ),
    "capacity_additions.booked": N_(
        "{terms} = {total} {unit} over {span} (time nodes of the table)"
    ),
    "capacity_additions.title": N_(
        "{what} capacities booked for {span} against observed additions"
    ),
    "capacity_additions.no_reference": N_(
        "The {what} rows book {total} {unit} for {span}; the reference data gives no installed "
        "total at the end of {before} and {last}, nor additions for every year of {span} "
        "(reference dates: {dates})."
    ),
    "capacity_additions.observed": N_("{value} {unit}: {how} ({sources})"),
    "capacity_additions.of_which": N_("{value} {unit} added in {year} ({source})"),
    "capacity_additions.why": N_(
        "{share} of the observed additions: a bases table need not list every small project"
    ),
    "capacity_additions.quoted": N_("'{name}'"),
    "capacity_additions.missing": N_(" {count} row(s) state no capacity ({names})."),
    "capacity_additions.lower_bound": N_(
        "The {what} rows book {total} {unit} for {span}; reference data gives only a lower bound "
        "for the additions, {observed}, so whether the table books too much cannot be told."
        "{missing}"
    ),
    "capacity_additions.within": N_(
        "The {what} rows book {total} {unit} for {span}, within {share} of the observed "
        "additions, {observed}.{missing}"
    ),
    "capacity_additions.less": N_(
        "The {what} rows book {booked}, but reference data shows {observed} added in {span}: "
        "{gap} {unit} ({share}) less than was built. The table accounts for {accounted} of the "
        "observed additions.{missing}"
    ),
    "capacity_additions.less_at_least": N_(
        "The {what} rows book {booked}, but reference data shows {observed} added in {span}: "
        "at least {gap} {unit} (at least {share}) less than was built. The table accounts for "
        "{accounted} of the observed additions.{missing}"
    ),
    "capacity_additions.more": N_(
        "The {what} rows book {booked}, but reference data shows {observed} added in {span}: "
        "{gap} {unit} ({share}) more than was built. The table accounts for {accounted} of the "
        "observed additions.{missing}"
    ),
    "capacity_additions.of_which_all": N_(" Of the observed additions: {of_which}."),
    "capacity_additions.under_books": N_(
        " Adding the rows counts any overlap between them twice, so removing overlaps only "
        "widens the gap; a capacity path built from the table under-books the build of these "
        "years."
    ),
    "capacity_additions.over_books": N_(
        " The table books more than was added: some of its capacity was built before {first} "
        "or is still to come."
    ),
    "capacity_additions.reading_large": N_(
        "the table lists only the large bases of these years: as a capacity path it misses the "
        "rest of the build"
    ),
    "capacity_additions.reading_time": N_(
        "the table's capacities are not the additions of these years (built earlier, or still "
        "to be built): as a capacity path it misplaces them in time"
    ),
    # double_counting
    "double_counting.no_capacity": N_("no capacity stated"),
    "double_counting.listed_in": N_("capacities listed in '{section}'"),
    "double_counting.times": N_("{count}×{each}"),
    "double_counting.title": N_("{kind} capacities: can they be added?"),
    "double_counting.title_listed": N_("{kind}: can they be added?"),
    "double_counting.sum": N_("{sums} = {total}"),
    "double_counting.why": N_("overlap is a yes/no question"),
    "double_counting.none": N_("no overlap"),
    "double_counting.pass": N_(
        "No item of the {kind} list nests in another by name or location, and no unnamed group "
        "can include a named one: {sums} = {total} {unit}."
    ),
    "double_counting.nested": N_(
        "'{inner}' ({inner_capacity}) lies within '{outer}' ({outer_capacity}) by name"
    ),
    "double_counting.member": N_(
        "'{group}' ({count} × {each}) may include '{member}' ({capacity}, of that class)"
    ),
    "double_counting.unsized": N_("{names} state(s) no capacity, so no overlap can be excluded"),
    "double_counting.add_all": N_("add everything: {total} {unit} (counts overlaps twice)"),
    "double_counting.leave_nested": N_("leave out the nested bases: {total} {unit}"),
    "double_counting.disjoint": N_("assume every possible overlap is real: {total} {unit}"),
    "double_counting.once": N_("each capacity once: between {low} and {high} {unit}"),
    "double_counting.fail": N_(
        "The {kind} list may count capacity twice: {overlaps}. A demand model must choose an "
        "aggregation explicitly."
    ),
    # additivity
    "additivity.title": N_("{total} ({period}) = sum of {component} by part"),
    "additivity.no_period": N_(
        "The {component} figures state no period, so they cannot be compared with any {total}."
    ),
    "additivity.missing": N_(
        "Only {stated} of {parts} parts are stated for {period} (missing: {missing}); the sum "
        "cannot be checked."
    ),
    "additivity.stated_for": N_(" ({total} is stated for: {periods})"),
    "additivity.no_total": N_(
        "No {total} is stated for {period}{hint}; parts are never checked against the total of "
        "another period."
    ),
    "additivity.sum": N_("{terms} = {sum}"),
    "additivity.stated_as": N_("{total} (stated as {stated})"),
    "additivity.adds_up": N_(
        "The {count} parts add up to the stated {total} of {period}: {sum}, against {against}."
    ),
    "additivity.does_not_add_up": N_(
        "The {count} parts add up to {sum}, but the {total} of {period} is {against}: a "
        "difference of {diff}, more than rounding allows."
    ),
    "additivity.production_approach": N_(
        "GDP by the production approach is the value added of the three industries"
    ),
    "additivity.why": N_("rounding of {count} figures, half the last digit each; {why}"),
    "additivity.no_whole_title": N_("{name}: {attribute} of its parts"),
    "additivity.no_whole": N_(
        "The parts of {name} state {attribute}, but nothing in the case says how many {name} "
        "received in total; the parts cannot be checked."
    ),
    "additivity.counts_title": N_("{part} of {parts} parts against the {total} {whole} given"),
    "additivity.at_most": N_("at most {total} {whole}"),
    "additivity.exact": N_("counts are exact"),
    "additivity.counts_pass": N_(
        "The {part} of {names} add up to {sum} ({terms}), not more than the {total} {whole} of "
        "{name}."
    ),
    "additivity.overlapping": N_(
        "overlapping grants: the same {whole} were given to several parts, so {sum} counts "
        "grants, not distinct {whole}; nothing is wrong"
    ),
    "additivity.disagree": N_(
        "the figures disagree: {total} and {terms} cannot both be complete counts of the same thing"
    ),
    "additivity.counts_fail": N_(
        "Not additive: the {part} of {names} add up to {sum} ({terms}), more than the {total} "
        "{whole} of {name}, so they cannot be read as a split of the {total}. Two readings: the "
        "same {whole} were granted to several parts (no error), or the figures disagree (an "
        "error); the document does not say which."
    ),
    # relative
    "relative.quality": N_(" Reference {note}."),
    "relative.quality_verify": N_(
        "quality 'verify': found only in secondary data or news; confirm before showing it as fact"
    ),
    "relative.quality_weak": N_("quality 'weak': a rough public figure"),
    "relative.quality_rough": N_("quality 'rough': an order of magnitude only"),
    "relative.growth_of": N_("{measure} growth"),
    "relative.gap_title": N_("{what} ({period}): implied national average against reference"),
    "relative.gap_alone": N_(
        "The gap of {gap} pp is stated, but no {what} of the region for {period} to subtract it "
        "from."
    ),
    "relative.minus": N_("{growth} − {gap} = {implied} %"),
    "relative.plus": N_("{growth} + {gap} = {implied} %"),
    "relative.no_national": N_(
        "The report implies a national {what} of {arithmetic} for {period}, but the case has no "
        "national reference for that period."
    ),
    "relative.percent_source": N_("{value} % ({source})"),
    "relative.gap_agrees": N_(
        "Implied national {what} for {period}: {arithmetic}; the reference gives {ref}. They agree."
    ),
    "relative.gap_wrong": N_(
        "Implied national {what} for {period}: {arithmetic}, but the reference gives {ref}: the "
        "gap or the growth rate is wrong by {off} pp."
    ),
    "relative.gap_why": N_("rounding of three figures, half the last digit each"),
    "relative.percent": N_("{value} %"),
    "relative.share_title": N_("{part} ({period}): {claim} of {whole}"),
    "relative.no_part": N_(
        "The share of {part} in {whole} is stated, but not the value of {part} for {period}."
    ),
    "relative.whole_reference": N_("reference: {source}"),
    "relative.whole_stated": N_("stated in the document"),
    "relative.no_whole": N_(
        "No {whole} for {period} in the reference data or the document; the share of {part} "
        "cannot be checked."
    ),
    "relative.share_why": N_("rounding of part and whole carried into the ratio"),
    "relative.share_why_approximate": N_(
        "rounding of part and whole carried into the ratio, plus ±{pp} pp for a share stated "
        "approximately"
    ),
    "relative.share_arithmetic": N_("{part} / {whole} {unit} = {ratio} %"),
    "relative.share_holds": N_(
        "{part} ({period}): {arithmetic} of {whole} ({source}), so '{phrase}' holds: {margin} pp "
        "from {stated} %."
    ),
    "relative.share_barely": N_(
        "{part} ({period}): {arithmetic} of {whole} ({source}), so '{phrase}' holds (barely): "
        "{margin} pp from {stated} %."
    ),
    "relative.share_wrong": N_(
        "{part} ({period}): {arithmetic} of {whole} ({source}), which is not '{phrase}' "
        "({claim}): off by {margin} pp."
    ),
    # shares
    "shares.apart": N_(
        " Not added to the shares of the other dimensions ({others}): categories of different "
        "dimensions overlap."
    ),
    "shares.pass": N_(
        "Shares within the {name} dimension ({period}) add up to {total} %, not more than 100 % "
        "({listing}).{apart}"
    ),
    "shares.fail": N_(
        "Shares within the {name} dimension ({period}) add up to {total} %, more than 100 % "
        "({listing}): categories of one dimension cannot cover more than the whole.{apart}"
    ),
    "shares.title": N_("shares within the {name} dimension ({period})"),
    "shares.at_most": N_("at most 100 %"),
    "shares.sum": N_("{terms} = {total} %"),
    "shares.why": N_("rounding, half the last digit each"),
    "shares.item": N_("{name} {value} %"),
    "shares.loose_title": N_("shares without a dimension"),
    "shares.loose": N_(
        "{count} share(s) have no dimension in the case ({listing}); they are added to nothing. "
        "Give each category its dimension to check them."
    ),
    # undated figures (the periods rule)
    "undated.all_title": N_("every amount and rate states its period"),
    "undated.all": N_(
        "Every amount over time and every rate in the case states its period, so each comparison "
        "can test that periods match."
    ),
    "undated.item": N_("{name}: {texts}"),
    "undated.title": N_("undated figures in '{section}'"),
    "undated.some": N_(
        "{count} figure(s) in '{section}' state no period ({listing}). They are compared only "
        "with each other, never with dated figures or reference data."
    ),
    # weighted_growth
    "weighted_growth.title": N_("{total} growth ({period}) against its parts' weighted growth"),
    "weighted_growth.value_of": N_("{part} value"),
    "weighted_growth.no_period": N_("the parts' growth rates state no period"),
    "weighted_growth.missing": N_("missing for {period}: {missing}"),
    "weighted_growth.cannot": N_("The weighted growth cannot be computed: {why}."),
    "weighted_growth.term": N_("{weight}×{growth}"),
    "weighted_growth.arithmetic": N_("{terms} = {weighted} %"),
    "weighted_growth.agrees": N_(
        "The parts' growth, weighted by their prior-period values, gives {weighted} % against the "
        "stated {stated} for {period} (difference {diff} pp, within rounding and chain-linking)."
    ),
    "weighted_growth.disagrees": N_(
        "The parts' growth, weighted by their prior-period values, gives {weighted} %, but the "
        "total is stated as {stated} for {period}: {diff} pp, more than rounding and "
        "chain-linking explain."
    ),
    "weighted_growth.stated": N_("{stated} (stated)"),
    "weighted_growth.why": N_(
        "{rounding} pp rounding of the rates + {allowance} pp because chain-linked real growth is "
        "not exactly additive"
    ),
    # the runner
    "runner.cannot_run_title": N_("{rule}: cannot run"),
    "runner.cannot_run": N_("The rule could not use the case data: {error}"),
    "runner.nothing_title": N_("{rule}: nothing to check"),
    "runner.nothing": N_("The case holds nothing this rule applies to; it needs {needs}."),
}
