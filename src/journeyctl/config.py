"""Configuration: `.journeyctl.yaml` or `[tool.journeyctl]` in pyproject.toml.

Found in the working directory or its parents, up to the repository root; `--config FILE`
and the JOURNEYCTL_CONFIG variable win. Paths in it are relative to the file. A wrong key or
value is a usage error (exit 2) that names the key and its line.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, ValidationInfo, field_validator

from journeyctl.loading.source import DEFAULT_MAX_BYTES, Source, parse, read_text
from journeyctl.problems import Problem, Severity, UsageError, did_you_mean
from journeyctl.schema.channels import DEFAULT_CHANNELS
from journeyctl.schema.defaults import empty_dict, empty_list
from journeyctl.timeline import Thresholds

CONFIG_FILE = ".journeyctl.yaml"
ENVIRONMENT_VARIABLE = "JOURNEYCTL_CONFIG"
DEFAULT_DENY_WORDS = ("internal", "confidential", "do not share")


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Override(_Section):
    """Rule settings for the files that match one of `files` (globs, relative to the config file)."""

    files: list[str] = Field(min_length=1, description="Glob patterns, e.g. `maps/drafts/*.yaml`.")
    select: list[str] | None = Field(None, description="Rules to run: codes, names or code prefixes.")
    ignore: list[str] = Field(default_factory=empty_list, description="Rules not to run: codes, names or prefixes.")
    severity: dict[str, Severity] = Field(default_factory=empty_dict, description="Rule code or name -> severity.")


class Branding(_Section):
    """How customer-facing documents look."""

    company: str | None = Field(None, description="Your company's name, shown in the PDF header.")
    logo: Path | None = Field(None, description="Logo image (PNG, JPEG or SVG) for the PDF and HTML header.")
    accent_color: str = Field("#2f5d9f", pattern=r"^#[0-9a-fA-F]{6}$", description="Accent colour as #rrggbb.")
    page_size: Literal["A4", "Letter"] = Field("A4", description="PDF page size.")


DEFAULT_RENAME_THRESHOLD = 0.6


class DiffSettings(_Section):
    rename_threshold: float = Field(
        DEFAULT_RENAME_THRESHOLD,
        ge=0,
        le=1,
        description="How similar (0-1) a touchpoint must stay to count as renamed, not removed and added.",
    )


class SheetSettings(_Section):
    columns: dict[str, str] = Field(
        default_factory=empty_dict,
        description="Headers of your spreadsheets -> the column they mean, for "
        "`journeyctl import`, e.g. `{Kanal: Channel}` (docs/sheets.md).",
    )

    @field_validator("columns")
    @classmethod
    def _names(cls, columns: dict[str, str]) -> dict[str, str]:
        for header, column in columns.items():
            if not header.strip() or not column.strip():
                raise ValueError("a header and the column it means may not be empty")
        return columns


_CADENCE = Thresholds()


class CadenceSettings(_Section):
    """Thresholds of the cadence rules (JC235 crowded-contact, JC236 persona-silence)."""

    crowded_touchpoints: int = Field(
        _CADENCE.crowded_touchpoints,
        ge=2,
        le=1000,
        description="Crowded contact: this many touchpoint occurrences or more reach one persona ...",
    )
    crowded_days: int = Field(
        _CADENCE.crowded_days, ge=1, le=3660, description="... within this many days, from two owners or more."
    )
    silence_days: int = Field(
        _CADENCE.silence_days, ge=1, le=3660, description="Silence: a persona hears nothing for more days than this."
    )

    across: Literal["run", "map"] = Field(
        _CADENCE.across,
        description="`run`: a persona's contacts across every map of the run (one account lives them all); "
        "`map`: one map at a time, when the maps are different customers' journeys.",
    )

    def thresholds(self) -> Thresholds:
        return Thresholds(self.crowded_touchpoints, self.crowded_days, self.silence_days, self.across)


ACTUALS_COLUMNS = ("metric", "map", "period", "value", "account", "segment")  # docs/measure.md
DEFAULT_ACTUALS_MAX_BYTES = 2 * 2**30


class ActualsSettings(_Section):
    columns: dict[str, str] = Field(
        default_factory=empty_dict,
        description="Column of actuals -> the header your export gives it, for `journeyctl measure`, "
        "e.g. `{metric: kpi_name, value: kpi_value}` (docs/measure.md).",
    )
    max_bytes: int = Field(
        DEFAULT_ACTUALS_MAX_BYTES, ge=1, le=2**40, description="Refuse actuals files larger than this."
    )

    @field_validator("columns")
    @classmethod
    def _known(cls, columns: dict[str, str]) -> dict[str, str]:
        for column, header in columns.items():
            if column not in ACTUALS_COLUMNS:
                raise ValueError(
                    f"unknown actuals column {column!r}{did_you_mean(column, ACTUALS_COLUMNS)}; "
                    f"the columns are {', '.join(ACTUALS_COLUMNS)}"
                )
            if not header.strip():
                raise ValueError(f"the header of actuals column {column!r} may not be empty")
        return columns


class Config(_Section):
    """Everything `.journeyctl.yaml` may set; every key is optional."""

    select: list[str] | None = Field(None, description="Rules to run: codes, names or code prefixes (default: all).")
    ignore: list[str] = Field(default_factory=empty_list, description="Rules not to run: codes, names or prefixes.")
    severity: dict[str, Severity] = Field(
        default_factory=empty_dict, description="Rule code or name -> error|warning|info."
    )
    channels: list[str] = Field(
        default_factory=empty_list, description="Channels this repository adds to the built-in ones."
    )
    channel_labels: dict[str, str] = Field(
        default_factory=empty_dict,
        description="Channel id -> the label customers read, e.g. `{on-site: On-site visit}`; the built-in "
        "channels have labels already (docs/format.md, Channel labels).",
    )
    internal_hosts: list[str] = Field(
        default_factory=empty_list,
        description="Host names that must never appear in customer-facing text, e.g. wiki.example.com.",
    )
    deny_words: list[str] = Field(
        default_factory=lambda: list(DEFAULT_DENY_WORDS),
        description="Words that must never appear in customer-facing text.",
    )
    catalogs: list[Path] = Field(
        default_factory=empty_list,
        description="Catalog files or folders always loaded, e.g. when pre-commit names only some maps.",
    )
    maps: list[Path] | None = Field(
        None,
        description="The repository's map files or folders: what `journeyctl diff REV` compares when no path is "
        "given, and where the pre-commit hook finds the maps a staged catalog affects "
        "(default: the files git tracks that have a top-level `journeyctl:` key).",
    )
    max_file_bytes: int = Field(
        DEFAULT_MAX_BYTES, ge=1, le=2**30, description="Refuse map files larger than this (at most 1 GiB)."
    )
    overrides: list[Override] = Field(default_factory=empty_list, description="Rule settings by file glob.")
    templates: Path | None = Field(None, description="A folder of templates that override the built-in ones.")
    branding: Branding = Field(default_factory=Branding, description="Logo, accent colour and page size of renders.")
    diff: DiffSettings = Field(default_factory=DiffSettings, description="Settings of `journeyctl diff`.")
    sheets: SheetSettings = Field(default_factory=SheetSettings, description="Settings of `journeyctl import`.")
    cadence: CadenceSettings = Field(
        default_factory=CadenceSettings, description="Thresholds of the cadence rules JC235 and JC236."
    )
    actuals: ActualsSettings = Field(
        default_factory=ActualsSettings, description="How `journeyctl measure` reads actuals files."
    )

    # Where the configuration came from (None: defaults); paths above are relative to its folder.
    # Private, so that a `source:` key in the file is an unknown key like any other.
    _source: Path | None = PrivateAttr(None)

    @property
    def source(self) -> Path | None:
        return self._source

    @field_validator("channels")
    @classmethod
    def _channel_names(cls, channels: list[str]) -> list[str]:
        for channel in channels:
            if not channel or not all(c.islower() or c.isdigit() or c == "-" for c in channel):
                raise ValueError(f"channel {channel!r} may contain only lowercase letters, digits and dashes")
        return channels

    @field_validator("channel_labels")
    @classmethod
    def _labels_name_channels(cls, labels: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        known = list(dict.fromkeys((*DEFAULT_CHANNELS, *info.data.get("channels", ()))))
        for channel, label in labels.items():
            if channel not in known:
                raise ValueError(f"{channel!r} is not a channel{did_you_mean(channel, known)}")
            if not label.strip():
                raise ValueError(f"the label of {channel!r} is empty")
        return labels

    @property
    def all_channels(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*DEFAULT_CHANNELS, *self.channels)))

    @property
    def base_dir(self) -> Path:
        return self.source.parent if self.source else Path.cwd()

    def resolve(self, path: Path) -> Path:
        return path if path.is_absolute() else self.base_dir / path

    @property
    def catalog_paths(self) -> list[str]:
        """The `catalogs:` files and folders, as paths to read; a missing one is a configuration error."""
        return self._existing("catalogs", self.catalogs)

    @property
    def map_roots(self) -> list[str] | None:
        """The repository's maps as configured (`maps:`, with the `catalogs:`); None when `maps:` is not set."""
        if self.maps is None:
            return None
        return list(dict.fromkeys([*self._existing("maps", self.maps), *self.catalog_paths]))

    def _existing(self, key: str, configured: list[Path]) -> list[str]:
        paths = [self.resolve(path) for path in configured]
        for written, path in zip(configured, paths, strict=True):
            if not path.exists():
                raise UsageError(f"{self.source}: {key}: no such file or folder: {written} (looked for {path})")
        return [str(path) for path in paths]


