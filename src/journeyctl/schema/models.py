"""Pydantic models of the map format, version 1 (docs/format.md).

Every field carries a description: it feeds the JSON Schema (editor hovers) and the docs.
Every field declares its audience with a marker of schema/audience.py (`customer_facing`,
`internal`, `decides_visibility`) in place of pydantic's `Field`: the diff classification,
the customer-text lint and the schema's "(customer-facing)" wording are derived from it.
The schema asks only for what the spec requires; lint rules ask for what makes a map good.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Literal
from urllib.parse import urlsplit

from annotated_types import Interval
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Strict,
    StrictBool,
    StrictFloat,
    StrictInt,
    Tag,
    ValidationInfo,
    WithJsonSchema,
    create_model,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from journeyctl.schema.audience import Visibility, customer_facing, decides_visibility, internal
from journeyctl.schema.channels import DEFAULT_CHANNELS
from journeyctl.schema.defaults import empty_dict, empty_list

ID_PATTERN = r"^[a-z0-9-]+$"
# Ids become file names (render), anchors and keys in every output: 64 characters fit them all.
MAX_ID_LENGTH = 64


class Engagement(str, Enum):
    human = "human"
    digital = "digital"
    hybrid = "hybrid"


class Status(str, Enum):
    draft = "draft"
    active = "active"
    retired = "retired"


class Stage(str, Enum):
    land = "land"
    adopt = "adopt"
    expand = "expand"
    renew = "renew"


class Mode(str, Enum):
    human = "human"
    digital = "digital"


class _Model(BaseModel):
    # A target of .nan means nothing. defer_build: the validators are built when the first map is
    # validated, as one for each kind, not one per model at import (docs/development.md, "Speed").
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, defer_build=True)


Text = Annotated[str, Field(min_length=1)]
Id = Annotated[str, Field(min_length=1, max_length=MAX_ID_LENGTH)]
TextList = Annotated[list[str], Field(default_factory=empty_list)]

# The editor reads a map as JSON data (its schema: schema/json_schema.py), where a date is text
# and 1.0 is the integer 1. Lint reads the same values the same way where the meaning is plain.
# A calendar date, by pattern alone: yaml-language-server checks `format: date` by its shape only,
# so 2026-02-30 would be clean in the editor and JC012 in lint. Year 0000 is no date in Python.
_DAY_OF_ANY_YEAR = (
    r"(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8])"
)
_LEAP_YEAR = r"[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00"
ISO_DATE_PATTERN = rf"^(?!0000)(?:[0-9]{{4}}-(?:{_DAY_OF_ANY_YEAR})|(?:{_LEAP_YEAR})-02-29)$"
ISO_DATE_MESSAGE = "a calendar date such as 2026-09-15"


def _date_from_iso_text(value):
    """`"2026-09-15"` (quoted) is the date it names; other text stays text and fails as one."""
    if isinstance(value, str) and re.fullmatch(ISO_DATE_PATTERN, value):
        return date.fromisoformat(value)
    return value


def _int_from_whole_float(value):
    """1.0 is the whole number 1 (as in JSON Schema); 1.5 stays a float and fails as one."""
    if type(value) is float and value.is_integer():
        return int(value)
    return value


# Strict: a number is not read as a timestamp, nor `true` or "5" as a number.
# patternErrorMessage: what yaml-language-server says instead of quoting the pattern.
IsoDate = Annotated[
    date,
    BeforeValidator(_date_from_iso_text),
    Field(strict=True, json_schema_extra={"pattern": ISO_DATE_PATTERN, "patternErrorMessage": ISO_DATE_MESSAGE}),
]
WholeNumber = Annotated[int, Strict(), BeforeValidator(_int_from_whole_float)]
# Bounds written before the validator: pydantic then puts them in the JSON Schema (minimum, maximum).
Emotion = Annotated[int, Strict(), Interval(ge=-2, le=2), BeforeValidator(_int_from_whole_float)]
# Per persona (docs/format.md, "Emotion per persona"): persona id -> emotion. The tag picks the one
# form a value has, so a wrong value gets that form's message alone; tag names are not ids
# (capitals), so they never stand in a problem's path.
PersonaId = Annotated[str, Field(min_length=1, max_length=MAX_ID_LENGTH, pattern=ID_PATTERN)]
EmotionByPersona = Annotated[
    dict[PersonaId, Emotion],
    Field(min_length=1),
    WithJsonSchema(
        {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": ID_PATTERN, "maxLength": MAX_ID_LENGTH},
            "additionalProperties": {"type": "integer", "minimum": -2, "maximum": 2},
        }
    ),
]
EMOTION_FORMS = ("Score", "ByPersona")  # the union's tags; loading/validate.py leaves them out of paths


def _emotion_form(value) -> str:
    return EMOTION_FORMS[1] if isinstance(value, dict) else EMOTION_FORMS[0]


EmotionValue = Annotated[
    Annotated[Emotion, Tag(EMOTION_FORMS[0])] | Annotated[EmotionByPersona, Tag(EMOTION_FORMS[1])],
    Discriminator(_emotion_form),
]


# The day axis of `when` (docs/format.md, "When a touchpoint happens"): day 0 is the day the
# contract is signed; ten years bound every day, so a typo cannot make a timeline of millions.
MAX_DAY = 3660
DEFAULT_TERM_DAYS = 365
Day = Annotated[int, Strict(), Interval(ge=0, le=MAX_DAY), BeforeValidator(_int_from_whole_float)]
Days = Annotated[int, Strict(), Interval(ge=1, le=MAX_DAY), BeforeValidator(_int_from_whole_float)]


class _WhenFields(_Model):
    """When something happens, in days after the journey starts: one day, a window, a recurrence
    or a number of days before renewal. Which keys go together is lint's (JC230), so a map in
    progress still validates."""

    day: Day | None = customer_facing(
        None, description="The day it happens: days after the journey starts (day 0 = contract signed).", examples=[5]
    )

    @property
    def start(self) -> int | None:
        """The `from` key, which Python cannot spell as an attribute."""
        value: int | None = getattr(self, "from")
        return value


# `from` is a Python keyword, so the fields after `day` are declared with create_model, in the
# spec's order (fmt writes keys in field order). mypy reads the class below instead.
_LATER_FIELDS = {
    "from": (
        Day | None,
        customer_facing(None, description="The first day of a window or of a recurrence.", examples=[0]),
    ),
    "to": (
        Day | None,
        customer_facing(None, description="The last day of a window or of a recurrence.", examples=[14]),
    ),
    "every": (
        Days | None,
        customer_facing(
            None,
            description="Recurring every this many days, from `from` (default 0) to `to` (default the term).",
            examples=[90],
        ),
    ),
    "before_renewal": (
        Day | None,
        customer_facing(
            None, description="Days before the renewal date (the end of the journey's `term_days`).", examples=[120]
        ),
    ),
}
if TYPE_CHECKING:

    class When(_WhenFields):
        to: int | None
        every: int | None
        before_renewal: int | None

else:
    When = create_model("When", __base__=_WhenFields, __doc__=_WhenFields.__doc__, __module__=__name__, **_LATER_FIELDS)


class Owner(_Model):
    """A team or role on the supplier side that owns touchpoints or maps."""

    id: Id = internal(
        description="Identifier that touchpoints and maps use in `owner`. At most 64 characters.", examples=["csm"]
    )
    name: Text = customer_facing(
        description="The role as the customer may see it.", examples=["Customer Success Manager"]
    )
    team: str | None = internal(None, description="The team this role belongs to.", examples=["Customer Success"])
    contact: str | None = internal(
        None,
        description="How the team reaches this owner, e.g. a mailing list.",
        examples=["cs-team@example.com"],
    )


class Persona(_Model):
    """A person on the customer side."""

    id: Id = internal(
        description="Identifier that touchpoints use in `personas`. At most 64 characters.", examples=["champion"]
    )
    name: Text = customer_facing(description="A short human name for the persona.", examples=["Dana, the champion"])
    role: str | None = customer_facing(
        None, description="Their job on the customer side.", examples=["Operations lead"]
    )
    goals: TextList = internal(
        description="What this persona wants to achieve.",
        examples=[["Roll the product out to her team within a quarter"]],
    )
    pain_points: TextList = internal(
        description="What gets in this persona's way.", examples=[["Too many tools already"]]
    )
    quote: str | None = internal(
        None,
        description="A line in the persona's own words.",
        examples=["I need this to work without a consultant."],
    )


class Review(_Model):
    """When the map was last reviewed and how often it must be reviewed (internal)."""

    last_reviewed: IsoDate = internal(
        description="ISO date of the last review, e.g. 2026-09-15.", examples=["2026-09-15"]
    )
    every_days: WholeNumber = internal(ge=1, le=3660, description="Review-and-refresh cadence in days.", examples=[90])

    @model_validator(mode="after")
    def _due_date_exists(self) -> Review:
        if self.last_reviewed > date.max - timedelta(days=self.every_days):
            raise PydanticCustomError(
                "review_after_9999",
                "the next review ({days} days after {last}) would fall after the year 9999",
                {"days": self.every_days, "last": str(self.last_reviewed)},
            )
        return self


class Aggregate(Enum):  # not a str: `count` would shadow str.count
    """How per-account rows of one period combine into the metric's value (docs/measure.md)."""

    mean = "mean"
    median = "median"
    p90 = "p90"
    sum = "sum"
    count = "count"
    share = "share"  # the percentage of rows whose value is 1 or true


