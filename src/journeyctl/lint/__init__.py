"""The lint rule engine: rules with codes and docs, configuration, suppressions and baselines."""
