"""Time per character of the whole pipeline on the inputs its patterns key on, repeated.

    .venv/bin/python bench/worst_case.py [--chars 100000]

Each row feeds one long run of a character or phrase the rules look for (억, 첫째, quotes,
▲, names with offices …) through the pipeline and prints the time per character, so
catastrophic backtracking or a quadratic loop shows up as a row far above the others.
"""

from __future__ import annotations

import argparse
import time

from extractor import Extractor, InputError, Settings

RUNS = {
    "억 repeated": "억",
    "digits": "1234567890",
    "numerals with units": "1천600여억원 ",
    "from-to pairs": "400개에서 940개로 ",
    "ordinal words": "첫째 둘째 셋째 ",
    "circled digits": "①②③④⑤",
    "numbered lines": "1. 가\n2. 나\n",
    "straight quotes": '"',
    "curly quotes": "“",
    "quoted speech": '권영진 시장은 "좋다"고 말했다. ',
    "captions ▲": "▲",
    "names with offices": "권영진 대구시장 ",
    "years": "’14년도 2020년 올해 ",
    "HTML tags": "<div><p>가</p></div>",
    # nesting that never closes: each element's text is counted once, bottom-up, not per candidate
    "nested inline tags": "<div><span><b>",
    "nested tags with text": "<div><span>가<b>나",
    # script data markers with no JSON after them, and a store that never closes
    "script store markers": "<script>Fusion.globalContent=",
    "open script store": '<script id="__NEXT_DATA__">{"a":["가나다",',
    "mojibake": "±èÇå¼ö È«¼º±ºÀÇÈ¸ ",
    "relative months": "지난달 이달 다음 달 15일 상반기 ",
    "datelines": "[이데일리 홍길동 기자] ",
    "stamp label, spaces": "<p>입력" + " " * 300 + "</p>",
    "family back-references": '권영진 대구시장은 말했다. 권 시장은 "좋다"고 말했다. ',
    "listed names": "김민수, 박지영, 최성훈 의원이 참석했다. ",
    "county and its 군수": "양구군은 밝혔다. 조인묵 군수는 말했다. ",
    "numbered inside sentences": "정부는 1) 청년 고용, 2) 직업훈련, 3) 수당을 늘린다. ",
    # a transcript line that never closes: the unquoted-speech pattern must not backtrack over it
    "open transcript line": "[김철수/대변인 : 가나다 - : ",
    "hard-wrapped lines": "가나다라마바사아자차카타파하 가나다라마바사아자차카타파하 가나다라마바사\n",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=100_000)
    args = parser.parse_args()
    extractor = Extractor(Settings(time_limit=None))
    extractor.extract("가")  # load Kiwi first
    print(f"{'input':<24}{'chars':>10}{'seconds':>10}{'µs/char':>10}  result")
    for name, unit in RUNS.items():
        text = (unit * (args.chars // len(unit) + 1))[: args.chars]
        start = time.perf_counter()
        try:
            article = extractor.extract(text.encode("utf-8"))
            result = (f"{len(article.indicators)} indicators, {len(article.policies)} items, "
                      f"{len(article.quotes)} quotes, {len(article.officials)} officials")
        except InputError as exc:
            result = f"error: {exc}"
        elapsed = time.perf_counter() - start
        print(f"{name:<24}{len(text):>10}{elapsed:>10.2f}{elapsed / len(text) * 1e6:>10.1f}  {result}")


if __name__ == "__main__":
    main()
