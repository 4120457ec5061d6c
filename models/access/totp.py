"""Two-factor codes (TOTP, RFC 6238, via pyotp): a six-digit code from the operator's phone app every 30 seconds.

A code is accepted once: the last time step used is kept, so a code read over someone's shoulder cannot be
replayed within its window. Enrolment shows the secret as text and as a QR code drawn with block characters, for
phone apps that scan it (微信/支付宝 小程序, Google Authenticator, FreeOTP…).
"""

from __future__ import annotations

import time

ISSUER = "心声 xinsheng"
STEP_SECONDS = 30


def new_secret() -> str:
    import pyotp

    return str(pyotp.random_base32())


def provisioning_uri(secret: str, name: str) -> str:
    import pyotp

    return str(pyotp.TOTP(secret).provisioning_uri(name=name, issuer_name=ISSUER))


def accepted_step(secret: str, code: str, last_step: int | None, at: float | None = None) -> int | None:
    """The time step the code belongs to (this one or either neighbour, for clocks a little apart), or None if it
    is wrong or was used already."""
    import pyotp

    code = "".join(code.split())
    if not (code.isdigit() and len(code) == 6):
        return None
    moment = time.time() if at is None else at
    totp = pyotp.TOTP(secret)
    step = int(moment // STEP_SECONDS)
    for candidate in (step, step - 1, step + 1):
        if last_step is not None and candidate <= last_step:
            continue
        if _same(totp.at(candidate * STEP_SECONDS), code):
            return candidate
    return None


def _same(a: str, b: str) -> bool:
    import hmac

    return hmac.compare_digest(a.encode(), b.encode())


def qr_lines(text: str) -> list[str]:
    """A QR code as lines of text, two modules per character cell (▀ ▄ █), with the quiet zone phones need."""
    import segno

    matrix = [list(row) for row in segno.make(text, error="m", micro=False).matrix]
    quiet = 2
    width = len(matrix[0]) + 2 * quiet
    rows = [[0] * width for _ in range(quiet)]
    rows += [[0] * quiet + [int(bool(v)) for v in row] + [0] * quiet for row in matrix]
    rows += [[0] * width for _ in range(quiet + (len(rows) + quiet) % 2)]
    # light modules drawn as blocks, dark as spaces: on a dark terminal that reads as dark-on-light, as scanners need
    glyph = {(1, 1): " ", (1, 0): "▄", (0, 1): "▀", (0, 0): "█"}
    return ["".join(glyph[(top, bottom)] for top, bottom in zip(rows[i], rows[i + 1], strict=True))
            for i in range(0, len(rows), 2)]  # fmt: skip
