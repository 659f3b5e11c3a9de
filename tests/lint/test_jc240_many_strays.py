"""JC240 on a touchpoint whose emotion names thousands of strangers: the first ones located, the rest
counted in one problem, in seconds (each position is a walk of the keys; 50,000 took minutes)."""

from __future__ import annotations

from datetime import date

from journeyctl.config import load_config
from journeyctl.lint.engine import make_settings, run_lint
from journeyctl.lint.rules.jc240_emotion_persona_not_involved import MAX_LOCATED

STRAYS = 5_000


def test_many_strays_are_located_up_to_the_limit_then_counted(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".journeyctl.yaml").write_text("{}\n")
    keys = "".join(f"          stray-{i}: 1\n" for i in range(STRAYS))
    personas = "".join(f"  - {{id: stray-{i}, name: Stray {i}}}\n" for i in range(STRAYS))
    (tmp_path / "map.yaml").write_text(
        "journeyctl: 1\nkind: journey\nid: t\ntitle: T\nowners: [{id: csm, name: CSM}]\npersonas:\n"
        f"  - {{id: champion, name: Dana}}\n{personas}phases:\n  - id: p\n    name: P\n    touchpoints:\n"
        "      - id: a\n        name: A\n        channel: email\n        owner: csm\n        personas: [champion]\n"
        f"        emotion:\n          champion: 0\n{keys}"
    )
    monkeypatch.chdir(tmp_path)
    problems = [p for p in run_lint(["map.yaml"], make_settings(load_config(None), date(2026, 11, 25))).problems]
    strays = [p for p in problems if p.code == "JC240"]
    located = sorted(p.line for p in strays if p.subject != "more")
    (more,) = [p for p in strays if p.subject == "more"]
    first_key_line = 19 + STRAYS  # after the header, the personas, the touchpoint's lines and `champion: 0`
    assert located == list(range(first_key_line, first_key_line + MAX_LOCATED))
    assert f"{STRAYS - MAX_LOCATED:,} more personas in the emotion of touchpoint 'a'" in more.message
