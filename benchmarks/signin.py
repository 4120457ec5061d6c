"""How long a sign-in takes with the Argon2id parameters of models.access.passwords (issue 14 asks 50–500 ms).

    python -m benchmarks.signin

Measures the hash alone and a whole `sign_in` (lookup, verify, audit row, commit) on a SQLite file.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path


def main(rounds: int = 20) -> None:
    from models.access.passwords import hash_password, verify_password
    from models.access.signin import sign_in
    from models.people.permissions import add_operator
    from models.store.engine import open_engine, run_unit, session_scope
    from models.store.tables import Operator

    password = "Bench-2026x"
    stored = hash_password(password)
    verify = []
    for _ in range(rounds):
        start = time.perf_counter()
        verify_password(stored, password)
        verify.append(time.perf_counter() - start)
    with tempfile.TemporaryDirectory() as folder:
        engine = open_engine(Path(folder) / "bench.db")
        with session_scope(engine) as session:
            operator: Operator = add_operator(session, "测试员", "supervisor")
            operator.password_hash = stored
        whole = []
        for _ in range(rounds):
            start = time.perf_counter()
            outcome = run_unit(engine, lambda s: sign_in(s, "测试员", password, where="bench"))
            whole.append(time.perf_counter() - start)
            assert outcome.actor is not None
        engine.dispose()
    for label, times in (("Argon2id verify", verify), ("sign_in on SQLite", whole)):
        ms = sorted(1000 * t for t in times)
        median = statistics.median(ms)
        print(f"{label:20} median {median:6.1f} ms   min {ms[0]:6.1f}   max {ms[-1]:6.1f}   (n={rounds})")


if __name__ == "__main__":
    main()