Number = StrictInt | StrictFloat


class Goal(_Model):
    """The machine-checked form of a metric's target: `journeyctl measure` compares actuals to it."""

    min: Number | None = customer_facing(
        None, description="Met when the value is at least this. Give `min` or `max`, not both.", examples=[70]
    )
    max: Number | None = customer_facing(
        None, description="Met when the value is at most this. Give `min` or `max`, not both.", examples=[45]
    )
    at_risk: Number | None = customer_facing(
        None,
        description="The edge of the at-risk band beyond the goal: with `max: 45, at_risk: 55`, a value "
        "over 45 up to 55 is at risk and over 55 missed.",
        examples=[55],
    )
    unit: str | None = customer_facing(None, description="Shown beside the numbers.", examples=["days"])
    aggregate: Aggregate = customer_facing(
        Aggregate.mean,
        description="How per-account rows of a period combine: mean (default), median, p90, sum, count, "
        "or share (the percentage of rows whose value is 1 or true).",
        examples=["median"],
    )

    @model_validator(mode="after")
    def _one_bound(self) -> Goal:
        if (self.min is None) == (self.max is None):
            raise PydanticCustomError(
                "goal_bound", "a goal needs exactly one of `min` (met at or above) and `max` (met at or below)"
            )
        return self

    @property
    def bound(self) -> float:
        return float(self.max if self.max is not None else self.min)  # type: ignore[arg-type]

    @property
    def lower_is_better(self) -> bool:
        return self.max is not None


