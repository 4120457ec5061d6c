"""Text normalization shared by matching, duplicate search and imports.

Residents type full-width forms, traditional characters, emoji and stray punctuation; matching must see the same
string for all of them, so everything goes through NFKC, OpenCC traditional→simplified and a filter that keeps
only letters and digits (CJK included), lower-cased.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

_converter: Any = None


def _t2s() -> Any:
    global _converter
    if _converter is None:
        import opencc

        _converter = opencc.OpenCC("t2s")
    return _converter


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text)
    simplified = _t2s().convert(folded)
    return "".join(ch for ch in simplified if ch.isalnum()).lower()


# words of the hotline register itself ("请问……是否……何时……问题"): frequent in requests, rare in catalog item names, so
# against the catalog they would look like strong evidence for the few items that happen to contain them
FILLER_WORDS = (
    "请问", "咨询", "反映", "投诉", "举报", "关于", "问题", "希望", "建议", "是否", "能否", "何时", "为什么",
    "怎么", "如何", "请求", "要求", "领导", "您好", "你好", "谢谢", "严重", "一直", "什么", "多少", "可以",
    "应该", "我们", "市民", "居民", "这种", "这个",
)  # fmt: skip
_FILLER = re.compile("|".join(FILLER_WORDS))


def strip_filler(normalized: str) -> str:
    """A normalized request without the hotline's own words, for matching against the catalog."""
    return _FILLER.sub("", normalized)


# C0 and C1 controls other than tab and line breaks, and the bidirectional marks, embeddings, overrides and isolates
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")


def show_controls(text: str) -> str:
    """Text kept verbatim with its control characters (an opinion on a draft law) as it may be shown or written
    out: every line break as a plain one (Word's soft return \\x0b included, and a bare \\r that would overwrite
    the terminal's line), and every other control character as its escape (\\x1b), so that what was stored can
    neither drive a terminal nor break a Word or Excel file, and still says what it was."""
    text = _LINE_BREAKS.sub("\n", text)
    return _CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def json_escapes(encoded: str) -> str:
    """JSON written with ensure_ascii=False (Chinese as itself) but with every control and bidi character as its
    \\u escape, which json.dumps leaves raw above U+007F: the same data once parsed, and nothing a terminal acts on
    or that turns a line around when it is printed."""
    return _CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


def drop_controls(text: str) -> str:
    """Without control characters (other than tab and line breaks) or bidi controls: an escape sequence pasted into
    a request or hidden in a spreadsheet must not reach the next terminal that prints it, and a right-to-left
    override must not make "退款13800001111" read as something else on the screen, in an export or in the log."""
    return _CONTROLS.sub("", text)


def phone_text(phone: str | None) -> str:
    """A phone number as stored: digits typed in full width (１３８…) or from another script become ASCII, and
    full-width signs (－（）＋) their ASCII forms, so a search, a mask and a callback find the same number."""
    if not phone:
        return ""
    folded = unicodedata.normalize("NFKC", phone)
    digits = "".join(str(d) if (d := unicodedata.decimal(ch, None)) is not None else ch for ch in folded)
    return " ".join(drop_controls(digits).split())


def one_line(text: str) -> str:
    """A message as one visible line: control characters and line breaks shown as escapes, never acted on."""
    return re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\x85]", lambda m: repr(m.group())[1:-1], text)


