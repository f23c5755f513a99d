"""Matching time beyond tokenization, on a document built to be dense with numbers.

    .venv/bin/python bench/matching_speed.py [--numbers 10000]

Builds a body of N numeric expressions in the shapes the rules key on (1천600여억원,
400개에서 940개로, 3만 5천호, ’14년도, 첫째 …), tokenizes it once with Kiwi, then times each
extractor on the tokenized document, and prints the time per extractor and in total.
"""

from __future__ import annotations

import argparse
import random
import time

from extractor import analysis
from extractor.dates import find_years
from extractor.extractors import indicators, officials, policies, quotes

SHAPES = [
    "매출이 {a}억원에서 {b}억원으로 늘었다.",
    "일자리 {a}천{b}여개를 만들었다.",
    "예산 1조{a}억원 중 {b}%를 집행했다.",
    "물량은 {a}만 {b}천호, 예산은 {a}조 {b}천억 원이다.",
    "’{y}년도 말 기준 {a}개에서 {b}개로 {c}배 가까이 증가했다.",
    "약 {a}명이 참석했고 최대 {b}억원을 투입한다.",
    "공공구매({a}억→{b}억) 시장을 넓힌다.",
]


def build(count: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    lines, made = [], 0
    while made < count:
        shape = rng.choice(SHAPES)
        lines.append(shape.format(a=rng.randint(1, 999), b=rng.randint(1, 999), c=rng.randint(2, 9),
                                  y=rng.randint(10, 23)))
        made += shape.count("{a}") + shape.count("{b}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--numbers", type=int, default=10000)
    args = parser.parse_args()
    body = build(args.numbers)
    analysis.kiwi().tokenize("")
    start = time.perf_counter()
    doc = analysis.analyse(body)
    tokenize_s = time.perf_counter() - start
    print(f"document: {len(body):,} chars, ~{args.numbers:,} numbers, {len(doc.tokens):,} tokens")
    print(f"{'tokenization (Kiwi)':<24}{tokenize_s:>9.3f} s")
    total = first_total = 0.0
    steps = [
        ("indicators", lambda: indicators.extract(doc)),
        ("years", lambda: find_years(doc.body, None)),
        ("officials", lambda: officials.extract(doc)),
        ("quotes", lambda: quotes.extract(doc, [])),
        ("policies", lambda: policies.extract(doc)),
    ]
    # The first call of a process also loads and compiles the rules (cached after): both shown.
    print(f"{'':<24}{'first call':>12}{'later calls':>13}")
    for name, step in steps:
        start = time.perf_counter()
        step()
        first = time.perf_counter() - start
        start = time.perf_counter()
        found = step()
        elapsed = time.perf_counter() - start
        total += elapsed
        first_total += first
        count = len(found) if isinstance(found, list) else len(found[0])
        print(f"{name:<24}{first:>10.3f} s{elapsed:>11.3f} s   ({count} records)")
    print(f"{'matching, all extractors':<24}{first_total:>10.3f} s{total:>11.3f} s")


if __name__ == "__main__":
    main()
