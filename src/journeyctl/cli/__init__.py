"""The command line (app.py registers every command; one module per command).

Start-up counts: `journeyctl lint` of one map runs on every commit (pre-commit). Pydantic would
scan the entry points of every installed package for its plugins (PYDANTIC_DISABLE_PLUGINS,
read when the first model is built); journeyctl uses none. Set the variable to an empty value
to have plugins anyway. See docs/development.md, "Speed".
"""

import os

os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
