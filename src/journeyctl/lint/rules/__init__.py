"""One module per rule; the registry (journeyctl.lint.registry) lists them all."""
