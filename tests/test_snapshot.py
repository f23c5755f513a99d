"""Records stay as they were unless a change means to change them (see tests/snapshot.py)."""

from __future__ import annotations

import json

import pytest

from .snapshot import SNAPSHOT, current


def test_every_document_gives_the_records_it_gave_when_the_snapshot_was_taken() -> None:
    saved: dict[str, dict[str, str]] = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    now = current()
    missing = sorted(set(saved) - set(now))
    if missing and all(key.split("/")[0] in ("shared", "wild") for key in missing):
        pytest.skip("the shared documents are not beside this checkout")
    changed = {key: sorted(k for k in set(saved[key]) | set(now.get(key, {}))
                           if saved[key].get(k) != now.get(key, {}).get(k))
               for key in saved if saved[key] != now.get(key)}
    new = sorted(set(now) - set(saved))
    assert not changed and not new, (
        f"output changed in {len(changed)} documents: "
        + "; ".join(f"{key} ({', '.join(parts)})" for key, parts in sorted(changed.items())[:20])
        + (f"; new documents: {new[:10]}" if new else "")
        + ". If that is meant, run `python -m tests.snapshot --update` and say why in the commit.")
