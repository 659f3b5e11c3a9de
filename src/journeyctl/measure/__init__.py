"""`journeyctl measure`: actuals (CSV, XLSX, Parquet, JSON lines) against the goals of the maps' metrics.

actuals.py reads the files into one DuckDB table (the engine reads CSV, Parquet and JSON lines
itself, in parallel), checks.py reports its bad rows, scorecard.py aggregates and computes the
statuses, formats.py writes them. docs/measure.md describes the actuals format.
"""
