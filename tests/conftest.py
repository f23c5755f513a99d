"""Shared helpers: corpus files are TSV, one case a line, `#` lines are comments."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from _pytest.mark.structures import ParameterSet

from extractor.analysis import Document, analyse

CORPUS = Path(__file__).parent / "corpus"
ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "samples"


def corpus(name: str) -> list[list[str]]:
    """The rows of tests/corpus/NAME, split on tabs."""
    rows = []
    for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def cases(name: str) -> list[ParameterSet]:
    """Corpus rows as pytest params named by their first column."""
    return [pytest.param(*row, id=row[0][:40]) for row in corpus(name)]


def opt(value: str) -> str | None:
    return None if value == "-" else value


@cache
def doc(text: str) -> Document:
    """A Kiwi-analysed document (one Kiwi per test process, as in production)."""
    return analyse(text)
