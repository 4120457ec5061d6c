"""What a mismatched snapshot differs in, as text a CI log can show.

The snapshot plugin explains a mismatch only in an HTML report on the machine that ran the tests; a CI log then
says no more than "assert False", and a mismatch seen once under load cannot be told apart from a real change.
This reads the rows of both screenshots back out of the SVG and prints the rows that differ (or says the
difference is only in colour or style).
"""

from __future__ import annotations

import difflib
import html
import pickle
import re

import pytest

_TEXT = re.compile(
    r'<text class="([^"]*)" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#terminal-(?:\d+-)?line-(\d+)\)">([^<]*)</text>'
)
_RUN_ID = re.compile(r"terminal-\d+-")  # a fresh screenshot's classes carry a run id the stored one has not


def svg_rows(svg: str, *, styled: bool = False) -> list[str]:
    """The screen's rows as text (with each run's CSS class when `styled`)."""
    cells: dict[int, list[tuple[float, str]]] = {}
    for css, x, line, text in _TEXT.findall(svg):
        shown = html.unescape(text).replace("\xa0", " ")
        css = _RUN_ID.sub("terminal-", css)
        cells.setdefault(int(line), []).append((float(x), f"[{css}]{shown}" if styled else shown))
    return ["".join(text for _, text in sorted(cells.get(n, []))) for n in range(max(cells, default=-1) + 1)]


def snapshot_difference(node: pytest.Item) -> str:
    """The rows in which the last snap_compare of this test differed from the stored snapshot."""
    from pytest_textual_snapshot import node_to_report_path

    try:
        data = pickle.loads(node_to_report_path(node).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError):
        return "the snapshot differs (the plugin kept no data to compare)"
    expected, actual = str(data[1] or ""), str(data[2] or "")
    for styled in (False, True):
        diff = list(
            difflib.unified_diff(
                svg_rows(expected, styled=styled),
                svg_rows(actual, styled=styled),
                "snapshot",
                "this run",
                lineterm="",
                n=1,
            )
        )
        if diff:
            kind = "text" if not styled else "colour or style only (rows with their CSS classes)"
            return f"the snapshot differs in {kind}:\n" + "\n".join(diff)
    return "the snapshot differs outside the screen's text (size, title or layout of the SVG)"
