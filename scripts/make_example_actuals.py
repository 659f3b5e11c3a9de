"""examples/actuals.csv: a small per-account export for the example maps (six months, eight
accounts), with values near each goal so that the scorecard shows every status. Seeded."""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from journeyctl.loading import load_workspace  # noqa: E402 (found through the sys.path line above)
from journeyctl.schema.metrics import every_metric  # noqa: E402

PERIODS = ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]


def main() -> None:
    rng = random.Random(7)
    rows = ["metric,map,period,account,value"]
    for item in load_workspace([str(ROOT / "maps")]).journeys:
        for _, _, _, metric in every_metric(item.model):
            goal = metric.goal
            if not (metric.id and goal) or rng.random() < 0.12:
                continue  # some metrics are not exported yet: no-data
            level = rng.choice([0.8, 0.92, 1.05, 1.15])  # how well this metric does, against its goal
            better = level if goal.min is not None else 2 - level
            for month, period in enumerate(PERIODS):
                trend = 1 + (month - 5) * rng.uniform(-0.02, 0.03)
                for account in range(1, 9):
                    if goal.aggregate.value == "share":
                        value = "true" if rng.random() < min(1.0, goal.bound / 100 * better * trend) else "false"
                    else:
                        value = f"{goal.bound * better * trend * rng.uniform(0.85, 1.15):.1f}"
                    rows.append(f"{metric.id},{item.model.id},{period},acct-{account:03d},{value}")
    (ROOT / "examples" / "actuals.csv").write_text("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
