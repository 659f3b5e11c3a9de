"""Audience filtering: a validated Journey -> a plain view model that templates receive.

This is the security boundary of docs/format.md ("What the customer sees").
Every field is copied by hand from an allow-list; nothing is copied wholesale and no view
object keeps a reference to a pydantic model. tests/render/test_view_fields.py holds the
allow-list to exactly the fields the models mark customer-facing (schema/audience.py). Internal data lives only in the `internal`
sub-objects, which stay None for the customer audience, so a customer template cannot
reach an internal field even by mistake: the data is not there.

Ids (of phases, touchpoints, owners, personas) are not customer-facing, so anchors in the
output are made from positions (`phase-2`, `tp-2-3`), never from ids. Positions are counted in
the whole map, so step 1.3 is step 1.3 in every audience: a step hidden from customers is simply
absent from their version, and "step 1.3" on a call means the same step to both sides.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from journeyctl.render.calendar import dates_text, long_date, touchpoint_days
from journeyctl.render.curve import EMOTION_LABELS, Curve, emotion_curve
from journeyctl.schema.channels import channel_label
from journeyctl.schema.models import (
    Account,
    Catalog,
    Journey,
    Metric,
    Owner,
    Persona,
    Phase,
    Playbook,
    Status,
    Touchpoint,
    Visibility,
)
from journeyctl.timeline import DEFAULT_THRESHOLDS, Thresholds
from journeyctl.timeline import label as when_label
from journeyctl.views.cadence import Chart, TooManyContacts, chart, timelines
from journeyctl.views.coverage import map_coverage
from journeyctl.wording import mid_sentence, quantity
from journeyctl.wording import number as number_text

# How a reader understands `mode`: the words, not the ids "human" and "digital".
MODE_WORDS = {"human": "with a person", "digital": "automated or self-service"}

Audience = Literal["internal", "customer"]
Actuals = Mapping[str, "ActualView"]  # metric id -> its latest value
AUDIENCES: tuple[Audience, ...] = ("internal", "customer")


# --- the view model ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OwnerInternal:
    team: str | None
    contact: str | None


@dataclass(frozen=True, slots=True)
class ContactView:
    """An account's person in one role: "Your Customer Success Manager: Priya Raman"."""

    in_role: str  # the owner's name
    name: str
    email: str | None


@dataclass(frozen=True, slots=True)
class OwnerView:
    name: str
    contact: ContactView | None  # the account's person in this role (render --account)
    internal: OwnerInternal | None


@dataclass(frozen=True, slots=True)
class PersonaInternal:
    goals: tuple[str, ...]
    pain_points: tuple[str, ...]
    quote: str | None


@dataclass(frozen=True, slots=True)
class PersonaView:
    name: str
    role: str | None
    person: str | None  # the account's own person in this place (render --account)
    internal: PersonaInternal | None

    @property
    def label(self) -> str:
        """The persona as a reader of this map knows it: "Dana, the champion (Jordan Lee)"."""
        return f"{self.name} ({self.person})" if self.person else self.name


@dataclass(frozen=True, slots=True)
class AccountPersonView:
    persona: str  # the persona's name
    name: str


@dataclass(frozen=True, slots=True)
class AccountView:
    """The account a customer map is prepared for; its notes and id are internal and not here."""

    name: str
    start: str  # day 0, as a date the reader reads
    contacts: tuple[ContactView, ...]  # in the order of the journey's owners that have one
    personas: tuple[AccountPersonView, ...]


@dataclass(frozen=True, slots=True)
class MetricInternal:
    shared_with_customer: bool


@dataclass(frozen=True, slots=True)
class GoalView:
    min: float | None
    max: float | None
    at_risk: float | None
    unit: str | None
    aggregate: str

    @property
    def text(self) -> str:
        """`<= 45 days`, `>= 70 %`: the goal as a reader writes it."""
        sign, bound = ("<=", self.max) if self.max is not None else (">=", self.min)
        return f"{sign} {quantity(bound, self.unit)}"


