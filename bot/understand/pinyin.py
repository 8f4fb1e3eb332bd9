"""Messages typed in pinyin, read as Chinese characters.

People without a Chinese keyboard at hand, or in a hurry, type the sounds: "dianti ka zhu le
limian you ren", "wo ye ye shuai dao le pa bu qi lai". The rules and the model read
characters, so such a message is written in characters first (:func:`read`), by the most
likely words of the training split (``data/pinyin.json``, built by
:mod:`bot.understand.build_pinyin`): "电梯卡住了里面有人". Lead, twentieth session: a writer's
training file of emergencies said the hard way had eight in pinyin; the whole pipeline missed
six of them.

Only a message whose Latin words are nearly all pinyin syllables is read so ("please help",
"wifi", "B区", "ok" are left alone; English has its own rules), and only runs of at least two
syllables. The table is loaded the first time a message needs it.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "data" / "pinyin.json"

#: Every toneless syllable of Mandarin ("v" for ü), but the interjections hm, m, n, ng; and
#: shei, zhei as 谁 and 这 are said.
SYLLABLES = frozenset(
    """
    a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca
    cai can cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou
    chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai
    dan dang dao de den deng di dian diao die ding diu dong dou du duan dui dun duo e ei
    en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng
    gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong
    hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu
    ju juan jue jun ka kai kan kang kao ke ken keng kong kou ku kua kuai kuan kuang kui
    kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo
    long lou lu luan lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie
    min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie
    nin ning niu nong nou nu nuan nun nuo nv nve o ou pa pai pan pang pao pei pen peng
    pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu
    quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san
    sang sao se sen seng sha shai shan shang shao she shen sheng shi shou shu shua shuai
    shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te
    teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng
    wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao
    ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha
    zhai zhan zhang zhao zhe zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui
    zhun zhuo zi zong zou zu zuan zui zun zuo
    """.split()
) | {"shei", "zhei"}
_LONGEST_SYLLABLE = max(map(len, SYLLABLES))

#: A Latin word ("dianti", "xi'an"); ü is typed v.
_WORD = re.compile(r"[A-Za-zÜü]+(?:'[A-Za-zÜü]+)*")
#: Two Latin letters together: the cheap test that spares nearly every message the rest.
_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")
#: The share of a message's Latin words that must be pinyin for it to be read so.
PINYIN_SHARE = 0.7
#: Only the first characters of a message are read so (the cost is bounded: a flood of long
#: pinyin costs each message at most ~30 ms); the rest stays as typed.
MAX_READ = 2_000


def syllables(word: str) -> int:
    """How many syllables ``word`` (lower case, ' between syllables allowed) splits into,
    the fewest; 0 when it is not pinyin."""
    best = 0
    for part in word.split("'"):
        count = _split(part)
        if count == 0:
            return 0
        best += count
    return best


def _split(letters: str) -> int:
    n = len(letters)
    if n == 0:
        return 0
    fewest = [0] + [n + 1] * n  # fewest[i]: syllables in letters[:i]
    for end in range(1, n + 1):
        for start in range(max(0, end - _LONGEST_SYLLABLE), end):
            if fewest[start] <= n and letters[start:end] in SYLLABLES:
                fewest[end] = min(fewest[end], fewest[start] + 1)
    return fewest[n] if fewest[n] <= n else 0


def read(text: str) -> str:
    """``text`` with its runs of pinyin written in characters, when its Latin words are
    nearly all pinyin (:data:`PINYIN_SHARE`); else ``text`` itself."""
    if _TWO_LETTERS.search(text) is None:
        return text
    words = [
        (m, syllables(m.group(0).lower().replace("ü", "v")))
        for m in _WORD.finditer(text, 0, MAX_READ)
    ]
    pinyin = [(m, n) for m, n in words if n]
    if sum(n for _, n in pinyin) < 2 or len(pinyin) < PINYIN_SHARE * len(words):
        return text
    out: list[str] = []
    done = 0
    run: list[re.Match[str]] = []
    for m, n in words:
        if n and run and not text[run[-1].end() : m.start()].strip():
            run.append(m)
            continue
        done = _flush(text, run, done, out)
        run = [m] if n else []
    done = _flush(text, run, done, out)
    out.append(text[done:])
    return "".join(out)


def _flush(text: str, run: list[re.Match[str]], done: int, out: list[str]) -> int:
    """Write ``text[done:]`` up to the end of ``run`` into ``out``, the run in characters
    (with the spaces around it: Chinese has none); return where the writing stopped."""
    if not run:
        return done
    start, end = run[0].start(), run[-1].end()
    letters, bounds = "", set()
    for m in run:
        for part in m.group(0).lower().replace("ü", "v").split("'"):
            bounds.add(len(letters))
            letters += part
    written = _characters(letters, frozenset(bounds - {0}))
    if written is None:
        return done
    before = text[done:start]
    out.append(before.rstrip(" ") if before.strip() else before)
    out.append(written)
    while end < len(text) and text[end] == " ":
        end += 1
    return end


def _characters(letters: str, typed: frozenset[int]) -> str | None:
    """The likeliest words spelling ``letters``, none of them across a place the writer
    split (``typed``) inside a syllable; None when nothing spells them."""
    table = _table()
    n = len(letters)
    best: list[tuple[float, int, str] | None] = [None] * (n + 1)
    best[0] = (0.0, 0, "")
    split = [False] * (n + 1)
    for b in typed:
        split[b] = True
    for start in range(n):
        here = best[start]
        if here is None:
            continue
        for end in range(start + 1, min(n, start + table.longest) + 1):
            for word, count, inner in table.words.get(letters[start:end], ()):
                if any(split[b] and b - start not in inner for b in range(start + 1, end)):
                    continue
                total = here[0] + math.log(count) - table.log_total
                there = best[end]
                if there is None or total > there[0]:
                    best[end] = (total, start, word)
    if best[n] is None:
        return None
    words: list[str] = []
    at = n
    while at > 0:
        step = best[at]
        assert step is not None
        words.append(step[2])
        at = step[1]
    return "".join(reversed(words))


class _Table:
    """The words of ``data/pinyin.json`` by their letters: [word, count, the offsets of the
    syllable boundaries inside it]; ``total``: all counts added up."""

    def __init__(self, path: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        self.log_total: float = math.log(data["total"])
        self.words: dict[str, list[tuple[str, int, list[int]]]] = data["words"]
        self.longest: int = max(map(len, self.words))


@cache
def _table() -> _Table:
    return _Table(TABLE)
