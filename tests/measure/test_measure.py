"""`journeyctl measure` on hand-made actuals where each status and each aggregate occurs; the
formats, --period, --fail-on, --accounts, standard input, the other file formats and the
column mapping of the configuration."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.measure.helpers import journeyctl

MAP = """\
journeyctl: 1
kind: journey
id: demo
title: Demo
segment: enterprise
owners:
  - id: csm
    name: Customer Success Manager
phases:
  - id: land
    name: Land
    exit_criteria: [Success plan agreed]
    metrics:
      - id: ttfv
        name: Time to first value
        goal: {max: 45, at_risk: 55, unit: days, aggregate: median}
        visibility: customer
      - id: adoption
        name: Adoption
        goal: {min: 70, at_risk: 60, unit: "%", aggregate: mean}
      - id: kickoff-on-time
        name: Kickoff on time
        goal: {min: 50, aggregate: share}
      - id: slow-tail
        name: Slowest accounts
        goal: {max: 100, aggregate: p90}
      - id: no-goal
        name: Just counted
      - id: no-data
        name: Never measured
        goal: {min: 1}
    touchpoints:
      - id: kickoff
        name: Kickoff call
        channel: video-call
        owner: csm
        metrics:
          - id: tickets
            name: Tickets
            goal: {max: 10, aggregate: sum}
          - id: accounts-live
            name: Accounts live
            goal: {min: 3, aggregate: count}
