"""Measuring the affiliation resolver on a gold file in the S2AFF format (eval_affiliations).

Columns: `original_affiliation`, `labels` (a Python-style set of ROR URLs; other labels are
ignored), `split`. Only the rows with at least one label in the imported directory count; an
answer is right when its ROR id is one of the row's labels.
"""

import ast
import csv
import resource
import time
from dataclasses import dataclass

from .resolver import directory, resolve_affiliation
from .ror import ror_id_of

TARGETS = {"precision_at_1": 0.92, "chosen_share": 0.85, "chosen_precision": 0.97}
MIN_SPEED = 200.0  # strings per second
MAX_MEMORY_MB = 500.0


@dataclass
class GoldRow:
    text: str
    labels: set[str]
    split: str


def read_gold(path) -> list[GoldRow]:
    rows = []
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            try:
                labels = ast.literal_eval(row.get("labels") or "set()")
            except (ValueError, SyntaxError):
                labels = set()
            ids = {ror_id_of(str(label)) for label in labels} - {""}
            rows.append(GoldRow(row["original_affiliation"], ids, row.get("split", "")))
    return rows


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Figures:
    rows: int
    skipped: int
    precision_at_1: float
    chosen_share: float
    chosen_precision: float
    wrong_chosen: float
    strings_per_second: float
    peak_memory_mb: float
    index_seconds: float
    misses: list

    def met(self) -> dict[str, bool]:
        return {
            "precision_at_1": self.precision_at_1 >= TARGETS["precision_at_1"],
            "chosen_share": self.chosen_share >= TARGETS["chosen_share"],
            "chosen_precision": self.chosen_precision >= TARGETS["chosen_precision"],
            "strings_per_second": self.strings_per_second >= MIN_SPEED,
            "peak_memory_mb": self.peak_memory_mb <= MAX_MEMORY_MB,
        }

    def lines(self) -> list[str]:
        met = self.met()

        def mark(key):
            return "ok" if met[key] else "MISSED"

        rows = [
            ("precision at 1", f"{self.precision_at_1:.3f}", "≥ 0.92", "precision_at_1"),
            ("chosen share", f"{self.chosen_share:.3f}", "≥ 0.85", "chosen_share"),
            ("precision of chosen", f"{self.chosen_precision:.3f}", "≥ 0.97", "chosen_precision"),
            ("strings per second", f"{self.strings_per_second:.0f}", "≥ 200", "strings_per_second"),
            ("peak memory (MB)", f"{self.peak_memory_mb:.0f}", "≤ 500", "peak_memory_mb"),
        ]
        return [
            f"rows with a label in the directory: {self.rows} ({self.skipped} others skipped)",
            *(
                f"{label:<20} {value:>6}  (target {target}, {mark(key)})"
                for label, value, target, key in rows
            ),
            f"{'wrong chosen':<20} {self.wrong_chosen:>6.3f}  (share of all rows)",
            f"{'index built in (s)':<20} {self.index_seconds:>6.1f}",
        ]


def evaluate(path, *, split: str = "", specific: bool = True) -> Figures:
    gold = read_gold(path)
    if split:
        gold = [row for row in gold if row.split == split]
    started = time.perf_counter()
    index = directory()
    index_seconds = time.perf_counter() - started
    known = set(index.ror_ids)
    rows = [row for row in gold if row.labels & known]
    right = chosen = chosen_right = 0
    misses = []
    started = time.perf_counter()
    for row in rows:
        candidates = resolve_affiliation(row.text, specific=specific)
        top = candidates[0] if candidates else None
        ok = top is not None and top.ror_id in row.labels
        right += ok
        if top is not None and top.chosen:
            chosen += 1
            chosen_right += ok
        if not ok or not (top and top.chosen):
            misses.append((row.text, sorted(row.labels), candidates[:3]))
    elapsed = time.perf_counter() - started
    count = max(len(rows), 1)
    return Figures(
        rows=len(rows),
        skipped=len(gold) - len(rows),
        precision_at_1=right / count,
        chosen_share=chosen / count,
        chosen_precision=chosen_right / chosen if chosen else 0.0,
        wrong_chosen=(chosen - chosen_right) / count,
        strings_per_second=len(rows) / elapsed if elapsed else 0.0,
        peak_memory_mb=peak_memory_mb(),
        index_seconds=index_seconds,
        misses=misses,
    )
