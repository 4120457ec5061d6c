"""How an opinion and its contributor are shown wherever they leave the database (the screen, `consult show`, the
submission, the callback list): written once, so the consent rule and the masking cannot drift between them."""

from __future__ import annotations

from models.core.text import mask_name, mask_personal, show_controls
from models.store.tables import Opinion


def shown_words(opinion: Opinion, resident: str | None = None) -> str:
    """An opinion's words as given, but its control characters escaped, its phones and ID numbers masked, and the
    contributor's own name too unless they consented to be named. `resident` is the name on the request an
    opinion came in as: that resident never consented to be named in a submission, so it is masked always."""
    names = [] if opinion.consent else [opinion.contributor_name or ""]
    return mask_personal(show_controls(opinion.text), [*names, resident or ""])


def shown_name(opinion: Opinion) -> str:
    """The contributor's name for staff: in full with their consent, masked without (王**), "" when none was left."""
    if not opinion.contributor_name:
        return ""
    return opinion.contributor_name if opinion.consent else mask_name(opinion.contributor_name)
