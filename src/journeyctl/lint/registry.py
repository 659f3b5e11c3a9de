"""Every rule journeyctl has, by code, from one plain list of rule modules: adding a rule adds one
module and one line here."""

from importlib import import_module

# The modules under journeyctl/lint/rules/, each defining CHECK (what its problems carry: the
# loader and fmt import theirs from it) and RULE.
RULE_MODULES = (
    "jc001_unreadable_file",
    "jc002_yaml_syntax",
    "jc003_unsupported_yaml",
    "jc004_duplicate_key",
    "jc005_not_a_map_file",
    "jc006_skipped_file",
    "jc009_format_unsafe",
    "jc010_unknown_field",
    "jc011_missing_field",
    "jc012_invalid_value",
    "jc101_unknown_reference",
    "jc102_duplicate_id",
    "jc201_missing_exit_criteria",
    "jc202_moment_without_playbook",
    "jc203_missing_customer_view",
    "jc204_empty_phase",
    "jc205_unused_definition",
    "jc206_persona_coverage_gap",
    "jc207_review_overdue",
    "jc208_active_without_review",
    "jc209_engagement_mismatch",
    "jc210_playbook_url",
    "jc211_duplicate_playbook_url",
    "jc212_customer_text_looks_internal",
    "jc220_duplicate_metric_id",
    "jc221_at_risk_wrong_side",
    "jc222_goal_without_id",
    "jc223_target_contradicts_goal",
    "jc240_emotion_persona_not_involved",
    "jc230_when_shape",
    "jc231_when_range",
    "jc232_touchpoint_outside_phase",
    "jc233_phase_windows_out_of_order",
    "jc234_recurring_without_every",
    "jc235_crowded_contact",
    "jc236_persona_silence",
    "jc301_unused_suppression",
    "jc302_stale_baseline_entry",
)

RULES = {rule.code: rule for rule in (import_module(f"journeyctl.lint.rules.{name}").RULE for name in RULE_MODULES)}
RULES_BY_NAME = {rule.name: rule for rule in RULES.values()}


def find_rule(code_or_name: str):
    """A rule by its code (any case) or its name, or None."""
    return RULES.get(code_or_name.upper()) or RULES_BY_NAME.get(code_or_name.lower())
