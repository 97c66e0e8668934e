"""The settings of a build in a reader's words, for the report's cover and colophon and the
dashboard's footer.

`Settings.describe` writes the settings for commands and results.json (ids, English, one
form whatever the reader's language); a reader sees the scenario and every fixed parameter
by its label, with its value and unit, in the active language. The ids stay with the
commands in the report's appendix.
"""

from __future__ import annotations

from typing import Any

from pestle.present import format as fmt
from pestle.present.i18n import gettext as _
from pestle.present.i18n import pick


def describe(results: Any) -> str:
    """One line: the scenario, seed, sample counts and the parameters fixed for this build."""
    s = results.settings
    parts = [
        _("scenario {scenario}").format(scenario=scenario_label(results, results.scenario)),
        _("seed {seed}").format(seed=s.seed),
        _("{samples} Monte Carlo samples").format(samples=fmt.count(s.samples)),
        _("Sobol' N={samples}").format(samples=fmt.count(s.sobol_samples))
        if s.sobol_samples
        else _("no Sobol' indices"),
        _("{draws} stability draws at ±{spread}").format(
            draws=fmt.count(s.draws), spread=fmt.share(s.spread, 0)
        ),
    ]
    fixed = fixed_parameters(results)
    if fixed:
        parts.append(_("fixed: {parameters}").format(parameters=_("; ").join(fixed)))
    return _(", ").join(parts)


def fixed_parameters(results: Any) -> list[str]:
    """Each parameter fixed for this build as "label = value unit" (an id the case does not
    know, from an older build, stays as written)."""
    params = results.case.parameters
    out = []
    for name, value in results.settings.overrides:
        if name in params:
            p = params[name]
            shown = fmt.parameter_value(p.fixed_at(value))
            out.append(f"{pick(p.label or p.name)} = {shown}")
        else:
            out.append(f"{name} = {value}")
    return out


def scenario_label(results: Any, name: str | None) -> str:
    """The scenario's label in the reader's language, else its name."""
    for s in results.case.scenarios:
        if s.name == name:
            return pick(s.label or s.name)
    return name or _("first scenario")


__all__ = ["describe", "fixed_parameters", "scenario_label"]
