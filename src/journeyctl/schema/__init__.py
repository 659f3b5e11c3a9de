"""The map format (version 1) as Pydantic models, and its JSON Schema."""

from journeyctl.schema.channels import DEFAULT_CHANNELS
from journeyctl.schema.models import (
    Account,
    AccountPerson,
    Catalog,
    Contact,
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

MODEL_BY_KIND: dict[str, type[Journey] | type[Catalog] | type[Account]] = {
    "journey": Journey,
    "catalog": Catalog,
    "account": Account,
}
FORMAT_VERSION = 1

__all__ = [
    "Account",
    "AccountPerson",
    "Catalog",
    "Contact",
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
