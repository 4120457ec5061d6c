"""The history index persisted between processes, in the user cache directory.

A saved index is reused when the catalog is unchanged and no confirmed routing has been removed; routings added
since it was saved are appended without re-reading the rest. Anything else rebuilds it. The cache is only ever a
speed-up: a missing, stale, corrupt or unwritable file just means building from the database.

The index is numpy's own format: one .npy file per array, memory-mapped by np.load(mmap_mode="r"), so a new
process reads only the pages its queries touch (the vocabulary lookup, the columns of the query's n-grams) instead
of the whole index, which is 133 MB at 100,000 examples. Beside them, a JSON manifest (cache_path) holds the
metadata that decides reuse, the label names, and which generation of array files is current. A write saves a new
generation and then replaces the manifest, so a reader gets one whole generation or a miss (and rebuilds), never a
mix; older generations are deleted after (a process that has them mapped keeps reading them).

Format 3 was one custom file of aligned arrays behind a JSON header. Measured against it (`python -m
benchmarks.index_format`: 100,000 examples, new processes, median of 15, 2 cores), load + first match is within
noise with a cold cache (91 against 101 ms; 121 against 116 ms in another run) and 2–3 ms slower warm (7.3 against
4.9 ms: opening 14 files and parsing their headers instead of one), next to a start of about a second in all.
That is not worth a file format of our own to keep right.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import func
from sqlmodel import Session, select

from models.core.config import cache_dir
from models.core.private import private_dir, private_opener, write_private_text
from models.matching.engine import CatalogModelSource, Labels, Matcher, build_catalog_model
from models.matching.examples import example_rows
from models.matching.history_index import HistoryIndex
from models.store.tables import CatalogItem, MatchExample

FORMAT = 5  # 3: one custom flat file (.idx); 4: .npy files and a JSON manifest; 5: phrases, fusion
PAGE = 4096


def cache_path(session: Session) -> Path:
    """The manifest of the database's saved index; its arrays are the .npy files beside it that share its stem."""
    url = session.get_bind().engine.url.render_as_string(hide_password=True)
    return cache_dir() / f"history-{hashlib.sha1(url.encode()).hexdigest()[:16]}.json"


def catalog_model_cache(session: Session) -> CatalogModelSource:
    """Where the catalog's department model is kept between processes: keyed by the documents themselves, so any
    change to the catalog (or to how it is read) builds it afresh. Building it imports scipy (about 0.1 s) and takes
    as long again; reading it needs numpy alone."""
    url = session.get_bind().engine.url.render_as_string(hide_password=True)
    path = cache_dir() / f"catalog-{hashlib.sha1(url.encode()).hexdigest()[:16]}.json"

    def source(texts: list[str], labels: Labels) -> HistoryIndex:
        key = hashlib.sha1(json.dumps([texts, labels], ensure_ascii=False).encode()).hexdigest()
        cached = _read(path) if path.exists() else None
        if cached is not None and cached[0] == {"format": FORMAT, "documents": key}:
            return cached[1]
        model = build_catalog_model(texts, labels)
        _write(path, {"format": FORMAT, "documents": key}, model)
        return model

    return source


def _array_path(manifest: Path, generation: str, name: str) -> Path:
    return manifest.with_name(f"{manifest.stem}.{generation}.{name}.npy")


def _state(session: Session) -> dict[str, Any]:
    count, max_id = session.exec(select(func.count(), func.coalesce(func.max(MatchExample.id), 0))).one()
    items, revision, item_max = session.exec(
        select(
            func.count(),
            func.coalesce(func.max(CatalogItem.revision_id), 0),
            func.coalesce(func.max(CatalogItem.id), 0),
        )
    ).one()
    return {
        "format": FORMAT,
        "count": int(count or 0),
        "max_id": int(max_id or 0),
        "catalog": [int(items or 0), int(revision or 0), int(item_max or 0)],
    }


def _read(path: Path, warm: bool = False) -> tuple[dict[str, Any], HistoryIndex] | None:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        generation = str(manifest["generation"])
        arrays: dict[str, Any] = {name: np.asarray(text) for name, text in manifest["strings"].items()}
        for name in manifest["arrays"]:
            array = np.load(_array_path(path, generation, name), mmap_mode="r", allow_pickle=False)
            if warm and array.size:  # touch one byte per page: the first keystrokes then never wait on the disk
                int(np.asarray(array).reshape(-1).view(np.uint8)[::PAGE].sum())
            arrays[name] = array
        return manifest["meta"], HistoryIndex.from_arrays(arrays)
    except (OSError, ValueError, KeyError, TypeError, IndexError, UnicodeDecodeError):
        return None


def _write(path: Path, meta: dict[str, Any], index: HistoryIndex) -> None:
    generation = os.urandom(6).hex()
    ours = f"{path.stem}.{generation}."
    try:
        private_dir(path.parent)  # the index holds residents' words: 0600 files in a 0700 folder
        strings: dict[str, str] = {}
        names: list[str] = []
        for name, array in index.to_arrays().items():
            if array.dtype.kind == "U":
                strings[name] = str(array)
            else:
                with open(_array_path(path, generation, name), "wb", opener=private_opener) as fh:
                    np.save(fh, np.ascontiguousarray(array), allow_pickle=False)
                names.append(name)
        manifest = {"meta": meta, "generation": generation, "strings": strings, "arrays": names}
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        write_private_text(partial, json.dumps(manifest, ensure_ascii=False))
        partial.replace(path)  # the switch: a reader sees the whole old generation or the whole new one
    except OSError:  # a read-only or full disk costs speed next time, nothing else
        _unlink(p for p in path.parent.glob(f"{path.stem}.*.npy") if p.name.startswith(ours))
        return
    # earlier generations (a process that has them mapped keeps its pages), and the formats before this one
    _unlink(p for p in path.parent.glob(f"{path.stem}.*.npy") if not p.name.startswith(ours))
    _unlink((path.with_suffix(".idx"), path.with_suffix(".npz")))


def _unlink(paths: Iterable[Path]) -> None:
    with contextlib.suppress(OSError):
        for path in paths:
            with contextlib.suppress(OSError):  # still mapped where that forbids deleting (Windows): next time
                path.unlink(missing_ok=True)


def load_history(session: Session, matcher: Matcher, *, warm: bool = False) -> HistoryIndex:
    state = _state(session)
    path = cache_path(session)
    cached = _read(path, warm) if path.exists() else None
    if cached is not None:
        meta, index = cached
        same_world = meta.get("format") == FORMAT and meta.get("catalog") == state["catalog"]
        cached_count, cached_max = int(meta.get("count", -1)), int(meta.get("max_id", -1))
        if same_world and cached_count <= int(state["count"]) and cached_max <= int(state["max_id"]):
            newer = example_rows(session, after_id=cached_max)
            if cached_count + len(newer) == state["count"]:
                if newer:
                    index.extend(*matcher.prepare_examples(newer))
                    _write(path, state, index)
                return index
    index = matcher.build_history(example_rows(session))
    _write(path, state, index)
    return index
