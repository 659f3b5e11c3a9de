"""journeyctl: customer journey maps as code."""

__version__ = "0.1.0"

# Where the project lives (as [project.urls] would say): SARIF links each rule to its section of
# docs/rules.md there. Change it here when the repository moves.
REPOSITORY_URL = "https://github.com/your-org/journeyctl"
