"""Count tables: known answers on a hand-built frame of six rows and two overlapping periods."""
import numpy as np
import pandas as pd

from snareport.calculators.counts import count_table

ROWS = pd.DataFrame({
    "district": pd.Categorical(["A", "A", "B", "B", "B", "C"], categories=["A", "B", "C", "D"]),
    "group": ["x", "y", "x", "x", "y", "y"],
    "knife": [True, False, True, True, False, False],
    "category": ["rape", None, None, "contact", None, None],
    "age": pd.array([17, None, 30, 17, 45, None], dtype="Int64"),
})
# "early" holds rows 0-3, "late" rows 2-5: rows 2 and 3 are in both
PERIODS = {"early": np.array([1, 1, 1, 1, 0, 0], bool), "late": np.array([0, 0, 1, 1, 1, 1], bool)}


def table():
    return count_table(ROWS, [["district"], ["group", "knife", "category"], ["age"]], PERIODS)


def test_a_row_counts_once_in_every_period_it_is_in():
    t = table()
    assert t.periods == ("early", "late")
    assert t.series("period").to_dict() == {"early": 4, "late": 4}
    assert t.total() == 8


def test_labels_are_every_category_and_missing_values_are_none():
    t = table()
    assert t.labels("district") == ("A", "B", "C", "D")
    assert t.labels("category") == ("contact", "rape", None)
    assert t.labels("age") == (17, 30, 45, None)


def test_where_keeps_matching_rows_on_one_axis_or_several():
    t = table()
    assert t.where(period="late", district="B").total() == 3
    assert t.where(period="early", knife=True).series("district").to_dict() == {"A": 1, "B": 2, "C": 0, "D": 0}
    assert t.where(district=["A", "C"], group="y").series("period").to_dict() == {"early": 1, "late": 1}
    assert t.where(age=lambda a: a is not None and a < 18).total() == 3        # row 0 once, row 3 twice
    assert t.where(group="x", category="contact").where(knife=True).total() == 2


def test_by_two_columns_of_one_axis_and_of_two_axes():
    t = table().where(period="late")
    assert t.by("group", "knife").tolist() == [[0, 2], [2, 0]]
    assert t.by("district", "age").tolist() == [[0, 0, 0, 0], [1, 1, 1, 0], [0, 0, 0, 1], [0, 0, 0, 0]]


def test_series_reindexes_and_count_of_an_absent_label_is_zero():
    t = table()
    assert t.series("district", ["D", "A"]).to_dict() == {"D": 0, "A": 2}
    assert t.count("age", None) == 2
    assert t.count("category", "penetration") == 0


def test_ordered_codes_keep_the_order_of_the_ids():
    from snareport.calculators.common import ordered_codes

    assert ordered_codes(pd.Series([3, 0, 3, 7], dtype="int64")).tolist() == [3, 0, 3, 7]   # the loader's codes
    assert ordered_codes(pd.Series(["P9", "P10", None, "P9"])).tolist() == [1, 0, -1, 1]    # sorted text, missing -1
