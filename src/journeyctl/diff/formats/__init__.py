"""Output formats of `journeyctl diff`: FORMATS = {name: function(changes, stream, problems)}."""

from journeyctl.diff.formats.json_format import write_json
from journeyctl.diff.formats.markdown import write_markdown
from journeyctl.diff.formats.text import write_text

FORMATS = {"text": write_text, "markdown": write_markdown, "json": write_json}

__all__ = ["FORMATS"]
