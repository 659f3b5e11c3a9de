"""The render core returns what it did and prints nothing: the command prints it and exits."""

from __future__ import annotations

from pathlib import Path

from journeyctl.render.run import RenderRequest, run

MAP = """\
journeyctl: 1
kind: journey
id: onboarding
title: Onboarding
owners: [{id: csm, name: Customer Success Manager}]
phases:
  - id: land
    name: Land
    exit_criteria: [Kickoff held]
    touchpoints:
      - {id: kickoff, name: Kickoff call, channel: video-call, owner: csm, customer_view: We meet your team.}
"""


def test_a_map_error_stops_the_render_with_the_problems_and_prints_nothing(tmp_path: Path, capsys):
    path = tmp_path / "onboarding.yaml"
    path.write_text(MAP.replace("owner: csm,", "owner: cms,"))
    result = run(RenderRequest([str(path)], ["md"], out=str(tmp_path / "out")))
    assert result.exit_code == 1 and result.stopped.startswith("nothing rendered")
    assert [problem.code for problem in result.problems] == ["JC101"] and result.outputs == []
    assert capsys.readouterr() == ("", "") and not (tmp_path / "out").exists()


def test_a_render_returns_what_it_wrote_and_prints_nothing(tmp_path: Path, capsys):
    path = tmp_path / "onboarding.yaml"
    path.write_text(MAP)
    result = run(RenderRequest([str(path)], ["md", "html"], out=str(tmp_path / "out")))
    assert (result.exit_code, result.stopped, result.problems) == (0, "", [])
    assert result.folder == tmp_path / "out" and [output.name for output in result.outputs] == [
        "onboarding.md",
        "onboarding.html",
    ]
    assert all((result.folder / output.name).is_file() for output in result.outputs)
    standard_output = run(RenderRequest([str(path)], ["md"], out="-"))
    assert standard_output.folder is None and standard_output.outputs[0].content.startswith("# Onboarding")
    assert capsys.readouterr().out == ""
