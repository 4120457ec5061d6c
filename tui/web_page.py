"""The page `xinsheng serve` hands to browsers, without the call to Google's font service.

textual-serve's page links a stylesheet on fonts.googleapis.com. In mainland China that address is often blocked,
and a blocked stylesheet in the page head holds the whole page until the browser gives up on it. The page is taken
from the installed textual-serve at run time, with that one link removed; the terminal itself keeps its own fonts.
"""

from __future__ import annotations

import re
from pathlib import Path

_GOOGLE_FONTS = re.compile(r"<link\b[^>]*fonts\.googleapis\.com[^>]*>\s*", re.S)


def offline_templates(folder: Path) -> Path:
    """A templates folder for textual-serve's Server: its own templates, minus external font links."""
    import textual_serve

    source = Path(textual_serve.__file__).parent / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    for template in source.glob("*.html"):
        page = template.read_text(encoding="utf-8")
        (folder / template.name).write_text(_GOOGLE_FONTS.sub("", page), encoding="utf-8")
    return folder