class Metric(_Model):
    """A measure that shows whether the customer reaches value in a phase or a touchpoint."""

    id: Id | None = internal(
        None,
        pattern=ID_PATTERN,
        description="Joins actuals to this metric (`journeyctl measure`); unique within the map, [a-z0-9-]+.",
        examples=["time-to-first-value"],
    )
    # customer-facing when the metric is shown, i.e. has `visibility: customer`
    name: Text = customer_facing(description="What is measured.", examples=["Time to first value"])
    target: str | StrictInt | StrictFloat | None = customer_facing(
        None, description="The target value, as display text.", examples=["< 30 days"]
    )
    goal: Goal | None = customer_facing(
        None,
        description="The machine-checked form of the target: exactly one of `min`/`max`, an optional "
        "`at_risk` band, a `unit` and how per-account rows `aggregate`.",
        examples=[{"max": 45, "at_risk": 55, "unit": "days", "aggregate": "median"}],
    )
    source: str | None = customer_facing(
        None, description="Where the number comes from.", examples=["product telemetry"]
    )
    visibility: Visibility = decides_visibility(
        Visibility.internal,
        description="`customer` to show the metric in customer-facing renders; internal by default.",
        examples=["customer"],
    )


class Playbook(_Model):
    """An if/then play for the team: what to do when the trigger happens (internal)."""

    title: Text = internal(description="The playbook's title.", examples=["Kickoff playbook"])
    url: Text = internal(
        description="Where the playbook lives, an absolute http(s) URL.",
        examples=["https://wiki.example.com/cs/kickoff"],
    )
    trigger: str | None = internal(
        None, description="The condition that starts the play (the 'if').", examples=["Champion misses the kickoff"]
    )

    @property
    def link(self) -> str | None:
        """The address to link to: `url` trimmed, if it is an absolute http(s) URL with a host and no
        white space; else None (a relative path, `javascript:`, `https://` alone). JC210 reports a
        playbook without one, and renders show its url as text: one definition for both."""
        address = self.url.strip()
        if any(character.isspace() for character in address):
            return None
        try:
            parts = urlsplit(address)
            host = parts.hostname
        except ValueError:  # e.g. an invalid IPv6 host
            return None
        return address if parts.scheme in ("http", "https") and host else None


