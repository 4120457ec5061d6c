"""Building a matcher from the database: the catalog as it stands and every confirmed routing.

The engine itself knows no database; this module is where rows become its inputs.
"""

from __future__ import annotations

from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from models.matching.engine import ItemInfo, Matcher
from models.matching.examples import example_rows
from models.matching.index_file import catalog_model_cache, load_history
from models.store.tables import CatalogItem, Department


def load_matcher(
    session: Session, *, use_cache: bool = True, warm: bool = False, catalog_only: bool = False
) -> Matcher:
    """A matcher over the catalog and every confirmed routing in the database.

    The history index is kept in the user cache directory and only extended with routings confirmed since it
    was saved, so a new process answers in well under a second even with 100,000 examples. `catalog_only` leaves
    the history out altogether: the admission door reads tasks against the list alone, and an import of tasks
    need not build (and calibrate) an index of residents' requests it would never consult.
    """
    lead = aliased(Department)
    rows = session.exec(
        select(CatalogItem, lead.name, lead.active).join(lead, col(CatalogItem.department_id) == lead.id, isouter=True)
    ).all()
    items = [
        ItemInfo(
            code=item.code,
            name=item.name,
            category=item.category,
            department=department or "",
            duty=item.duty,
            keywords=tuple(item.keyword_list()),
            description=item.description,
            merged_into=item.merged_into,
            id=item.id,
            active=active is not False,  # a disabled department takes no work: its items are not suggested
            certificate=item.certificate,
            apply_at=item.apply_at,
        )
        for item, department, active in rows
    ]
    matcher = Matcher(items, catalog_model=catalog_model_cache(session) if use_cache else None)
    if catalog_only:
        return matcher
    if use_cache:
        # the catalog side is cheap; only history is cached. `warm` pages the cache file in at load (the TUI, in
        # its background thread), so the first keystrokes do not wait on page faults
        matcher.history = load_history(session, matcher, warm=warm)
    else:
        matcher.history = matcher.build_history(example_rows(session))
    return matcher
