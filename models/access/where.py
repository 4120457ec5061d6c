"""Where a sign-in comes from, as the audit records it: the browser's address under `xinsheng serve`, otherwise
the terminal device, the system user and the machine."""

from __future__ import annotations

import getpass
import os
import socket
import sys

from models.core.config import config
from models.core.text import one_line


def here() -> str:
    """One visible line of at most 200 characters: the parts come from the environment, which whoever starts the
    process controls, and must not be able to write a second line into the audit."""
    return one_line(_here())[:200]


def _here() -> str:
    remote = config().remote_address
    if remote:
        return f"浏览器 {remote}"
    terminal = ""
    for stream in (sys.stdin, sys.stderr, sys.stdout):
        try:
            terminal = os.ttyname(stream.fileno())
            break
        except (OSError, ValueError, AttributeError):
            continue
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid())
    return f"终端 {terminal or '无'} {user}@{socket.gethostname()}"
