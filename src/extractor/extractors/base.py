"""The contract every record extractor keeps, so the pipeline can run them from one table.

Each extractor module exposes a `STEP`: its name, the record kinds it reads from earlier
steps, the kinds it produces, and `run(doc, found)`. The pipeline's registry lists the steps
in dependency order and checks that order once, at import; an extractor never calls another.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..analysis import Document

# Record kinds produced so far, by kind name ("officials", "quotes", …): read-only for a step.
Found = Mapping[str, Sequence[Any]]


@dataclass
class Result:
    """What one step found: records by kind, and warnings for the article."""

    records: dict[str, list[Any]]
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Step:
    name: str
    needs: tuple[str, ...]
    produces: tuple[str, ...]
    run: Callable[[Document, Found], Result]


def check_order(steps: Sequence[Step]) -> None:
    """Every kind a step needs is produced by a step before it, and no kind twice."""
    made: set[str] = set()
    for step in steps:
        missing = [kind for kind in step.needs if kind not in made]
        if missing:
            raise RuntimeError(f"step {step.name} needs {missing} before it runs")
        twice = made.intersection(step.produces)
        if twice:
            raise RuntimeError(f"step {step.name} produces {sorted(twice)} again")
        made.update(step.produces)
