"""The map format (version 1) as Pydantic models, and its JSON Schema."""

from journeyctl.schema.channels import DEFAULT_CHANNELS
from journeyctl.schema.models import (
    Catalog,
    Engagement,
    Journey,
    Metric,
    Mode,
    Owner,
    Persona,
    Phase,
    Playbook,
    Review,
    Stage,
    Status,
    Touchpoint,
    Visibility,
)

MODEL_BY_KIND: dict[str, type[Journey] | type[Catalog]] = {"journey": Journey, "catalog": Catalog}
FORMAT_VERSION = 1

__all__ = [
    "Catalog",
    "DEFAULT_CHANNELS",
    "Engagement",
    "FORMAT_VERSION",
    "Journey",
    "MODEL_BY_KIND",
    "Metric",
    "Mode",
    "Owner",
    "Persona",
    "Phase",
    "Playbook",
    "Review",
    "Stage",
    "Status",
    "Touchpoint",
    "Visibility",
]
