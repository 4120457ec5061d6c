"""The interface language: Chinese is the source, `--lang en` shows English.

gettext-style: code writes `tr("登记")` with the Chinese text as the message id, and every translation lives in the
one catalog below (tui/strings_en.py), never scattered through the screens. A string without a translation shows in
Chinese, so a missing entry degrades to the original rather than to a blank. The language is chosen once, before
the screens are imported (their key bindings are class attributes).
"""

from __future__ import annotations

from models.core.config import LANGUAGES, config, export_language

_language = config().language


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        from models.core.errors import UserError

        raise UserError(f"--lang 应为 {'、'.join(LANGUAGES)} 之一，收到 “{language}”")
    _language = language
    export_language(language)  # browser sessions started by `xinsheng serve` inherit it


def language() -> str:
    return _language


def tr(text: str) -> str:
    if _language == "zh":
        return text
    from tui.strings_en import EN

    return EN.get(text, text)
