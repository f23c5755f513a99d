"""The base of every record: unknown keys refused, spans that point into the body."""

from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.0"
MIN_YEAR, MAX_YEAR = 1900, 2100

class Record(BaseModel):
    """Base for every output object: unknown keys are refused so typos never pass silently."""

    model_config = ConfigDict(extra="forbid")


class Span(Record):
    """Character offsets into `Article.body`, end exclusive (Python slice semantics)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        return self


class Located(Record):
    """A record that a person can check: its surface text and where it stands in the body."""

    text: str
    span: Span


def _check_quantity(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError(f"value must be finite, got {value}")
    if value < 0:
        raise ValueError(f"value must not be negative, got {value}")
    return value
