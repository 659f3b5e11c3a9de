"""Reading map files: text -> nodes with positions -> validated models -> a Workspace."""

from journeyctl.loading.workspace import MapFile, UsageError, Workspace, discover, load_file, load_workspace

__all__ = ["MapFile", "UsageError", "Workspace", "discover", "load_file", "load_workspace"]
