"""Real police.uk files → the small excerpt in this folder (run by hand; tests only read the excerpt).

    .venv/bin/python tests/data/policeuk/make_excerpt.py ../shared/realdata/police_uk_kent_street

Keeps, per month file: every row of a Crime ID repeated in that file, every row outside the 13
Kent and Medway districts (up to 6), 3 rows with no LSOA, 3 anti-social behaviour rows, 2 rows of
every crime type, and 12 more rows picked at random (fixed seed). Rows keep their original order.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

MONTHS = ("2024-01", "2024-02", "2024-03", "2024-04", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05")
KENT_AND_MEDWAY = {
    "Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe", "Gravesham", "Maidstone",
    "Sevenoaks", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells", "Medway",
}


def excerpt(frame: pd.DataFrame, seed: int) -> pd.DataFrame:
    prefix = frame["LSOA name"].str.replace(r"\s+\d{3}[A-Z]$", "", regex=True)
    has_id = frame["Crime ID"] != ""
    picks = [
        frame[has_id & frame["Crime ID"].duplicated(keep=False)],
        frame[(frame["LSOA name"] != "") & ~prefix.isin(KENT_AND_MEDWAY)].head(6),
        frame[frame["LSOA code"] == ""].sample(n=3, random_state=seed),
        frame[frame["Crime type"] == "Anti-social behaviour"].sample(n=3, random_state=seed),
    ]
    for _, rows in frame.groupby("Crime type"):
        picks.append(rows.sample(n=min(2, len(rows)), random_state=seed))
    picks.append(frame.sample(n=12, random_state=seed))
    chosen = pd.concat(picks)
    return frame.loc[sorted(set(chosen.index))]


def main(source: Path, target: Path) -> None:
    for seed, month in enumerate(MONTHS):
        name = f"{month}-kent-street.csv"
        frame = pd.read_csv(source / name, dtype=str, keep_default_na=False)
        excerpt(frame, seed).to_csv(target / name, index=False, lineterminator="\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(__file__).parent)
