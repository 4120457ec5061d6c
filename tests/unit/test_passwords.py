"""The password hash's parameters and the decoy that keeps unknown names from being told apart by time."""

from __future__ import annotations

import pytest

from models.access import passwords
from models.access.passwords import DECOY, hash_password, needs_rehash, verify_password


def test_the_decoy_is_made_with_the_parameters_in_use() -> None:
    assert not needs_rehash(DECOY)
    assert DECOY.startswith("$argon2id$")
    assert not verify_password(None, "anything")


def test_an_account_without_a_hash_costs_one_verification_like_any_other(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counted, not timed: an unknown name and a known one each cost one Argon2id verification with the same
    parameters and no hashing (a hash made on first use is what once told them apart)."""
    stored = hash_password("Real-2026x")
    calls: list[tuple[str, str]] = []
    real = passwords.hasher()

    class Counting:
        def verify(self, hash_: str, password: str) -> bool:
            calls.append(("verify", hash_.rsplit("$", 2)[0]))
            return real.verify(hash_, password)

        def hash(self, password: str) -> str:
            calls.append(("hash", ""))
            return real.hash(password)

    monkeypatch.setattr(passwords, "hasher", lambda: Counting())
    verify_password(None, "Wrong-2026x")
    verify_password(stored, "Wrong-2026x")
    assert [kind for kind, _ in calls] == ["verify", "verify"]
    assert calls[0][1].split("$")[3] == calls[1][1].split("$")[3]  # the same m, t, p
