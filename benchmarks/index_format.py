"""Index file format benchmark: the persisted history index as numpy's own .npy files against the custom flat file.

    python -m benchmarks.index_format [--examples 100000] [--runs 9]

Both formats hold the same HistoryIndex: a synthetic history grown from the 2,000 dev titles with the latency
benchmark's rewordings (benchmarks.matching), built through Matcher.build_history as a rebuild from the database
would. Each run is a new process that builds the catalog matcher and runs one match first (imports, OpenCC and the
catalog are the same for both formats and are not what is compared), then times reading the index and answering the
first match against it. "cold": the index files' pages are dropped from the page cache before the run (fsync +
posix_fadvise DONTNEED; the interpreter and its libraries stay cached); "warm": right after a run of the same format.

- custom: format 3, one file of 64-byte-aligned arrays behind a JSON header, memory-mapped (kept below as it shipped,
  so the comparison can be repeated);
- npy: what models.matching.index_file writes now, one .npy per array read with np.load(mmap_mode="r"), beside a
  JSON manifest.

Needs ../shared/data (or XINSHENG_SHARED_DATA).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from models.matching.history_index import HistoryIndex

DATA = Path(os.environ.get("XINSHENG_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
SEED = 2026
QUERY = "小区路灯坏了好几天没人修"

# ---------------------------------------------------------------- format 3, as it shipped before the .npy files

MAGIC = b"XSIDX3\n"
ALIGN = 64


def _aligned(offset: int) -> int:
    return -(-offset // ALIGN) * ALIGN


def write_custom(path: Path, meta: dict[str, Any], index: HistoryIndex) -> None:
    everything = index.to_arrays()
    arrays = {name: np.ascontiguousarray(a) for name, a in everything.items() if a.dtype.kind != "U"}
    layout: dict[str, tuple[str, list[int], int]] = {}
    offset = 0
    for name, array in arrays.items():
        layout[name] = (array.dtype.str, list(array.shape), offset)
        offset = _aligned(offset + array.nbytes)
    strings = {name: str(a) for name, a in everything.items() if a.dtype.kind == "U"}
    header = json.dumps({"meta": meta, "strings": strings, "arrays": layout}, ensure_ascii=False).encode()
    data_start = _aligned(len(MAGIC) + 8 + len(header))
    with path.open("wb") as fh:
        fh.write(MAGIC + np.asarray([len(header)], dtype="<u8").tobytes() + header)
        for name, array in arrays.items():
            fh.seek(data_start + layout[name][2])
            array.tofile(fh)


def read_custom(path: Path) -> tuple[dict[str, Any], HistoryIndex]:
    mapped = np.memmap(path, dtype=np.uint8, mode="r")
    if bytes(mapped[: len(MAGIC)]) != MAGIC:
        raise ValueError("not a format 3 file")
    start = len(MAGIC) + 8
    header_length = int(np.frombuffer(mapped, dtype="<u8", count=1, offset=len(MAGIC))[0])
    header = json.loads(bytes(mapped[start : start + header_length]).decode("utf-8"))
    data_start = _aligned(start + header_length)
    arrays: dict[str, Any] = {name: np.asarray(text) for name, text in header["strings"].items()}
    for name, (dtype, shape, offset) in header["arrays"].items():
        count = int(np.prod(shape)) if shape else 1
        view = np.frombuffer(mapped, dtype=np.dtype(dtype), count=count, offset=data_start + offset)
        arrays[name] = view.reshape(shape)
    return header["meta"], HistoryIndex.from_arrays(arrays)


# ---------------------------------------------------------------- the measurement


def _files(path: Path) -> list[Path]:
    return [path] if path.suffix == ".idx" else [path, *sorted(path.parent.glob(f"{path.stem}.*.npy"))]


def _drop_from_page_cache(paths: list[Path]) -> None:
    for path in paths:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)  # dirty pages cannot be dropped
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


PROBE = """
import csv, json, sys, time
from pathlib import Path
from benchmarks.index_format import read_custom
from models.matching.engine import ItemInfo, Matcher
from models.matching.index_file import _read
with open(sys.argv[2], encoding="utf-8-sig") as fh:
    items = [ItemInfo(r["code"], r["name"], r["category"], r["department"], r["duty"]) for r in csv.DictReader(fh)]
