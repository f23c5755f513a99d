"""`python -m extractor` runs the `extract` command."""

from .cli import run

run()