"""

ROWS = [
    # ttfv, median: 2026-09 = 40 (met), 2026-10 = median(50, 52, 70) = 52 (at risk)
    ("ttfv", "2026-09", "38", "a1"),
    ("ttfv", "2026-09", "42", "a2"),
    ("ttfv", "2026-10", "50", "a1"),
    ("ttfv", "2026-10", "52", "a2"),
    ("ttfv", "2026-10", "70", "a3"),
    # adoption, mean: (50 + 60 + 40) / 3 = 50, below at_risk 60: missed
    ("adoption", "2026-10", "50", "a1"),
    ("adoption", "2026-10", "60", "a2"),
    ("adoption", "2026-10", "40", "a3"),
    # share of booleans: 2 of 3 true = 66.67% >= 50: met
    ("kickoff-on-time", "2026-10", "true", "a1"),
    ("kickoff-on-time", "2026-10", "1", "a2"),
    ("kickoff-on-time", "2026-10", "FALSE", "a3"),
    # p90 of 10 values 10..100: 91 <= 100: met
    *[("slow-tail", "2026-10", str(10 * i), f"a{i}") for i in range(1, 11)],
    ("no-goal", "2026-10", "7", "a1"),
    # sum: 6 + 6 = 12 > 10, no band: missed
    ("tickets", "2026-10", "6", "a1"),
    ("tickets", "2026-10", "6", "a2"),
    # count of rows: 3 >= 3: met
    ("accounts-live", "2026-10", "1", "a1"),
    ("accounts-live", "2026-10", "1", "a2"),
    ("accounts-live", "2026-10", "1", "a3"),
]
EXPECTED = {
    "ttfv": ("at-risk", 52.0),
    "adoption": ("missed", 50.0),
    "kickoff-on-time": ("met", pytest.approx(200 / 3)),
    "slow-tail": ("met", pytest.approx(91.0)),
    "no-goal": ("no-goal", 7.0),
    "no-data": ("no-data", None),
    "tickets": ("missed", 12.0),
    "accounts-live": ("met", 3.0),
}


def _csv(rows, header=("metric", "period", "value", "account")) -> str:
    return "\n".join(",".join(row) for row in [header, *rows]) + "\n"


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / ".journeyctl.yaml").write_text("catalogs: []\n")
    (tmp_path / "demo.yaml").write_text(MAP)
    (tmp_path / "actuals.csv").write_text(_csv(ROWS))
    return tmp_path


def _results(done) -> dict:
    assert done.returncode == 0, done.stderr
    return {item["metric"]: item for item in json.loads(done.stdout)}


def test_every_status_and_every_aggregate(work):
    results = _results(journeyctl("measure", "demo.yaml", "--actuals", "actuals.csv", "-f", "json", cwd=work))
    assert {metric: (r["status"], r["value"]) for metric, r in results.items()} == EXPECTED
    ttfv = results["ttfv"]
    assert ttfv["period"] == "2026-10"
    assert ttfv["trend"] == [{"period": "2026-09", "value": 40.0}, {"period": "2026-10", "value": 52.0}]
    assert ttfv["goal"] == {"max": 45, "at_risk": 55, "unit": "days", "aggregate": "median"}
    assert results["tickets"]["touchpoint"] == "Kickoff call"
    assert "accounts" not in ttfv  # only with --accounts


def test_period_measures_as_of_an_earlier_period(work):
    results = _results(
        journeyctl("measure", "demo.yaml", "--actuals", "actuals.csv", "-f", "json", "--period", "2026-09", cwd=work)
    )
    assert (results["ttfv"]["status"], results["ttfv"]["value"]) == ("met", 40.0)
    assert results["adoption"]["status"] == "no-data"


def test_periods_of_every_shape_order_by_their_end(work):
    rows = [("ttfv", "2026-W40", "60", "a1"), ("ttfv", "2026-10-31", "44", "a1"), ("ttfv", "2026-Q3", "50", "a1")]
    (work / "actuals.csv").write_text(_csv(rows))
    results = _results(journeyctl("measure", "demo.yaml", "--actuals", "actuals.csv", "-f", "json", cwd=work))
    assert [t["period"] for t in results["ttfv"]["trend"]] == ["2026-Q3", "2026-W40", "2026-10-31"]
    assert results["ttfv"]["status"] == "met"


def test_trend_keeps_the_last_six_periods(work):
    rows = [("ttfv", f"2026-{month:02d}", str(month), "a1") for month in range(1, 13)]
    (work / "actuals.csv").write_text(_csv(rows))
    results = _results(journeyctl("measure", "demo.yaml", "--actuals", "actuals.csv", "-f", "json", cwd=work))
    assert [t["value"] for t in results["ttfv"]["trend"]] == [7, 8, 9, 10, 11, 12]


@pytest.mark.parametrize(("fail_on", "status"), [("missed", 1), ("at-risk", 1)])
def test_fail_on(work, fail_on, status):
    done = journeyctl("measure", "demo.yaml", "--actuals", "actuals.csv", "--fail-on", fail_on, cwd=work)
    assert done.returncode == status, done.stderr


def test_fail_on_at_risk_alone(work):
    rows = [r for r in ROWS if r[0] in ("ttfv", "kickoff-on-time")]
    (work / "actuals.csv").write_text(_csv(rows))
    assert (
        journeyctl("measure", "demo.yaml", "--actuals", "actuals.csv", "--fail-on", "missed", cwd=work).returncode == 0
    )
    assert (
        journeyctl("measure", "demo.yaml", "--actuals", "actuals.csv", "--fail-on", "at-risk", cwd=work).returncode == 1
    )


def test_accounts_furthest_from_the_goal(work):
    done = journeyctl("measure", "demo.yaml", "--actuals", "actuals.csv", "-f", "json", "--accounts", "2", cwd=work)
    results = _results(done)
    assert results["ttfv"]["accounts"] == [{"account": "a3", "value": 70.0}, {"account": "a2", "value": 52.0}]
    assert results["adoption"]["accounts"] == [{"account": "a3", "value": 40.0}, {"account": "a1", "value": 50.0}]
    assert "accounts" not in results["tickets"]  # a sum is of all accounts together


def test_text_and_markdown_and_html(work):
    text = journeyctl("measure", "demo.yaml", "--actuals", "actuals.csv", cwd=work)
    assert text.returncode == 0
    assert "\x1b[" not in text.stdout  # no colour off a terminal
    line = next(line for line in text.stdout.splitlines() if " ttfv " in line)
    assert "<= 45 days (at risk to 55)" in line and "52 days" in line and "at-risk" in line and "40 → 52" in line
    assert "8 metrics: 3 met, 1 at-risk, 2 missed, 1 no-data, 1 no-goal" in text.stdout
    md = journeyctl("measure", "demo.yaml", "--actuals", "actuals.csv", "-f", "markdown", cwd=work).stdout
    assert md.startswith("## Journey scorecard")
    assert "| demo | Land | Time to first value | \\<= 45 days (at risk to 55) | 2026-10 | 52 days | ! at-risk |" in md
    page = journeyctl("measure", "demo.yaml", "--actuals", "actuals.csv", "-f", "html", cwd=work).stdout
    assert page.startswith("<!doctype html>") and page.count("<svg") == 7  # a trend for each metric with data


def test_csv_on_standard_input(work):
    data = _csv(ROWS).encode()
    results = _results(journeyctl("measure", "demo.yaml", "--actuals", "-", "-f", "json", cwd=work, stdin=data))
    assert results["ttfv"]["status"] == "at-risk"


def test_parquet_json_lines_and_xlsx_give_the_same_scorecard(work):
    import duckdb
    from openpyxl import Workbook

    duckdb.execute(
        f"COPY (SELECT * FROM read_csv('{work / 'actuals.csv'}', all_varchar = true)) TO '{work / 'actuals.parquet'}'"
    )
    with open(work / "actuals.jsonl", "w") as out:
        for metric, period, value, account in ROWS:
            out.write(json.dumps({"metric": metric, "period": period, "value": value, "account": account}) + "\n")
    book = Workbook()
    sheet = book.active
    sheet.append(["metric", "period", "value", "account"])
    for metric, period, value, account in ROWS:
        sheet.append([metric, period, float(value) if value.isdigit() else value, account])
    book.save(work / "actuals.xlsx")
    expected = _results(journeyctl("measure", "demo.yaml", "--actuals", "actuals.csv", "-f", "json", cwd=work))
    for name in ("actuals.parquet", "actuals.jsonl", "actuals.xlsx"):
        assert _results(journeyctl("measure", "demo.yaml", "--actuals", name, "-f", "json", cwd=work)) == expected, name


def test_column_mapping_in_the_configuration(work):
    (work / ".journeyctl.yaml").write_text("catalogs: []\nactuals:\n  columns: {metric: kpi_name, value: kpi_value}\n")
    (work / "actuals.csv").write_text(_csv(ROWS, header=("kpi_name", "period", "kpi_value", "account")))
    results = _results(journeyctl("measure", "demo.yaml", "--actuals", "actuals.csv", "-f", "json", cwd=work))
    assert results["ttfv"]["status"] == "at-risk"


def test_an_unknown_column_in_the_mapping_is_a_usage_error(work):
    (work / ".journeyctl.yaml").write_text("actuals:\n  columns: {metrik: kpi_name}\n")
    done = journeyctl("measure", "demo.yaml", "--actuals", "actuals.csv", cwd=work)
    assert done.returncode == 2
    assert "unknown actuals column 'metrik' (did you mean 'metric'?)" in done.stderr


def test_a_file_over_the_configured_size_is_refused(work):
    (work / ".journeyctl.yaml").write_text("catalogs: []\nactuals: {max_bytes: 100}\n")
    done = journeyctl("measure", "demo.yaml", "--actuals", "actuals.csv", cwd=work)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip() == (
        "journeyctl: error: actuals.csv: refused: the file is larger than 100 bytes (actuals.max_bytes)"
    )


def test_no_actuals_and_missing_files(work):
    assert journeyctl("measure", "demo.yaml", cwd=work).returncode == 2
    done = journeyctl("measure", "demo.yaml", "--actuals", "missing.csv", cwd=work)
    assert done.returncode == 2 and done.stderr.startswith("journeyctl: error: cannot read missing.csv")
    assert journeyctl("measure", "demo.yaml", "--actuals", "actuals.csv", "--period", "Oct", cwd=work).returncode == 2


def test_segment_restricts_rows_to_maps_of_that_segment(work):
    other = MAP.replace("id: demo", "id: smb").replace("segment: enterprise", "segment: smb")
    (work / "smb.yaml").write_text(other)
    rows = [("ttfv", "2026-10", "40", "a1", "enterprise"), ("ttfv", "2026-10", "80", "a2", "smb")]
    (work / "actuals.csv").write_text(_csv(rows, header=("metric", "period", "value", "account", "segment")))
    done = journeyctl("measure", "demo.yaml", "smb.yaml", "--actuals", "actuals.csv", "-f", "json", cwd=work)
    assert done.returncode == 0, done.stderr
    by_map = {(r["map"], r["metric"]): r for r in json.loads(done.stdout)}
    assert by_map["demo", "ttfv"]["status"] == "met" and by_map["smb", "ttfv"]["status"] == "missed"
