"""Synthetic news corpus for benchmarks: realistic short articles built from templates with
random companies, people, places, dates, amounts and deal kinds.

Every name is invented (no alias table knows it), so the extractor must discover the
companies from their legal-name shape and their context, as it would on new text.

    python bench/corpus.py 1000 /tmp/corpus     # writes 1000 articles + manifest.json
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

SYLLABLES = "an bo chen da fei gao hua jia kun lan ming ning pei qing rui sheng tai wei xin yao zhi".split()
SUFFIXES = ["Motors", "Battery", "Semiconductor", "Auto", "Energy", "Technology", "Electronics", "Robotics", "Power"]
SURNAMES = "Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin He Guo Ma Luo".split()
CITIES = ["Hefei", "Wuhu", "Bengbu", "Anqing", "Chuzhou", "Ma'anshan", "Shanghai", "Nanjing", "Hangzhou", "Wuhan"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

FILLER = [
    "The agreement covers research, purchasing and after-sales service.",
    "Analysts said the move reflects a wider push for scale in the electric-vehicle industry.",
    "Both companies have expanded their production capacity over the past three years.",
    "Local officials have promoted the province as a base for new-energy vehicles.",
    "Sales of new-energy vehicles in the region rose sharply last year.",
    "The companies did not disclose further financial terms.",
]


def company(rng: random.Random) -> str:
    name = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
    return f"{name} {rng.choice(SUFFIXES)}"


def person(rng: random.Random) -> str:
    given = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
    return f"{rng.choice(SURNAMES)} {given}"


def article(rng: random.Random, companies: list[str]) -> tuple[str, str]:
    """One article and its publication date (ISO day)."""
    y = rng.randint(2016, 2025)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    a, b = rng.sample(companies, 2)
    city = rng.choice(CITIES)
    chair = person(rng)
    amount = rng.choice(["1.2 billion yuan", "350 million yuan", "2 billion yuan", "500 million euros", "$300 million"])
    season = rng.choice(["early", "mid-", "late"])
    past = y - rng.randint(1, 6)
    lines = [f"{city.upper()}, {MONTHS[m - 1]} {d}, {y} — " + rng.choice([
        f"{a} and {b} signed a strategic cooperation agreement in {city}.",
        f"{a} will acquire a {rng.randint(5, 60)}% stake in {b} for {amount}, the companies said on {rng.choice(WEEKDAYS)}.",
        f"{a}, a {city}-based battery maker, signed an agreement to supply cells to {b}.",
        f"{a} and {b} signed a joint venture agreement to build electric vehicles in {city}.",
        f"{a} agreed to license its electric platform to {b}.",
        f"{a} acquired {b} for {amount}.",
    ])]
    lines.append(f"{a} Chairman {chair} attended the signing ceremony.")
    lines.append(rng.choice(FILLER))
    c = rng.choice([x for x in companies if x not in (a, b)])
    lines.append(rng.choice([
        f"In {season}{'' if season.endswith('-') else ' '}{past}, {a} and {c} established a joint venture in {rng.choice(CITIES)}.",
        f"{c} has supplied batteries to {a} since {past}.",
        f"Back in {MONTHS[rng.randint(0, 11)]} {past}, {c} invested {amount} in {a}.",
        f"{a} is headquartered in {city}.",
    ]))
    lines.append(rng.choice(FILLER))
    return " ".join(lines[:2]) + "\n" + " ".join(lines[2:]) + "\n", f"{y}-{m:02d}-{d:02d}"


def write_corpus(n: int, folder: Path, seed: int = 7, n_companies: int | None = None) -> list[Path]:
    """Write ``n`` articles (and a manifest with their dates) into ``folder``."""
    rng = random.Random(seed)
    companies = sorted({company(rng) for _ in range(n_companies or max(20, n // 5))})
    folder.mkdir(parents=True, exist_ok=True)
    manifest, paths = {}, []
    for i in range(n):
        text, published = article(rng, companies)
        name = f"syn_{i:06d}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        manifest[name] = {"publisher": "Synthetic Wire", "published": published}
        paths.append(folder / name)
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=0), encoding="utf-8")
    return paths


if __name__ == "__main__":
    write_corpus(int(sys.argv[1]), Path(sys.argv[2]))