class Touchpoint(_Model):
    """A moment where the supplier engages the customer: who, when, how, through which channel."""

    id: Id = internal(description="Identifier, unique within the map. At most 64 characters.", examples=["kickoff"])
    name: Text = customer_facing(description="Short name.", examples=["Kickoff call"])
    customer_view: str | None = customer_facing(
        None,
        description="What the customer experiences, in their words.",
        examples=["A one-hour call to agree goals and the rollout plan."],
    )
    description: str | None = internal(
        None, description="What the team does.", examples=["CSM runs the kickoff deck; sales hands over notes."]
    )
    # References: the customer reads the channel, the owner's name and the personas' names and roles.
    channel: Text = customer_facing(
        reference=True,
        description="How the customer is reached: one of the channels (a repository may add its own).",
        examples=["video-call"],
    )
    mode: Mode | None = customer_facing(None, description="`human` or `digital`.", examples=["human"])
    owner: Text = customer_facing(
        reference=True,
        description="Owner id accountable for this touchpoint; customers see the owner's name.",
        examples=["csm"],
    )
    personas: TextList = customer_facing(
        reference=True,
        description="Persona ids of the customer-side people involved; customers see their names and roles.",
        examples=[["champion", "exec-sponsor"]],
    )
    timing: str | None = customer_facing(None, description="When it happens.", examples=["Week 1"])
    when: When | None = customer_facing(
        None,
        description="When it happens, in days on the journey's day axis: one of `day`, `from`/`to`, `every` "
        '(optionally with `from`/`to`) or `before_renewal` (docs/format.md, "When a touchpoint happens").',
        examples=[{"day": 5}, {"from": 14, "to": 42}, {"every": 90, "from": 90}, {"before_renewal": 120}],
    )
    emotion: EmotionValue | None = internal(
        None,
        description=(
            "How the customer feels: -2 (very negative) to 2 (very positive); or per persona, a mapping "
            "of persona ids of this touchpoint to their emotion."
        ),
        examples=[1, {"champion": 1, "admin": -1}],
    )
    moment_that_matters: StrictBool = internal(
        False,
        description="A moment that decides whether the customer stays; needs an owner and a playbook.",
        examples=[True],
    )
    pain_points: TextList = internal(
        description="What goes wrong here.", examples=[["Sales promises are not written down"]]
    )
    opportunities: TextList = internal(
        description="What could be better.", examples=[["Share the handover notes with the customer"]]
    )
    playbooks: list[Playbook] = internal(
        default_factory=empty_list,
        description="If/then plays for the team.",
        examples=[[{"title": "Kickoff playbook", "url": "https://wiki.example.com/cs/kickoff"}]],
    )
    backstage: TextList = internal(
        description="Internal actions the customer does not see.", examples=[["Sales-to-CS handover note"]]
    )
    notes: str | None = internal(
        None, description="Free notes for the team.", examples=["Legal review sometimes delays this."]
    )
    metrics: list[Metric] = customer_facing(
        default_factory=empty_list,
        description="Measures of this one engagement.",
        examples=[[{"id": "kickoff-on-time", "name": "Kickoff within 10 business days", "goal": {"min": 90}}]],
    )
    visibility: Visibility = decides_visibility(
        Visibility.customer,
        description="`internal` hides the touchpoint from customer-facing renders.",
        examples=["internal"],
    )

    @field_validator("channel")
    @classmethod
    def _known_channel(cls, value: str, info: ValidationInfo) -> str:
        channels = (info.context or {}).get("channels", DEFAULT_CHANNELS)
        if value not in channels:
            raise PydanticCustomError(
                "unknown_channel",
                "unknown channel {value!r}",
                {"value": value, "expected": tuple(channels)},
            )
        return value


