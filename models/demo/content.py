"""The demo street's content, read from the data files beside this module.

The words live in data files rather than in Python so that whoever writes them (a street office, a translator) edits
text, not code, and so that the catalog goes through the same import a real street's list goes through:

- catalog.csv is the duty catalog (事项清单) in the columns `xinsheng catalog import` reads; the builder imports it
  with that import, so the demo shows what a real import produces. CATALOG here is for benchmarks and tests that
  need the rows without a database.
- content.json holds everything else: the street, its communities (name → number of grids), its departments by
  level, the request scenarios, the slot values, names and the reasons and comments of the workflow, and the kinds
  of task departments push down to the street (the admission door's year).
- consultations.json holds the legislative contact point's three consultations: which draft (a text file under
  drafts/, written as the legislature publishes a draft for comment), when each opened and closed, and the opinions
  residents and others gave on it, verbatim, with what the legislature later did with some of them. The drafts are
  split by the same code that splits a draft `xinsheng consult new` reads.

Template strings may contain the slots {building}, {unit}, {road}, {place}, {shop}, {time} and {days}, filled from
SLOTS with str.format; no other braces appear in any string. The order of every list and mapping is part of the
demo: the builder draws from them with a seeded random generator, so reordering changes the database a seed gives.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TypedDict, cast

HERE = Path(__file__).parent
CATALOG_FILE = HERE / "catalog.csv"
CONTENT_FILE = HERE / "content.json"
CONSULTATIONS_FILE = HERE / "consultations.json"


class CatalogRow(TypedDict):
    """One catalog.csv row as text, the way the catalog import sees it (empty cells are empty strings)."""

    code: str
    name: str
    category: str
    department: str
    duty: str
    keywords: str
    hours_per_year: str
    description: str
    merged_into: str
    effective_from: str
    certificate: str
    apply_at: str


class Scenario(TypedDict):
    """One kind of request residents make, with the catalog item it truly belongs to."""

    item: str
    kind: str
    urgency: str
    titles: list[str]
    texts: list[str]
    resolutions: list[str]


class TaskTemplate(TypedDict):
    """One kind of task departments push down to the street (the admission door decides what it is)."""

    title: str
    content: str
    department: str
    kind: str
    source: str
    hours: list[float]  # low, high
    weight: float


class OpinionData(TypedDict, total=False):
    """One opinion as it was given. `articles` are the labels it was recorded against (全文: the whole draft); without
    them the article is found by matching, as an import finds it. `name` true draws a made-up name, a string is the
    name itself; `outcome` (an Adoption code) with its `final_text` and `note` is what the legislature decided."""

    text: str
    kind: str
    channel: str
    articles: list[str]
    name: bool | str
    consent: bool
    phone: bool
    outcome: str
    final_text: str
    note: str


class ConsultationData(TypedDict, total=False):
    """A consultation on one draft. Days count back from the day the demo is built (a negative `closes` is still
    to come); `forums` are the days after opening on which the 座谈会 were held. With `decided`, the outcomes came
    that many days ago (over `decided_spread` days): `stage` answered gives every opinion one, answering only those
    the data gives; `informed_share` of the contributors who can be reached were told soon after."""

    file: str
    issuer: str
    opens: int
    closes: int
    forums: list[int]
    stage: str
    decided: int
    decided_spread: int
    informed_share: float
    opinions: list[OpinionData]


def draft_text(consultation: ConsultationData) -> str:
    return (HERE / consultation["file"]).read_text(encoding="utf-8")


def _read_catalog() -> list[CatalogRow]:
    with CATALOG_FILE.open(encoding="utf-8", newline="") as fh:
        return cast(list[CatalogRow], list(csv.DictReader(fh)))


_data = json.loads(CONTENT_FILE.read_text(encoding="utf-8"))

STREET: str = _data["street"]
DISTRICT: str = _data["district"]
COMMUNITIES: list[tuple[str, int]] = list(_data["communities"].items())
DEPARTMENTS: list[tuple[str, str]] = [(name, level) for level, names in _data["departments"].items() for name in names]
CATEGORIES: list[str] = _data["categories"]
SCENARIOS: list[Scenario] = _data["scenarios"]
SLOTS: dict[str, list[str]] = _data["slots"]
SURNAMES: list[str] = _data["surnames"]
GIVEN_NAMES: list[str] = _data["given_names"]
RETURN_REASONS: list[str] = _data["return_reasons"]
REJECT_REASONS: list[str] = _data["reject_reasons"]
CALLBACK_COMMENTS: dict[str, list[str]] = _data["callback_comments"]
TASKS: list[TaskTemplate] = _data["tasks"]
RETURN_RULINGS: dict[str, list[str]] = _data["return_rulings"]
CATALOG: list[CatalogRow] = _read_catalog()
del _data
_consultations = json.loads(CONSULTATIONS_FILE.read_text(encoding="utf-8"))
CONSULTATIONS: list[ConsultationData] = _consultations["consultations"]
NOT_ADOPTED_NOTES: list[str] = _consultations["not_adopted_notes"]
del _consultations
