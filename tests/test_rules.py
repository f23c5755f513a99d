"""Rule files are validated before any document is read, and every rule fires on its examples."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from extractor import rules

MODELS = rules.models()


def _copy_rules(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    target.mkdir()
    for entry in resources.files("extractor.rules").iterdir():
        if entry.name.endswith(".toml"):
            shutil.copyfile(str(entry), target / entry.name)
    return target


def test_every_rule_file_has_a_model_and_validates() -> None:
    files = sorted(str(e.name)[:-5] for e in resources.files("extractor.rules").iterdir()
                   if e.name.endswith(".toml"))
    assert sorted(m.FILE for m in MODELS) == files
    assert rules.problems() == []


@pytest.mark.parametrize("model", MODELS, ids=[m.FILE for m in MODELS])
def test_a_renamed_key_is_one_line_naming_the_file_and_the_key(model: type[rules.RuleFile], tmp_path: Path) -> None:
    directory = _copy_rules(tmp_path)
    path = directory / f"{model.FILE}.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    required = [name for name, field in model.model_fields.items() if field.is_required()]
    if not required:
        pytest.skip(f"rules/{model.FILE}.toml has no required key")
    key = required[0]
    text = path.read_text(encoding="utf-8")
    assert key in data
    # rename the key where it is defined: at the start of a line, or as a [table] header
    renamed = "\n".join(f"renamed_{line}" if line.startswith((f"{key} =", f"{key}=")) else
                        line.replace(f"[{key}]", f"[renamed_{key}]", 1) if line.startswith(f"[{key}") else line
                        for line in text.splitlines())
    path.write_text(renamed, encoding="utf-8")
    found = rules.problems(directory)
    mine = [line for line in found if line.startswith(f"rules/{model.FILE}.toml: ")]
    assert mine, found
    assert any(f": {key}: " in line for line in mine), mine
    assert all("\n" not in line for line in found)


RULES = list(rules.iter_rules())


def test_rule_ids_are_unique_within_a_file() -> None:
    seen: set[tuple[str, str]] = set()
    for file, rule in RULES:
        assert (file, rule.id) not in seen, f"rules/{file}.toml: {rule.id} twice"
        seen.add((file, rule.id))


@pytest.mark.parametrize(("file", "rule"), RULES, ids=[f"{f}:{r.id}" for f, r in RULES])
def test_every_rule_fires_on_its_examples_and_not_on_its_counter_examples(file: str, rule: rules.Rule) -> None:
    model = next(m for m in MODELS if m.FILE == file)
    content = rules.get(model)
    assert rule.examples, f"rules/{file}.toml: rule {rule.id} has no example"
    for example in rule.examples:
        assert content.fires(rule, example), f"{rule.id} does not fire on {example!r}"
    for counter in rule.counter_examples:
        assert not content.fires(rule, counter), f"{rule.id} fires on its counter-example {counter!r}"


def test_check_rules_exits_0_on_the_installed_rules() -> None:
    done = subprocess.run([sys.executable, "-m", "extractor", "--check-rules"], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert "rule files are valid" in done.stderr