class Phase(_Model):
    """A stage of the journey, e.g. Land, Adopt, Expand, Renew."""

    id: Id = internal(description="Identifier, unique within the map. At most 64 characters.", examples=["land"])
    name: Text = customer_facing(description="Name shown to readers.", examples=["Land"])
    stage: Stage | None = internal(None, description="The LAER stage this phase belongs to.", examples=["land"])
    visibility: Visibility = decides_visibility(
        Visibility.customer,
        description="`internal` hides the phase from customer-facing renders.",
        examples=["internal"],
    )
    when: When | None = internal(
        None,
        description="The phase's expected window on the day axis, `from` and `to`: its touchpoints' `when` "
        "should fall inside it.",
        examples=[{"from": 0, "to": 45}],
    )
    customer_goal: str | None = customer_facing(
        None,
        description="What the customer achieves in this phase.",
        examples=["Your team is set up and knows its first outcome."],
    )
    objective: str | None = internal(
        None, description="What the team aims for in this phase.", examples=["Contract signed, success plan agreed."]
    )
    entry_criteria: TextList = customer_facing(
        description="What must be true to enter the phase.", examples=[["Contract signed"]]
    )
    exit_criteria: TextList = customer_facing(
        description="What must be true to move to the next phase.", examples=[["Success plan agreed with the champion"]]
    )
    metrics: list[Metric] = customer_facing(
        default_factory=empty_list,
        description="Measures of value in this phase.",
        examples=[[{"name": "Time to first value", "target": "< 30 days"}]],
    )
    touchpoints: list[Touchpoint] = customer_facing(
        default_factory=empty_list,
        description="Touchpoints of this phase, in order.",
        examples=[[{"id": "kickoff", "name": "Kickoff call", "channel": "video-call", "owner": "csm"}]],
    )


class _File(_Model):
    journeyctl: Literal[1] = internal(
        description="Format version of the file: `1`, written as the plain number.", examples=[1]
    )


class Catalog(_File):
    """Shared owners and personas that several maps refer to by id."""

    kind: Literal["catalog"] = internal(description="`catalog` for shared definitions.", examples=["catalog"])
    # customers read their names beside the touchpoints that refer to them
    owners: list[Owner] = customer_facing(
        default_factory=empty_list,
        description="Teams or roles on the supplier side.",
        examples=[[{"id": "csm", "name": "Customer Success Manager"}]],
    )
    personas: list[Persona] = customer_facing(
        default_factory=empty_list,
        description="People on the customer side.",
        examples=[[{"id": "champion", "name": "Dana, the champion"}]],
    )


