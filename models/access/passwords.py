"""Passwords: the street's rules for choosing one, and the Argon2id hash that is all the database keeps.

The hash parameters are argon2-cffi's RFC 9106 "low memory" profile (Argon2id, 64 MiB, 3 passes, 4 lanes): about
90 ms per sign-in on a two-core office machine (`python -m benchmarks.signin`), slow enough that a stolen
database does not yield its passwords and fast enough that nobody waits. A hash made with older parameters is
re-made at the next successful sign-in.
"""

from __future__ import annotations

import secrets
import string
from functools import lru_cache
from typing import TYPE_CHECKING

from models.core.errors import UserError
from models.core.text import name_key

if TYPE_CHECKING:
    from argon2 import PasswordHasher

    from models.access.policy import SecurityPolicy

# the character classes a rule counts; a one-time password avoids the look-alikes (0/O, 1/l/I) read out by phone
_CLASSES = (string.ascii_lowercase, string.ascii_uppercase, string.digits)
_READABLE = ("abcdefghjkmnpqrstuvwxyz", "ABCDEFGHJKMNPQRSTUVWXYZ", "23456789")


@lru_cache(maxsize=1)
def hasher() -> PasswordHasher:
    from argon2 import PasswordHasher
    from argon2.profiles import RFC_9106_LOW_MEMORY

    return PasswordHasher.from_parameters(RFC_9106_LOW_MEMORY)


def hash_password(password: str) -> str:
    return hasher().hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """Whether the password matches; an account without a hash is checked against a throw-away one, so a wrong
    name takes as long to refuse as a wrong password (the time must not tell which names exist)."""
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return hasher().verify(stored or DECOY, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return hasher().check_needs_rehash(stored)


# the hash of a random password nobody kept, made with the parameters above: checking a name that has no hash costs
# exactly one verification, like any other (computing it on first use cost a second hash in every new process, and
# that ~100 ms told an unknown name from a known one); tests/unit/test_passwords.py holds it to the parameters
DECOY = "$argon2id$v=19$m=65536,t=3,p=4$eSlmirheuXlR2pcJAj1f4A$DSa5/66OaqR+SHgDwe5fn0SL0/Vsho8Jc6JNFoqNKDo"


def character_classes(password: str) -> int:
    """Lower case, upper case, digits, and anything else (punctuation, Chinese characters) as the fourth."""
    found = {i for ch in password for i, chars in enumerate(_CLASSES) if ch in chars}
    if any(not any(ch in chars for chars in _CLASSES) for ch in password):
        found.add(len(_CLASSES))
    return len(found)


def check_new_password(policy: SecurityPolicy, name: str, password: str) -> None:
    """Refuse a password the street's rules do not accept, saying which rule (never echoing the password)."""
    if len(password) < policy.min_length:
        raise UserError(f"密码至少 {policy.min_length} 个字符")
    if character_classes(password) < policy.char_classes:
        raise UserError(f"密码须包含小写字母、大写字母、数字、其他符号中的至少 {policy.char_classes} 类")
    key = name_key(name)
    if key and (key in name_key(password) or name_key(password) in key):
        raise UserError("密码不能包含或等于姓名")
    if password != password.strip() or any(not ch.isprintable() for ch in password):
        raise UserError("密码不能以空格开头或结尾，也不能含控制字符")


def one_time_password(length: int = 12) -> str:
    """A password an administrator reads out or hands over once; it must be changed at the first sign-in."""
    alphabet = "".join(_READABLE)
    while True:
        candidate = "".join(secrets.choice(alphabet) for _ in range(length))
        if all(any(ch in chars for ch in candidate) for chars in _READABLE):
            return candidate
