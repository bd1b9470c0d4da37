"""Extraction quality on every annotated article set, as the README's table.

    python bench/quality.py            # markdown table on stdout, JSON in bench/quality.json

Runs `anhui-kg eval GOLD ARTICLES --format json` on the seeds and on each set under
tests/data/ (debatable gold items ignored, as the command does by default) and prints one
row per set: deals by parties (precision / recall / F1), deals complete, dates right at the
gold precision, negatives recorded as signed, entity and relation F1.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = [
    ("seeds", ROOT / "tests/data/gold/seeds.json", ROOT / "seeds"),
    *[(name, ROOT / "tests/data" / name / "gold.json", ROOT / "tests/data" / name)
      for name in ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16", "heldout17", "heldout18", "heldout19", "heldout20", "heldout21", "heldout22")],
]


def measure(gold: Path, articles: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", "from anhui_kg.cli import main; main()", "eval", str(gold), str(articles),
         "--format", "json"],
        check=True, capture_output=True, text=True,
    ).stdout
    report = json.loads(out)
    deals = report["deals"]
    return {
        "articles": len(report["documents"]),
        "deals": deals["by_parties"],
        "complete": deals["complete"],
        "dates": deals["dates"],
        "negatives": {"checked": report["negatives"]["checked"],
                      "violations": len(report["negatives"]["violations"])},
        "entities_f1": report["entities"]["overall"]["f1"],
        "relations_f1": report["relations"]["overall"]["f1"],
    }


def row(name: str, m: dict) -> str:
    d, c, t, n = m["deals"], m["complete"], m["dates"], m["negatives"]
    return (f"| {name} | {m['articles']} | {d['precision']:.2f} / {d['recall']:.2f} / {d['f1']:.2f} "
            f"| {c['correct']}/{c['total']} ({c['value']:.2f}) | {t['correct']}/{t['total']} "
            f"| {n['violations']} of {n['checked']} | {m['entities_f1']:.2f} | {m['relations_f1']:.2f} |")


def main() -> None:
    results = {name: measure(gold, folder) for name, gold, folder in SETS}
    (Path(__file__).with_name("quality.json")).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print("| set | articles | deals P / R / F1 | complete | dates right | negatives as signed | entity F1 | relation F1 |")
    print("|---|---|---|---|---|---|---|---|")
    for name, m in results.items():
        print(row(name, m))


if __name__ == "__main__":
    main()