@dataclass(frozen=True, slots=True)
class ActualView:
    """The latest measured value of a metric (render --actuals): one number per period, never
    per account, so the customer part of the view holds nothing an account could be read from."""

    period: str
    value: float
    status: str  # met | at-risk | missed
    trend: tuple[float, ...]  # the last periods' values, oldest first
    unit: str | None

    @property
    def text(self) -> str:
        return quantity(self.value, self.unit)

    @property
    def trend_text(self) -> str:
        return " → ".join(number_text(value) for value in self.trend)

    @property
    def trend_points(self) -> str:
        """The trend line's points for an SVG polyline: numbers only (journeyctl/trendline.py)."""
        from journeyctl.trendline import polyline_points

        return polyline_points(self.trend)


@dataclass(frozen=True, slots=True)
class MetricView:
    name: str
    target: str | None
    source: str | None
    goal: GoalView | None
    actual: ActualView | None  # from --actuals, for the metrics this audience sees
    internal: MetricInternal | None


@dataclass(frozen=True, slots=True)
class PlaybookView:
    title: str
    url: str
    # Only http(s) URLs become links; anything else (javascript:, data:) is shown as text.
    link: str | None
    trigger: str | None


@dataclass(frozen=True, slots=True)
class Emotion:
    score: int  # -2 .. 2

    @property
    def label(self) -> str:
        return EMOTION_LABELS[self.score]

    @property
    def signed(self) -> str:
        return f"{self.score:+d}" if self.score else "0"

    @property
    def mermaid(self) -> int:
        """Mermaid's journey diagram scores 1 (worst) to 5 (best)."""
        return self.score + 3


@dataclass(frozen=True, slots=True)
class PersonaEmotion:
    """One persona's emotion at a touchpoint (`emotion: {champion: 1}`)."""

    persona: PersonaView
    emotion: Emotion


@dataclass(frozen=True, slots=True)
class TouchpointInternal:
    id: str
    description: str | None
    notes: str | None
    backstage: tuple[str, ...]
    playbooks: tuple[PlaybookView, ...]
    pain_points: tuple[str, ...]
    opportunities: tuple[str, ...]
    emotion: Emotion | None  # one number for everyone at the touchpoint
    persona_emotions: tuple[PersonaEmotion, ...]  # or one per persona, in the order of its personas
    moment_that_matters: bool
    internal_only: bool  # visibility: internal, hidden from customers


@dataclass(frozen=True, slots=True)
class TouchpointView:
    anchor: str
    number: str  # "2.3": phase 2, touchpoint 3 of the whole map, in every audience
    name: str
    customer_view: str | None
    channel: str  # the channel's label ("Video call"), never its id
    mode: str | None  # "with a person" / "automated or self-service" (MODE_WORDS)
    timing: str | None
    when: str | None  # `when` in words ("day 5", "days 14–42"), beside the timing text
    dates: str | None  # for an account: the calendar dates of its timing ("15 January to 28 January 2027")
    owner: OwnerView | None
    personas: tuple[PersonaView, ...]
    metrics: tuple[MetricView, ...]
    internal: TouchpointInternal | None


@dataclass(frozen=True, slots=True)
class PhaseInternal:
    id: str
    objective: str | None
    stage: str | None
    internal_only: bool
    window: str | None  # the phase's `when` window in words


@dataclass(frozen=True, slots=True)
class PhaseView:
    anchor: str
    number: int
    name: str
    customer_goal: str | None
    entry_criteria: tuple[str, ...]
    exit_criteria: tuple[str, ...]
    metrics: tuple[MetricView, ...]
    touchpoints: tuple[TouchpointView, ...]
    internal: PhaseInternal | None


@dataclass(frozen=True, slots=True)
class CoverageMatrix:
    """`journeyctl report coverage`'s persona x phase matrix of one map (views/coverage.py)."""

    phases: tuple[str, ...]  # phase names, in map order
    rows: tuple[tuple[str, tuple[int, ...]], ...]  # a persona's name and its count in each phase


