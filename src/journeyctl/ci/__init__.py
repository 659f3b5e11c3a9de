"""Entry points for other tools: the pre-commit hooks (precommit.py) and the GitHub Action (action.py)."""
