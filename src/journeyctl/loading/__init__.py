"""Reading map files: text -> nodes with positions -> validated models -> a Workspace."""

from journeyctl.loading.map_file import AccountFile, CatalogFile, JourneyFile, MapFile, load_file, load_text
from journeyctl.loading.references import check_references
from journeyctl.loading.workspace import Workspace, discover, discover_with_catalogs, load_named, load_workspace
from journeyctl.problems import UsageError

__all__ = [
    "AccountFile",
    "CatalogFile",
    "JourneyFile",
    "MapFile",
    "UsageError",
    "Workspace",
    "check_references",
    "discover",
    "discover_with_catalogs",
    "load_file",
    "load_text",
    "load_named",
    "load_workspace",
]
