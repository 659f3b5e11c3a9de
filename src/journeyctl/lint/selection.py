"""Which rules run on which file, at which severity: `select`, `ignore`, `severity` and `overrides`.

A selector is a rule code (JC203), a rule name (missing-customer-view) or a code prefix (JC2).

Some errors are always on and always errors, whatever the configuration or a suppression
comment says: the loader's (a file that cannot be read, parsed or validated: rules cannot check
it, so turning them off would let a broken map pass) and the integrity of ids across files (an
unknown or a duplicate id: render and diff rely on every id resolving to one thing).
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path

from journeyctl.config import Config
from journeyctl.lint.registry import RULES, RULES_BY_NAME
from journeyctl.problems import Severity, UsageError, did_you_mean

ALWAYS_ON = frozenset(
    code for code, rule in RULES.items() if rule.scope in ("loader", "references") and rule.severity is Severity.ERROR
)


def matches(selector: str, code: str) -> bool:
    selector_upper = selector.upper()
    return (
        code == selector_upper
        or RULES[code].name == selector.lower()
        or (selector_upper.startswith("JC") and code.startswith(selector_upper))
    )


def expand(selector: str, where: str) -> frozenset[str]:
    """The codes a selector names; an unknown selector is a configuration error."""
    codes = frozenset(code for code in RULES if matches(selector, code))
    if not codes:
        hint = did_you_mean(selector, [*RULES_BY_NAME, *RULES])
        raise UsageError(f"unknown rule {selector!r} in {where}{hint}; `journeyctl rules` lists them")
    return codes


@dataclass(frozen=True)
class Policy:
    """The rules enabled for one file and their severities."""

    enabled: frozenset[str]
    severities: dict[str, Severity]

    def severity(self, code: str) -> Severity:
        return (code not in ALWAYS_ON and self.severities.get(code)) or RULES[code].severity


@dataclass(frozen=True)
class _Layer:
    globs: tuple[str, ...]  # empty: every file
    select: frozenset[str] | None
    ignore: frozenset[str]
    severities: dict[str, Severity]


class RuleSelection:
    """Resolves the configuration (and --select/--ignore) to a Policy per file."""

    def __init__(self, config: Config, extra_select: list[str] | None = None, extra_ignore: list[str] | None = None):
        self.base_dir = config.base_dir

        def codes(selectors, where, *, turns_off: bool = False):
            """The codes the selectors name. A selector that turns off (ignores or re-grades) exactly
            one always-on code is refused; a prefix such as JC0 just leaves them on."""
            found: set[str] = set()
            for selector in selectors or ():
                named = expand(selector, where)
                if turns_off and len(named) == 1 and named <= ALWAYS_ON:
                    why = (
                        "render and diff rely on every id resolving"
                        if RULES[min(named)].scope == "references"
                        else "a file with this problem cannot be checked at all"
                    )
                    raise UsageError(f"{selector!r} in {where}: {min(named)} cannot be ignored or re-graded; {why}")
                found |= named
            return frozenset(found)

        def severities(mapping, where):
            codes(list(mapping), where, turns_off=True)
            return {code: severity for key, severity in mapping.items() for code in expand(key, where)}

        select = extra_select if extra_select else config.select
        self.layers = [
            _Layer(
                (),
                codes(select, "select") if select is not None else None,
                codes(list(config.ignore) + list(extra_ignore or []), "ignore", turns_off=True),
                severities(config.severity, "severity"),
            )
        ]
        for number, override in enumerate(config.overrides, 1):
            where = f"overrides[{number}]"
            self.layers.append(
                _Layer(
                    tuple(override.files),
                    codes(override.select, where) if override.select is not None else None,
                    codes(override.ignore, where, turns_off=True),
                    severities(override.severity, where),
                )
            )
        self._cache: dict[str, Policy] = {}

    def policy(self, path: str) -> Policy:
        cached = self._cache.get(path)
        if cached is None:
            cached = self._cache[path] = self._resolve(path)
        return cached

    def _resolve(self, path: str) -> Policy:
        relative = Path(os.path.relpath(os.path.abspath(path), self.base_dir)).as_posix()
        enabled = set(RULES)
        severities: dict[str, Severity] = {}
        for layer in self.layers:
            if layer.globs and not any(fnmatch.fnmatch(relative, glob) for glob in layer.globs):
                continue
            if layer.select is not None:
                enabled = set(layer.select)
            enabled -= layer.ignore
            severities.update(layer.severities)
        return Policy(frozenset(enabled | ALWAYS_ON), severities)
