"""The full TipDM 2020 problem C message set (9,210 titles with their first-level label) as a CSV the matching
benchmark's `--curve-data` reads: the learning curve past the 2,000 development titles (issue 17, item 6).

    python -m benchmarks.tipdm_full 留言主题.zip -o /tmp/tipdm_full.csv

The input is `C_data/留言主题.zip` of the public repository Asimok/DataMining_study_before (commit 57ad42ab, 2020):
a contestant's 6:2:2 split of the challenge's 附件2 into `processed/{train3,dev3,test3}.txt`, one message title, a
tab and the label's number a line. The numbers are the labels in the order those authors' scripts list them. Only
titles and labels: the message bodies are not in that archive. The file is data for a benchmark and is not kept in
this repository; benchmarks/README.md gives the figures measured on it.
"""

from __future__ import annotations

import argparse
import csv
import sys
import zipfile
from collections import Counter
from pathlib import Path

LABELS = ("城乡建设", "环境保护", "交通运输", "教育文体", "劳动和社会保障", "商贸旅游", "卫生计生")
PARTS = ("processed/train3.txt", "processed/dev3.txt", "processed/test3.txt")


def read_archive(path: Path) -> list[tuple[str, str]]:
    """(title, label) for every line of the three parts, in the archive's order."""
    rows = []
    with zipfile.ZipFile(path) as archive:
        for part in PARTS:
            for number, line in enumerate(archive.read(part).decode("utf-8").splitlines(), 1):
                if not line.strip():
                    continue
                title, _, label = line.rpartition("\t")
                if not title.strip() or not label.strip().isdigit() or int(label) >= len(LABELS):
                    raise SystemExit(f"{part} line {number}: expected a title, a tab and 0–6")
                rows.append((title.strip(), LABELS[int(label)]))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("archive", type=Path, help="C_data/留言主题.zip of Asimok/DataMining_study_before")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the CSV to write (title,text,label)")
    parser.add_argument("--force", action="store_true", help="replace the output if it exists")
    args = parser.parse_args()
    if args.output.exists() and not args.force:
        sys.exit(f"--output {args.output} exists (add --force to replace it)")
    rows = read_archive(args.archive)
    with args.output.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["title", "text", "label"])
        writer.writerows((title, "", label) for title, label in rows)
    counts = ", ".join(f"{label} {n}" for label, n in Counter(label for _, label in rows).most_common())
    print(f"{len(rows):,} titles ({len({t for t, _ in rows}):,} distinct): {counts}")


if __name__ == "__main__":
    main()