class Journey(_File):
    """One customer journey map."""

    kind: Literal["journey"] = internal(description="`journey` for a journey map.", examples=["journey"])
    # Internal as a text; it names the customer's rendered files, which docs/format.md says apart.
    id: Id = internal(
        pattern=ID_PATTERN,
        description="Identifier, unique in the repository: lowercase letters, digits and dashes, at most 64 characters.",
        examples=["enterprise-laer"],
    )
    title: Text = customer_facing(description="Title of the map.", examples=["Enterprise customer journey"])
    summary: str | None = customer_facing(
        None,
        description="One or two sentences on what the map covers.",
        examples=["From signed contract to renewal for enterprise accounts."],
    )
    segment: str | None = customer_facing(
        None, description="The customer segment this map serves.", examples=["enterprise"]
    )
    engagement: Engagement | None = internal(
        None, description="`human`, `digital` or `hybrid` engagement model.", examples=["hybrid"]
    )
    # Internal; customers see only a DRAFT mark while it is `draft` (diff/classify.py, render/view.py).
    status: Status | None = internal(None, description="`draft`, `active` or `retired`.", examples=["active"])
    owner: str | None = internal(None, description="Owner id accountable for this map.", examples=["cs-ops"])
    review: Review | None = internal(
        None, description="Review-and-refresh cadence.", examples=[{"last_reviewed": "2026-09-15", "every_days": 90}]
    )
    term_days: Days = internal(
        DEFAULT_TERM_DAYS,
        description="The contract term in days: the renewal date that `before_renewal` counts back from.",
        examples=[365],
    )
    # customers read an owner's name beside the touchpoints it runs, a persona's in the map's list
    owners: list[Owner] = customer_facing(
        default_factory=empty_list,
        description="Owners defined in this map only.",
        examples=[[{"id": "csm", "name": "Customer Success Manager"}]],
    )
    personas: list[Persona] = customer_facing(
        default_factory=empty_list,
        description="Personas defined in this map only.",
        examples=[[{"id": "champion", "name": "Dana, the champion"}]],
    )
    phases: list[Phase] = customer_facing(
        default_factory=empty_list,
        description="The phases of the journey, in order.",
        examples=[[{"id": "land", "name": "Land", "stage": "land"}]],
    )

    def touchpoints(self):
        """Every touchpoint with its phase, in map order."""
        for phase in self.phases:
            for touchpoint in phase.touchpoints:
                yield phase, touchpoint


class Contact(_Model):
    """The person at the supplier who fills one role for this account (docs/format.md, accounts)."""

    name: Text = customer_facing(description="The person's name.", examples=["Priya Raman"])
    email: str | None = customer_facing(
        None, description="How the customer reaches them.", examples=["priya.raman@example.com"]
    )


class AccountPerson(_Model):
    """One of the customer's own people, in the place of a persona."""

    name: Text = customer_facing(description="The person's name.", examples=["Jordan Lee"])


class Account(_File):
    """One customer following a journey: what the standard map leaves open for them
    (docs/format.md, "Personalising a customer map for one account")."""

    kind: Literal["account"] = internal(description="`account` for one customer's account.", examples=["account"])
    id: Id = internal(
        pattern=ID_PATTERN,
        description="Identifier of the account: lowercase letters, digits and dashes, at most 64 characters.",
        examples=["acme"],
    )
    name: Text = customer_facing(
        description='The customer\'s name: "Prepared for Acme Corporation".', examples=["Acme Corporation"]
    )
    journey: Id = internal(description="The id of the journey this account follows.", examples=["enterprise-laer"])
    # customers read the calendar dates made from it
    start: IsoDate = customer_facing(
        description="Day 0 of the journey for this account: the days of `when` become calendar dates from it.",
        examples=["2027-01-15"],
    )
    contacts: dict[Id, Contact] = customer_facing(
        default_factory=empty_dict,
        description="Owner id -> the person who fills that role for this account.",
        examples=[{"csm": {"name": "Priya Raman", "email": "priya.raman@example.com"}}],
    )
    personas: dict[Id, AccountPerson] = customer_facing(
        default_factory=empty_dict,
        description="Persona id -> the customer's own person in that place.",
        examples=[{"champion": {"name": "Jordan Lee"}}],
    )
    notes: str | None = internal(
        None, description="Free notes for the team about this account.", examples=["Signed after a 3-month pilot."]
    )
