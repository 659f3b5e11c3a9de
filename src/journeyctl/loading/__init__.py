"""Reading map files: text -> nodes with positions -> validated models -> a Workspace."""

from journeyctl.loading.references import check_references
from journeyctl.loading.workspace import MapFile, Workspace, discover, load_file, load_text, load_workspace
from journeyctl.problems import UsageError

__all__ = ["MapFile", "UsageError", "Workspace", "check_references", "discover", "load_file", "load_text", "load_workspace"]
