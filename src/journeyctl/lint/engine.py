"""The lint run: every file read, validated and checked (in parallel for large inputs), then the
checks that need every file, then policy, suppressions and baseline.

The per-file stage is a plain function of (path, settings) so it can run in a worker process;
only problems and a small index of ids come back from it, never the node tree.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from journeyctl.config import Config
from journeyctl.lint import suppressions
from journeyctl.lint.registry import RULES
from journeyctl.lint.rule import MapContext, RuleSettings, WorkspaceContext
from journeyctl.lint.rules.jc006_skipped_file import CHECK as SKIPPED_FILE
from journeyctl.lint.selection import RuleSelection
from journeyctl.loading import discover_with_catalogs, load_file
from journeyctl.loading.references import FileIndex, index_file, resolve
from journeyctl.problems import Problem
from journeyctl.timeline import Contact, located_contacts

# Below this much input, starting worker processes costs more than it saves.
PARALLEL_MIN_BYTES = 1_500_000
PARALLEL_MIN_FILES = 4
_MAP_RULES = [rule for rule in RULES.values() if rule.scope == "map"]
_WORKSPACE_RULES = [rule for rule in RULES.values() if rule.scope == "workspace"]


@dataclass(frozen=True)
class LintSettings:
    config: Config
    selection: RuleSelection
    rule_settings: RuleSettings


@dataclass
class FileOutcome:
    path: str
    problems: list[Problem]
    index: FileIndex | None
    directives: list = field(default_factory=list)
    context_only: bool = False  # a catalog from the configuration, loaded for its ids only
    contacts: list[Contact] = field(default_factory=list)  # for the cadence rules (JC235, JC236)


@dataclass
class LintResult:
    problems: list[Problem]
    files: int
    seconds: float
    checked: list[str] = field(default_factory=list)  # the files named or found, as given


def make_settings(config: Config, today: date | None = None, select=None, ignore=None) -> LintSettings:
    rule_settings = RuleSettings(
        today=today or date.today(),
        deny_words=tuple(config.deny_words),
        internal_hosts=tuple(config.internal_hosts),
        cadence=config.cadence.thresholds(),
    )
    return LintSettings(config, RuleSelection(config, select, ignore), rule_settings)


def lint_file(path: str, named_directly: bool, settings: LintSettings) -> FileOutcome:
    """Everything that one file needs: load it, run the map rules enabled for it, read its suppressions."""
    config = settings.config
    map_file, problems = load_file(path, named_directly, channels=config.all_channels, max_bytes=config.max_file_bytes)
    if map_file is None:
        return FileOutcome(path, problems, None)
    enabled = settings.selection.policy(path).enabled
    context = MapContext(map_file, settings.rule_settings)
    for rule in _MAP_RULES:
        if rule.code in enabled and map_file.kind in rule.kinds:
            problems.extend(rule.check(context))
    contacts = located_contacts(map_file) if map_file.kind == "journey" else []
    directives = suppressions.parse_directives(map_file.source)
    return FileOutcome(path, problems, index_file(map_file), directives, contacts=contacts)


_worker_settings: LintSettings  # set in each worker process by _init_worker


def _init_worker(settings: LintSettings) -> None:
    global _worker_settings
    _worker_settings = settings


def _lint_in_worker(task: tuple[str, bool]) -> FileOutcome:
    with paused_gc():
        return lint_file(task[0], task[1], _worker_settings)


@contextlib.contextmanager
def paused_gc():
    """Parsing allocates a node per YAML value and keeps none in cycles, so reference counting
    frees it all; the cyclic collector would only rescan the growing heap, which measured as
    about 45% of a large lint."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _lint_files(tasks: list[tuple[str, bool]], settings: LintSettings, jobs: int | None) -> list[FileOutcome]:
    cores = os.cpu_count() or 1
    # More workers than cores only costs memory (and --jobs 5000 would start 5000 processes).
    workers = min(jobs if jobs is not None else cores, cores, len(tasks))
    large = len(tasks) >= PARALLEL_MIN_FILES and sum(_size(path) for path, _ in tasks) >= PARALLEL_MIN_BYTES
    if workers <= 1 or (jobs is None and not large):
        with paused_gc():
            return [lint_file(path, named, settings) for path, named in tasks]
    import multiprocessing  # here, not at the top: a run that is not split never pays for it
    from concurrent.futures import ProcessPoolExecutor

    # fork: the workers start with every module already imported, in milliseconds
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context(method), initializer=_init_worker, initargs=(settings,)
    ) as pool:
        chunk = max(1, len(tasks) // (workers * 4))
        return list(pool.map(_lint_in_worker, tasks, chunksize=chunk))


def run_lint(
    paths: Sequence[str], settings: LintSettings, *, baseline: str | Path | None = None, jobs: int | None = None
) -> LintResult:
    started = time.perf_counter()
    tasks, catalogs = discover_with_catalogs(paths, settings.config.catalog_paths)
    context_tasks = [(path, True) for path in catalogs]
    outcomes = _lint_files(tasks + context_tasks, settings, jobs)
    for outcome in outcomes[len(tasks) :]:
        outcome.context_only = True

    indexes = [outcome.index for outcome in outcomes if outcome.index is not None]
    reference_problems, uses = resolve(indexes)
    every_map_read = all(
        outcome.index is not None or all(p.code == SKIPPED_FILE.code for p in outcome.problems) for outcome in outcomes
    )
    contacts = [contact for outcome in outcomes for contact in outcome.contacts]
    workspace = WorkspaceContext(indexes, uses, every_map_read, contacts, settings.rule_settings.cadence)
    workspace_problems = reference_problems + [
        problem for rule in _WORKSPACE_RULES for problem in rule.check(workspace)
    ]
    by_path: dict[str, list[Problem]] = {outcome.path: list(outcome.problems) for outcome in outcomes}
    for problem in workspace_problems:
        by_path.setdefault(problem.path, []).append(problem)

    problems: list[Problem] = []
    for outcome in outcomes:
        if outcome.context_only:
            continue
        policy = settings.selection.policy(outcome.path)
        found = [problem for problem in by_path[outcome.path] if problem.code in policy.enabled]
        found = suppressions.apply(found, outcome.directives, outcome.path)
        for problem in found:
            if problem.code not in policy.enabled:
                continue
            severity = policy.severity(problem.code)
            problems.append(problem if severity is problem.severity else _with_severity(problem, severity))
    if baseline is not None:
        from journeyctl.lint.baseline import apply_baseline  # only runs with a baseline read it (and json)

        problems = apply_baseline(problems, baseline, settings.config.source)
    problems.sort(key=lambda problem: problem.sort_key())
    return LintResult(problems, len(tasks), time.perf_counter() - started, [path for path, _ in tasks])


def _with_severity(problem: Problem, severity) -> Problem:
    return dataclasses.replace(problem, severity=severity)