def find_config_file(start: Path | None = None) -> Path | None:
    """The nearest `.journeyctl.yaml` or pyproject.toml with [tool.journeyctl], up to the repository root."""
    folder = (start or Path.cwd()).resolve()
    for candidate_folder in (folder, *folder.parents):
        try:
            yaml_file = candidate_folder / CONFIG_FILE
            if _is_entry(yaml_file):
                return _regular_file(yaml_file)
            pyproject = candidate_folder / "pyproject.toml"
            if _is_entry(pyproject) and _has_tool_section(_regular_file(pyproject)):
                return pyproject
            if (candidate_folder / ".git").exists():
                return None
        except OSError as error:  # a folder we may not look into could hold the configuration
            raise UsageError(
                f"cannot look for {CONFIG_FILE} in {candidate_folder}: {error.strerror or error} "
                "(name the configuration with --config)"
            ) from None
    return None


def _is_entry(path: Path) -> bool:
    """Whether the folder has an entry of this name, whatever it is (a dangling symlink included)."""
    try:
        path.lstat()
    except (FileNotFoundError, NotADirectoryError):
        return False
    return True


def _regular_file(path: Path) -> Path:
    """`path`, if it is a file that can be read; else a usage error.

    A configuration that is there but cannot be read is never skipped: skipping it would drop
    the deny words and internal hosts that guard customer-facing text, and the run would pass.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            raise UsageError(f"{path}: configuration is a symlink to a missing file ({os.readlink(path)})") from None
        raise UsageError(f"configuration file not found: {path}") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot read configuration: {error.strerror or error}") from None
    if not stat.S_ISREG(mode):
        kind = (
            "a folder"
            if stat.S_ISDIR(mode)
            else "a FIFO"
            if stat.S_ISFIFO(mode)
            else "a device"
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket"
        )
        raise UsageError(f"{path}: configuration cannot be read: it is {kind}, not a regular file")
    return path


def _has_tool_section(pyproject: Path) -> bool:
    import tomllib  # here, not at the top: most runs read .journeyctl.yaml, and tomllib costs a one-map lint 2%

    try:
        raw = pyproject.read_bytes()
    except OSError as error:
        raise UsageError(f"{pyproject}: cannot read configuration: {error.strerror or error}") from None
    try:
        tool = tomllib.loads(raw.decode("utf-8")).get("tool", {})
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        # A broken pyproject.toml that mentions journeyctl is ours to report, not to skip: skipping
        # it would drop the deny words and internal hosts that guard customer-facing text.
        return b"journeyctl" in raw
    return isinstance(tool, dict) and "journeyctl" in tool  # a mistyped [tool] is reported only if it names us


def load_config(explicit: str | Path | None = None) -> Config:
    """`explicit` (--config) wins, then $JOURNEYCTL_CONFIG, then the nearest config file; else defaults."""
    chosen = explicit or os.environ.get(ENVIRONMENT_VARIABLE)
    if chosen:
        path = _regular_file(Path(chosen))
    else:
        found = find_config_file()
        if found is None:
            return Config()
        path = found
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        return _from_pyproject(path)
    return _from_yaml(path)


def _from_yaml(path: Path) -> Config:
    text = read_text(str(path))
    if isinstance(text, Problem):
        raise UsageError(f"{path}: {text.message}")
    source = parse(str(path), text)
    if isinstance(source, Problem):
        raise UsageError(f"{path}:{source.line}:{source.column}: {source.message}")
    data = source.data if source.data is not None else {}
    if not isinstance(data, dict):
        raise UsageError(f"{path}:1:1: configuration must be a mapping of keys")
    return _validated(data, path, source)


def _from_pyproject(path: Path) -> Config:
    import tomllib

    try:
        document = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UsageError(f"{path}: cannot read configuration: {error}") from None
    tool = document.get("tool", {})
    section = tool.get("journeyctl", {}) if isinstance(tool, dict) else None
    if not isinstance(section, dict):
        raise UsageError(f"{path}: [tool.journeyctl] must be a table of keys")
    return _validated(section, path, None)


def _validated(data: dict, path: Path, source: Source | None) -> Config:
    from journeyctl.loading.locate import locate

    try:
        config = Config.model_validate(data)
        config._source = path.resolve()
        return config
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        loc = tuple(first["loc"])
        key = ".".join(str(step) for step in loc) or "(top level)"
        if source is not None:
            span = locate(source.root, loc, want_key=first["type"] == "extra_forbidden")
            where = f"{path}:{span.line}:{span.column}"
        else:
            where = f"{path} [tool.journeyctl]"
        if first["type"] == "extra_forbidden":
            hint = did_you_mean(
                str(loc[-1]),
                list(Config.model_fields)
                + list(Override.model_fields)
                + list(Branding.model_fields)
                + list(DiffSettings.model_fields)
                + list(SheetSettings.model_fields)
                + list(CadenceSettings.model_fields),
            )
            message = f"unknown configuration key {key!r}{hint}"
        else:
            message = f"invalid value for {key!r}: {first['msg']}"
        raise UsageError(f"{where}: {message}") from None
