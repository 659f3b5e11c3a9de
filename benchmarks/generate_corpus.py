"""Write a deterministic corpus of journey maps for the lint benchmark.

200 journeys of 4 phases x 25 touchpoints (about 8 MB) and one catalog, made from fixed
text with a seeded random generator, so every run measures the same input.

    python benchmarks/generate_corpus.py [--maps 200] [--touchpoints 100] [--out benchmarks/corpus]
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

CHANNELS = [
    "email",
    "in-app",
    "video-call",
    "meeting",
    "phone",
    "webinar",
    "portal",
    "chat",
    "community",
    "knowledge-base",
    "event",
]
OWNERS = ["csm", "onboarding", "support", "digital-cs", "renewals", "solutions-architect"]
PERSONAS = ["champion", "exec-sponsor", "admin", "end-user"]
STAGES = ["land", "adopt", "expand", "renew"]
VERBS = ["Review", "Agree", "Launch", "Check", "Plan", "Train", "Measure", "Celebrate", "Escalate", "Confirm"]
NOUNS = [
    "success plan",
    "rollout",
    "first outcome",
    "adoption goals",
    "usage report",
    "renewal terms",
    "executive summary",
    "training path",
    "health score",
    "integration",
]


def catalog() -> str:
    owners = "".join(
        f"  - id: {o}\n    name: {o.replace('-', ' ').title()}\n    team: Customer Success\n"
        f"    contact: {o}@example.com\n"
        for o in OWNERS
    )
    personas = "".join(
        f"  - id: {p}\n    name: {p.replace('-', ' ').title()}\n    role: {p.title()} role\n"
        f"    goals: [Reach value quickly]\n    pain_points: [Too little time]\n"
        for p in PERSONAS
    )
    return f"journeyctl: 1\nkind: catalog\nowners:\n{owners}personas:\n{personas}"


def journey(number: int, touchpoints: int, rng: random.Random) -> str:
    per_phase = touchpoints // len(STAGES)
    out = [
        f"# Generated benchmark map {number}\n",
        "journeyctl: 1\nkind: journey\n",
        f"id: bench-{number:04d}\ntitle: Benchmark journey {number}\n",
        "summary: From signed contract to renewal for a generated segment.\n",
        f"segment: segment-{number % 7}\nengagement: hybrid\nstatus: active\nowner: csm\n",
        "review:\n  last_reviewed: 2026-10-01\n  every_days: 90\nphases:\n",
    ]
    for stage in STAGES:
        out.append(
            f"  - id: {stage}\n    name: {stage.title()}\n    stage: {stage}\n"
            f"    customer_goal: Your team reaches the {stage} goals.\n"
            f"    objective: Move the account through {stage}.\n"
            f"    entry_criteria: [Previous phase done]\n    exit_criteria: [{stage.title()} goals met]\n"
            '    metrics:\n      - name: Time to value\n        target: "< 30 days"\n'
            "        source: product telemetry\n    touchpoints:\n"
        )
        for index in range(per_phase):
            verb, noun = rng.choice(VERBS), rng.choice(NOUNS)
            mtm = index % 10 == 0
            personas = ", ".join(PERSONAS if index == 0 else rng.sample(PERSONAS, 2))
            out.append(
                f"      - id: {stage}-{index:03d}\n"
                f"        name: {verb} the {noun}\n"
                f"        customer_view: You {verb.lower()} the {noun} with your team in a short session.\n"
                f"        channel: {rng.choice(CHANNELS)}\n"
                f"        mode: {rng.choice(['human', 'digital'])}\n"
                f"        owner: {rng.choice(OWNERS)}\n"
                f"        personas: [{personas}]\n"
                f"        timing: Week {index + 1}\n"
                f"        emotion: {rng.randint(-2, 2)}\n"
                f"        moment_that_matters: {'true' if mtm else 'false'}\n"
                f"        pain_points: [The {noun} is late]\n"
                "        playbooks:\n"
                f"          - title: {verb} playbook\n"
                f"            url: https://wiki.example.com/cs/{stage}/{index}\n"
                f"            trigger: The {noun} slips by a week\n"
            )
    return "".join(out)


def generate(out: Path, maps: int = 200, touchpoints: int = 100, seed: int = 7) -> int:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(seed)
    (out / "catalog.yaml").write_text(catalog())
    for number in range(maps):
        (out / f"bench-{number:04d}.yaml").write_text(journey(number, touchpoints, rng))
    return sum(path.stat().st_size for path in out.iterdir())


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maps", type=int, default=200)
    parser.add_argument("--touchpoints", type=int, default=100)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "corpus")
    arguments = parser.parse_args()
    size = generate(arguments.out, arguments.maps, arguments.touchpoints)
    print(
        f"wrote {arguments.maps} maps of {arguments.touchpoints} touchpoints, {size / 1e6:.1f} MB, to {arguments.out}"
    )