matcher = Matcher(items)
matcher.match(sys.argv[3] + "?")  # the catalog side, OpenCC and the query path's imports, the same for both formats
path = Path(sys.argv[1])
start = time.perf_counter()
meta, index = read_custom(path) if path.suffix == ".idx" else _read(path)
matcher.history = index
loaded = time.perf_counter()
department = matcher.match(sys.argv[3]).department
done = time.perf_counter()
assert len(index) == meta["count"], (len(index), meta)
print(json.dumps({"load": loaded - start, "first": done - loaded, "department": department}))
"""


def _probe(path: Path, catalog: Path) -> dict[str, Any]:
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(path), str(catalog), QUERY], capture_output=True, text=True, check=True
    ).stdout
    result: dict[str, Any] = json.loads(out)
    result["process"] = time.perf_counter() - started
    return result


def _history(examples: int) -> tuple[HistoryIndex, float]:
    import opencc

    from benchmarks.matching import _variation
    from models.matching.engine import ItemInfo, Matcher

    with (DATA / "tipdm_dev_2000.csv").open(encoding="utf-8-sig") as fh:
        dev = list(csv.DictReader(fh))
    with (DATA / "taxonomy_catalog.csv").open(encoding="utf-8-sig") as fh:
        items = [ItemInfo(r["code"], r["name"], r["category"], r["department"], r["duty"]) for r in csv.DictReader(fh)]
    to_traditional = opencc.OpenCC("s2t").convert
    rng = random.Random(SEED)
    rows = []
    for _ in range(examples):
        source = rng.choice(dev)
        text = source["title"] + (source["text"][:60] if rng.random() < 0.3 else "")
        rows.append((_variation(rng, text, to_traditional), None, source["label"]))
    started = time.perf_counter()
    index = Matcher(items).build_history(rows)
    return index, time.perf_counter() - started


def _summary(samples: list[float]) -> str:
    ms = sorted(1000 * s for s in samples)
    return f"{statistics.median(ms):7.1f} ms  ({ms[0]:.1f}–{ms[-1]:.1f})"


def main() -> None:
    from models.matching import index_file

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=9, help="new processes per format and cache state")
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"development data not found at {DATA} (set XINSHENG_SHARED_DATA)")
    python = sys.version.split()[0]
    print(f"index format benchmark · {time.strftime('%Y-%m-%d')} · {os.cpu_count()} cores · Python {python}")
    index, build = _history(args.examples)
    meta = {"format": index_file.FORMAT, "count": len(index), "max_id": len(index), "catalog": [0, 0, 0]}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        custom, npy = tmp / "custom" / "history.idx", tmp / "npy" / "history.json"  # apart: a write drops older formats
        custom.parent.mkdir()
        started = time.perf_counter()
        write_custom(custom, meta, index)
        written_custom = time.perf_counter() - started
        started = time.perf_counter()
        index_file._write(npy, meta, index)
        written_npy = time.perf_counter() - started
        sizes = {name: sum(p.stat().st_size for p in _files(path)) for name, path in (("custom", custom), ("npy", npy))}
        print(
            f"{len(index):,} examples, {len(index.vocab):,} n-grams; built in {build:.1f} s; "
            f"custom {sizes['custom'] / 1e6:.0f} MB written in {written_custom:.2f} s, "
            f"npy {sizes['npy'] / 1e6:.0f} MB in {len(_files(npy))} files written in {written_npy:.2f} s"
        )
        catalog = DATA / "taxonomy_catalog.csv"
        results: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for _ in range(args.runs):  # interleaved, so drift of a noisy machine hits both formats alike
            for name, path in (("custom", custom), ("npy", npy)):
                _drop_from_page_cache(_files(path))
                results.setdefault((name, "cold"), []).append(_probe(path, catalog))
                results.setdefault((name, "warm"), []).append(_probe(path, catalog))
        answers = {r["department"] for runs in results.values() for r in runs}
        assert len(answers) == 1, answers
        print(f"\n{args.runs} new processes each; median (min–max). The first match answered {answers.pop()}.")
        print(f"  {'format':<8}{'cache':<7}{'load':>28}{'first match':>28}{'load + first match':>28}")
        for (name, state), runs in results.items():
            load = [r["load"] for r in runs]
            first = [r["first"] for r in runs]
            total = [r["load"] + r["first"] for r in runs]
            print(f"  {name:<8}{state:<7}{_summary(load):>28}{_summary(first):>28}{_summary(total):>28}")
        print("  whole process (spawn to exit, catalog and imports included), median:")
        for (name, state), runs in results.items():
            print(f"    {name:<8}{state:<7}{statistics.median(r['process'] for r in runs):.2f} s")


if __name__ == "__main__":
    main()