@dataclass(frozen=True, slots=True)
class JourneyInternal:
    id: str
    owner: OwnerView | None
    status: str | None
    engagement: str | None
    last_reviewed: str | None
    review_every_days: int | None
    review_due: str | None
    curve: Curve
    moments_that_matter: int
    term_days: int
    coverage: CoverageMatrix
    cadence: Chart | None  # the contact timeline (views/cadence.py); None when no touchpoint has a `when`


@dataclass(frozen=True, slots=True)
class JourneyView:
    audience: Audience
    title: str
    summary: str | None
    segment: str | None
    draft: bool  # `status: draft`: every audience sees the mark, so a draft is never sent as final
    account: AccountView | None  # render --account: whom this map is prepared for
    phases: tuple[PhaseView, ...]
    personas: tuple[PersonaView, ...]
    internal: JourneyInternal | None

    @property
    def touchpoint_count(self) -> int:
        return sum(len(phase.touchpoints) for phase in self.phases)

    @property
    def steps(self) -> tuple[TouchpointView, ...]:
        """Every touchpoint shown, in map order."""
        return tuple(touchpoint for phase in self.phases for touchpoint in phase.touchpoints)


@dataclass(frozen=True, slots=True)
class People:
    """Owners and personas by id: the map's own, then the catalogs'."""

    owners: dict[str, Owner]
    personas: dict[str, Persona]

    @classmethod
    def for_journey(cls, journey: Journey, catalogs: Iterable[Catalog]) -> People:
        owners: dict[str, Owner] = {}
        personas: dict[str, Persona] = {}
        sources: list[Journey | Catalog] = [*catalogs, journey]
        for source in sources:
            owners.update((owner.id, owner) for owner in source.owners)
            personas.update((persona.id, persona) for persona in source.personas)
        return cls(owners, personas)


# --- building it ---------------------------------------------------------------------------


def build_view(
    journey: Journey,
    people: People,
    audience: Audience,
    cadence: Thresholds = DEFAULT_THRESHOLDS,
    actuals: Actuals | None = None,
    channel_labels: dict[str, str] | None = None,
    account: Account | None = None,
) -> JourneyView:
    """The view of `journey` for `audience`; `cadence` marks crowded and silent days in the internal
    contact timeline (the configuration's `cadence:`); `actuals`: the latest value of each of this
    map's metrics by metric id (render --actuals); `channel_labels`: the configuration's, over the
    built-in ones (schema/channels.py); `account`: the one customer the map is prepared for (its
    references checked by the loader)."""
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}")
    internal = audience == "internal"
    # The term is internal: customers read "120 days before renewal", the team also its day.
    term = journey.term_days if internal else None
    words = _Words(people, channel_labels or {}, account, journey.term_days)
    # Numbered over the whole map, so a step has one number in every audience.
    phases = tuple(
        _phase(phase, number, words, internal, term, actuals or {})
        for number, phase in enumerate(journey.phases, start=1)
        if internal or phase.visibility is Visibility.customer
    )
    return JourneyView(
        audience=audience,
        title=journey.title,
        summary=journey.summary,
        segment=journey.segment,
        draft=journey.status is Status.draft,
        account=_account(account, people) if account else None,
        phases=phases,
        personas=_personas_shown(journey, phases, internal, words),
        internal=_journey_internal(journey, phases, people, cadence) if internal else None,
    )


@dataclass(frozen=True, slots=True)
class _Words:
    """What a touchpoint's references read as: people by id, channels by label."""

    people: People
    channel_labels: dict[str, str]
    account: Account | None
    term_days: int  # the journey's term: an account's dates of `before_renewal`

    def contact(self, owner_id: str) -> ContactView | None:
        contact = self.account.contacts.get(owner_id) if self.account else None
        owner = self.people.owners.get(owner_id)
        return ContactView(owner.name, contact.name, contact.email) if contact and owner else None

    def person(self, persona_id: str) -> str | None:
        person = self.account.personas.get(persona_id) if self.account else None
        return person.name if person else None


