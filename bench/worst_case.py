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
    "cue lines": '▶ 인터뷰 : 김영호 / 롯데마트 대리\n- "좋습니다."\n[주호영/국민의힘 원내대표]\n"요청합니다."\n',
    "open cue lines": "토드 블란취 / 트럼프 / 변호사 / ",
    "court benches": "서울남부지법 민사합의51부(부장 황정수)는 ",
    "foreign names": "제이크 설리번 백악관 국가안보보좌관 ",
    "lead quotes": '"좋다."\n김철수 시장은 "좋다"며 이같이 말했다.\n',
    "short forms and questions": '권 시장은 이 의원이 "왜냐"고 묻자 "좋다"고 했다. ',
    "listed terms": "'민생', ",
    "list marks inline": "▲청년 지원 ",
    "list marks glued": "▲△■◆◇●",
    "minus signs": "(△1.0%) △2.4%, ",
    "heading lines ■": "■ 교통 분야\n",
    "speaker cues ◇◆": "◇ 진행자: 가\n◆ 김민수: 나\n",
    "list closes 등": "△운영 실적 등이며 ",
    "headline lists": "관련기사\n1. 시장, 업무보고..\n2. 구청 축제…\n2시간전\n",
    "copyright words": "무단전재 및 재배포 금지 ",
    "Roman numerals": "Ⅰ. 추진 배경\nⅡ. 추진 내용\n",
    "inline letters": "가. 일시 나. 장소 ",
    # scraped pages and broadcast scripts (issue 21): bullets, hand-overs, cues, wire credits, widgets
    "bullet bylines": "• 홍길동 기자\n• 승인 2024.03.04 10:12\n",
    "hand-overs and cues": "짚어봤습니다. 홍길동 기잡니다.\n【 기자 】\n",
    "wire credits closing": "늘렸다. (서울=연합뉴스) 홍길동 김철수 기자 ",
    "bracket bylines closing": "말했다. [비즈니스포스트 홍길동 기자 ",
    "channel sign-off prefix": "지금까지 시청 앞 광장 에서 kbc 홍길동",
    "weather widgets": "서울 12℃ 맑음 2024.03.05(화) ",
    "pipe bylines": "머니투데이 홍길동 기자 hong@mt.co.kr | ",
    "stamp rows": "승인 2018.06.11 09:30 5면 댓글 0 | ",
    "run-in datelines": "광주 119신고 하루 평균 710건 [국회의정저널 ",
    "ranked list under a header": "많이 본 기사\n1 다른 기사 제목 2024.02.11\n",
    # Hangul numerals: one long run of numeral syllables, and words with units glued back to back
    "Hangul numeral run": "삼십이억삼천오백육십구만팔천백이십",
    "Hangul numerals with units": "삼십오명이천칠백삼십오만원이달러이십삼센트",
    "native counts": "서른다섯 명 한두 개 ",
    "bounds and 인": "5인 이상 오천원 미만 ",
    "facility 기": "충전기 3기 ",
    "money signs": "$5 EUR 20 10₩ ",
    "release comparisons": "(’20년) 1,029 → (’21안) 1,311억 원 ",
    "to-value before from-value": "27.5%로 2016년 39.1%에서 줄었다. ",
    "apostrophe years": "[’24] ´24 (’21안) ",
    "hard-wrapped lines": "가나다라마바사아자차카타파하 가나다라마바사아자차카타파하 가나다라마바사\n",
    # a release's header and contact lines (clean/release.py, clean/contacts.py, release_ rules)
    "release header": "보도자료\n보도시점 | 2023. 6. 2.(금) 06:00 이후 / 배포 | 2023. 6. 1. ",
    "contact people, one line": "담당부서 : 복지정책실 노인복지과 과장 한상우 2133-7410 ",
    "contact block lines": "담당부서 : 복지정책실 어르신복지과\n과장 한상우 2133-7410\n",
    "letter-spaced labels": "담 당 자 | 권하늘 사무관(02-2110-2655) | ",
    "embargo sentence": "이 보도자료는 2024. 5. 20. ",
    "deck dashes": "- 가나다 라마 - ",
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