def display_width(text: str) -> int:
    """How many terminal columns the text takes: Chinese characters take two, so len() misaligns tables."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


_WRAP_TOKENS = re.compile(r"[\x21-\x7e]+|\s+|.", re.S)  # a run of ASCII (a word, an option, a path) stays whole
_NO_LINE_START = frozenset("，。、；：？！）》」』】,.;:?!)]")


def wrap_width(text: str, width: int) -> list[str]:
    """Lines of at most `width` terminal columns. Chinese breaks between any two characters, ASCII runs only at
    spaces (one longer than a line is cut), and a line never starts with a comma or a closing bracket: the character
    before it goes down with it (GB/T 15834 line-breaking, as a typesetter would)."""
    width = max(width, 4)
    lines: list[list[str]] = [[]]
    used = 0
    for token in _WRAP_TOKENS.findall(text):
        if token.isspace():
            if lines[-1]:
                lines[-1].append(" ")
                used += 1
            continue
        size = display_width(token)
        if used + size > width and lines[-1]:
            carried: list[str] = []
            if token[0] in _NO_LINE_START and len(lines[-1]) > 1 and not lines[-1][-1].isspace():
                carried.append(lines[-1].pop())
            while lines[-1] and lines[-1][-1] == " ":
                lines[-1].pop()
            lines.append(carried)
            used = sum(display_width(t) for t in carried)
        while size > width:  # an ASCII run longer than a whole line
            room = width - used
            lines[-1].append(token[:room])
            lines.append([])
            token, used = token[room:], 0
            size = len(token)
        lines[-1].append(token)
        used += size
    return ["".join(line).rstrip() for line in lines if line] or [""]


def clean_cell(value: object) -> str:
    """A spreadsheet cell as one tidy line: tabs, newlines and non-breaking spaces become single spaces."""
    if value is None:
        return ""
    text = str(value).replace("\u00a0", " ").replace("\u3000", " ")
    return " ".join(drop_controls(text).split())


def char_ngrams(text: str, sizes: tuple[int, ...] = (1, 2)) -> list[str]:
    """Overlapping character n-grams of an already normalized string (Chinese has no spaces to split on)."""
    grams: list[str] = []
    for n in sizes:
        grams.extend(text[i : i + n] for i in range(len(text) - n + 1))
    return grams


def mask_name(name: str | None) -> str:
    if not name:
        return ""
    return name[0] + "*" * max(1, len(name) - 1)


def phone_digits(phone: str | None) -> str:
    """The digits that identify a phone, however it was written: '+86 139-1234-5678' and '１３９１２３４５６７８' are
    13912345678; a landline keeps its area code (010-6234-5678 → 01062345678)."""
    digits = "".join(str(d) for ch in phone or "" if (d := unicodedata.decimal(ch, None)) is not None)
    if digits.startswith("0086"):
        return digits[4:]
    if digits.startswith("86") and len(digits) == 13:
        return digits[2:]
    return digits


def mask_phone(phone: str | None) -> str:
    """A phone with only what identifies nobody: a mobile keeps its first three and last four digits (138****5678,
    the network and the line's end, as bills print it), any other number only its last four (****5678: an 8-digit
    landline with 7 digits shown was as good as none hidden). A +86 or 0086 in front is dropped."""
    if not phone:
        return ""
    digits = phone_digits(phone)
    if len(digits) == 11 and digits[0] == "1":
        return digits[:3] + "****" + digits[-4:]
    return "*" * max(len(digits) - 4, 0) + digits[-4:] if len(digits) > 4 else "*" * len(digits)


_D = "[0-9０-９]"
_S = r"[ \u3000\-－—–.·]?"  # one separator people put inside a number (the ideographic space too)
# what people put between the digits or the groups of a phone they write down or paste: spaces of every kind (a
# line break where a cell wrapped, a zero-width space from a web page), dashes, dots, slashes, tildes; up to two
_G = r"[\s\u3000\u00a0\u200b-\u200d\u2060\ufeff\-－—–.·/／~～、_]{0,2}"
_MOBILE = rf"[1１]{_G}[3-9３-９](?:{_G}{_D}){{9}}"  # 138-1234-5678, 13812345678, 1 3 8 1…, 138/1234/5678
# what follows a count, an amount or a measure: 1000000元, 2500000平方米 are not numbers to hide, and an opinion on a
# draft law is passed on with its figures (a phone, a landline with its area code and an ID number are masked anyway)
_UNITS = "元|万|亿|块|%|％|‰|平方|平米|平|亩|米|公里|吨|人|户|次|个|辆|台|套|间|份|条|件|天|倍|号(?!码)"
_NOT_A_COUNT = rf"(?![0-9０-９]|\s?(?:{_UNITS}))"
# a span of years (2025-2030, 2025 2030) or of round figures (3000-5000: a wage, an area), which read like a local
# number in two halves
_NOT_YEARS = r"(?!(?:1[89]|20)[0-9]{2}[\-－ \u3000~～](?:1[89]|20)[0-9]{2}(?![0-9０-９]))"
_NOT_A_RANGE = r"(?![0-9]{1,2}00[\-－ \u3000~～][0-9]{2}00(?![0-9０-９]))"
# every common writing of a phone or an ID number inside free text; dates (2026-03-02) and times (09:30) are not
_PERSONAL_NUMBER = re.compile(
    rf"(?<![0-9０-９])(?:"
    rf"{_D}(?:{_G}{_D}){{16}}{_G}[0-9０-９Xx]"  # an ID number: 18 digits, written whole or in groups
    rf"|(?:(?:\+|＋)\s?[8８][6６]|[0０]{{2}}[8８][6６]){_G}{_MOBILE}"  # +86 138 1234 5678
    rf"|{_MOBILE}"
    # 010-6234-5678, (0755) 8888 1234; no area code starts 00 (that is 0086, the country)
    rf"|[(（]?[0０][1-9１-９]{_D}{{1,2}}[)）]?{_S}{_D}{{3,4}}{_S}{_D}{{4}}"
    rf"|{_NOT_YEARS}{_NOT_A_RANGE}{_D}{{3,4}}[ \u3000\-－]{_D}{{4}}{_NOT_A_COUNT}"  # 6234-5678: a local number
    rf"|{_D}{{7,}}{_NOT_A_COUNT}"  # any other run of 7 or more digits
    rf")(?![0-9０-９])"
)


# a mobile noted as it was said: in Chinese numerals (一三八一二三四五六七八), the financial ones (壹叁捌…), the
# radio ones (幺 1, 两 2, 拐 7, 勾 9, 洞 0), or those mixed with digits (138一二三四五六七八)
_SAID = "0-9０-９〇零洞一幺壹二两贰三叁四肆五伍六陆七柒拐八捌九玖勾"
_SAID_DIGITS = str.maketrans("〇零洞一幺壹二两贰三叁四肆五伍六陆七柒拐八捌九玖勾", "0001112223344556677788999")
_SAID_MOBILE = re.compile(
    rf"(?<![{_SAID}])[1１一幺壹]{_G}[3-9３-９三叁四肆五伍六陆七柒拐八捌九玖勾](?:{_G}[{_SAID}]){{9}}(?![0-9０-９])"
)


def mask_personal(text: str, names: Iterable[str] = ()) -> str:
    """Free text as anyone may see it: every phone and ID number in it masked however it was written (spaces,
    dashes, +86, full-width digits, landlines with their area code), and the given names (the resident's own)
    masked where they appear. The one masking function for text: lists, details, reports, exports, explanations,
    error messages and the log all go through it."""
    if not text:
        return text
    masked = _PERSONAL_NUMBER.sub(lambda m: mask_phone(m.group()), text)
    masked = _SAID_MOBILE.sub(lambda m: mask_phone(m.group().translate(_SAID_DIGITS)), masked)
    for name in names:
        name = (name or "").strip()
        if len(name) >= 2:
            masked = masked.replace(name, mask_name(name))
    return masked


# SQLAlchemy quotes the statement's bound values after the SQL; an import's batch is thousands of residents' rows
_BOUND_VALUES = re.compile(r"\[parameters: .*?\](?=\n\(Background|\n*\Z)", re.S)


def scrub_failure(text: str) -> str:
    """A traceback or an error message fit for a log or a screen: a database error's bound values dropped (they are
    the rows being written) and what is left masked like any text."""
    return mask_personal(_BOUND_VALUES.sub("[parameters: 已略去]", text))


@lru_cache(maxsize=8192)
def pinyin_initials(text: str) -> str:
    """楼道座椅 → ldzy: how workers type a search without switching to a Chinese input method.

    Read phrase by phrase (pypinyin's phrase dictionary), so polyphonic characters take the reading of their word:
    银行 → yh, 重庆 → cq. Letters and digits stand for themselves; everything else is dropped by normalize().
    """
    from pypinyin import Style, lazy_pinyin

    normalized = normalize(text)
    if not normalized:
        return ""
    return "".join(lazy_pinyin(normalized, style=Style.FIRST_LETTER, errors="default")).lower()


# characters that change how a name looks without being seen: controls, zero-width joiners and spaces, bidi marks
_INVISIBLE_CATEGORIES = ("Cc", "Cf", "Co", "Cs")
# Hangul fillers are letters that print as nothing: 管理员 followed by one reads exactly as 管理员
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")
_LOOK_ALIKE_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK"})
NAME_LIMIT = 40


def operator_name(text: str) -> str:
    """An operator's name as it is stored: NFKC, single spaces, nothing invisible.

    A name is how colleagues recognise each other in the audit trail; one that hides a right-to-left mark or a
    zero-width space can pass for someone else's, so such characters are refused rather than silently dropped.
    """
    from models.core.errors import UserError

    name = " ".join(unicodedata.normalize("NFKC", text).split())
    for ch in name:
        if unicodedata.category(ch) in _INVISIBLE_CATEGORIES or ch in _BLANK_LETTERS:
            raise UserError(f"姓名含不可见或控制字符（U+{ord(ch):04X}），请重新输入")
    if not name:
        raise UserError("操作员姓名不能为空")
    if len(name) > NAME_LIMIT:
        raise UserError(f"姓名最长 {NAME_LIMIT} 个字符")
    if not normalize(name):
        raise UserError(f"姓名 “{name}” 没有文字或数字")
    scripts = {unicodedata.name(ch, "").split(" ")[0] for ch in name if ch.isalpha()} & _LOOK_ALIKE_SCRIPTS
    if len(scripts) > 1:  # Аdmin with a Cyrillic А reads as Admin
        raise UserError("姓名不能混用拉丁、西里尔、希腊字母（容易被看成另一个人的名字）")
    return name


def name_key(name: str) -> str:
    """How a name reads: 張三, 张 三 and ＺＨＡＮＧ三 are one key, so a look-alike of an existing name is refused."""
    return normalize(name)