def _phase(phase: Phase, number: int, words: _Words, internal: bool, term: int | None, actuals: Actuals) -> PhaseView:
    return PhaseView(
        anchor=f"phase-{number}",
        number=number,
        name=phase.name,
        customer_goal=phase.customer_goal,
        entry_criteria=tuple(phase.entry_criteria),
        exit_criteria=tuple(phase.exit_criteria),
        metrics=_metrics(phase.metrics, internal, actuals),
        touchpoints=tuple(
            _touchpoint(touchpoint, number, index, words, internal, term, actuals)
            for index, touchpoint in enumerate(phase.touchpoints, start=1)
            if internal or touchpoint.visibility is Visibility.customer
        ),
        internal=PhaseInternal(
            id=phase.id,
            objective=phase.objective,
            stage=phase.stage.value if phase.stage else None,
            internal_only=phase.visibility is Visibility.internal,
            window=when_label(phase.when) if phase.when is not None else None,
        )
        if internal
        else None,
    )


def _metrics(metrics: Iterable[Metric], internal: bool, actuals: Actuals) -> tuple[MetricView, ...]:
    return tuple(_metric(m, internal, actuals) for m in metrics if internal or m.visibility is Visibility.customer)


def _metric(metric: Metric, internal: bool, actuals: Actuals) -> MetricView:
    goal = metric.goal
    return MetricView(
        name=metric.name,
        target=None if metric.target is None else str(metric.target),
        source=metric.source,
        goal=GoalView(goal.min, goal.max, goal.at_risk, goal.unit, goal.aggregate.value) if goal else None,
        actual=actuals.get(metric.id) if metric.id else None,
        internal=MetricInternal(metric.visibility is Visibility.customer) if internal else None,
    )


def _touchpoint(
    touchpoint: Touchpoint,
    phase_number: int,
    index: int,
    words: _Words,
    internal: bool,
    term: int | None,
    actuals: Actuals,
) -> TouchpointView:
    people = words.people
    owner = people.owners.get(touchpoint.owner)
    return TouchpointView(
        anchor=f"tp-{phase_number}-{index}",
        number=f"{phase_number}.{index}",
        name=touchpoint.name,
        customer_view=touchpoint.customer_view,
        channel=channel_label(touchpoint.channel, words.channel_labels),
        mode=MODE_WORDS[touchpoint.mode.value] if touchpoint.mode else None,
        timing=touchpoint.timing,
        when=when_label(touchpoint.when, term) if touchpoint.when is not None else None,
        dates=_dates(touchpoint, words),
        owner=_owner(owner, internal, words.contact(touchpoint.owner)) if owner else None,
        personas=tuple(
            _persona(people.personas[pid], internal, words.person(pid))
            for pid in touchpoint.personas
            if pid in people.personas
        ),
        metrics=_metrics(touchpoint.metrics, internal, actuals),
        internal=TouchpointInternal(
            id=touchpoint.id,
            description=touchpoint.description,
            notes=touchpoint.notes,
            backstage=tuple(touchpoint.backstage),
            playbooks=tuple(_playbook(playbook) for playbook in touchpoint.playbooks),
            pain_points=tuple(touchpoint.pain_points),
            opportunities=tuple(touchpoint.opportunities),
            emotion=Emotion(touchpoint.emotion) if isinstance(touchpoint.emotion, int) else None,
            persona_emotions=_persona_emotions(touchpoint, people),
            moment_that_matters=touchpoint.moment_that_matters,
            internal_only=touchpoint.visibility is Visibility.internal,
        )
        if internal
        else None,
    )


def _persona_emotions(touchpoint: Touchpoint, people: People) -> tuple[PersonaEmotion, ...]:
    """Internal only (the caller builds it for the internal view); an id lint reports as unknown is left out."""
    if not isinstance(touchpoint.emotion, dict):
        return ()
    order = {pid: k for k, pid in enumerate(touchpoint.personas)}
    ids = sorted(touchpoint.emotion, key=lambda pid: order.get(pid, len(order)))
    return tuple(
        PersonaEmotion(_persona(people.personas[pid], True), Emotion(touchpoint.emotion[pid]))
        for pid in ids
        if pid in people.personas
    )


def _owner(owner: Owner, internal: bool, contact: ContactView | None = None) -> OwnerView:
    return OwnerView(
        name=owner.name, contact=contact, internal=OwnerInternal(owner.team, owner.contact) if internal else None
    )


def _persona(persona: Persona, internal: bool, person: str | None = None) -> PersonaView:
    return PersonaView(
        name=persona.name,
        role=persona.role,
        person=person,
        internal=PersonaInternal(tuple(persona.goals), tuple(persona.pain_points), persona.quote) if internal else None,
    )


def _dates(touchpoint: Touchpoint, words: _Words) -> str | None:
    account = words.account
    days = touchpoint_days(touchpoint, words.term_days) if account else None
    return dates_text(account.start, days) if account and days else None


def _account(account: Account, people: People) -> AccountView:
    contacts = [
        ContactView(people.owners[owner_id].name, contact.name, contact.email)
        for owner_id, contact in account.contacts.items()
        if owner_id in people.owners
    ]
    personas = [
        AccountPersonView(people.personas[persona_id].name, person.name)
        for persona_id, person in account.personas.items()
        if persona_id in people.personas
    ]
    return AccountView(account.name, long_date(account.start), tuple(contacts), tuple(personas))


def _playbook(playbook: Playbook) -> PlaybookView:
    trigger = mid_sentence(playbook.trigger) if playbook.trigger else playbook.trigger  # it follows "when"
    return PlaybookView(title=playbook.title, url=playbook.url, link=playbook.link, trigger=trigger)


def _personas_shown(
    journey: Journey, phases: tuple[PhaseView, ...], internal: bool, words: _Words
) -> tuple[PersonaView, ...]:
    """Internally the map's own personas, then those its touchpoints involve, each once; for
    customers only those their touchpoints involve.

    Built from the already filtered phases, so a persona (the map's own or a catalog's) that
    only internal touchpoints or phases involve is not shown to customers.
    """
    involved = [persona for phase in phases for touchpoint in phase.touchpoints for persona in touchpoint.personas]
    own = [_persona(persona, internal, words.person(persona.id)) for persona in journey.personas]
    if not internal:
        shown = set(involved)
        own = [persona for persona in own if persona in shown]
    return tuple(dict.fromkeys([*own, *involved]))


def _journey_internal(
    journey: Journey, phases: tuple[PhaseView, ...], people: People, cadence: Thresholds
) -> JourneyInternal:
    owner = people.owners.get(journey.owner) if journey.owner else None
    review = journey.review
    due: date | None = review.last_reviewed + timedelta(days=review.every_days) if review else None
    return JourneyInternal(
        id=journey.id,
        owner=_owner(owner, True) if owner else None,
        status=journey.status.value if journey.status else None,
        engagement=journey.engagement.value if journey.engagement else None,
        last_reviewed=review.last_reviewed.isoformat() if review else None,
        review_every_days=review.every_days if review else None,
        review_due=due.isoformat() if due else None,
        curve=emotion_curve(phases),
        moments_that_matter=sum(
            1 for phase in phases for tp in phase.touchpoints if tp.internal and tp.internal.moment_that_matters
        ),
        term_days=journey.term_days,
        coverage=_coverage(journey, people),
        cadence=_cadence(journey, people, cadence),
    )


def _names(people: People) -> dict[str, str]:
    return {pid: persona.name for pid, persona in people.personas.items()}


def _coverage(journey: Journey, people: People) -> CoverageMatrix:
    data = map_coverage(journey)
    names = _names(people)
    return CoverageMatrix(
        tuple(phase.name for phase in journey.phases),
        tuple((names.get(pid, pid), tuple(data["counts"][pid].values())) for pid in data["personas"]),
    )


def _cadence(journey: Journey, people: People, thresholds: Thresholds) -> Chart | None:
    # one map: its personas' lanes need no map name, whatever `across` says
    try:
        lines = timelines([journey], _names(people), dataclasses.replace(thresholds, across="run"))
    except TooManyContacts:  # the chart could not be drawn anyway (MAX_CHART_MARKS)
        return None
    return chart(lines, journey.term_days) if lines else None
