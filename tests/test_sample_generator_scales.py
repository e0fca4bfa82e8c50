"""sample_data/generate.py at every scale from 1 to 25 (the benchmarks' ~1M offences is scale 23).

Each scale runs the generator's steps up to the one that used to fail ("cannot place -28 people" at scale
22): the offences, their times, the people and every person's age band, with the generator's seed. Small
checks per scale, not a build: the volumes grow with the scale and every person gets a band, with the
ages each offence class needs.
"""
from __future__ import annotations

import numpy as np
import pytest
from sample_generator import load_generator

SCALE_1_OFFENCES = 44_881        # the committed sample's offences


@pytest.fixture(scope="module")
def generate():
    return load_generator("sample_generate_scales")


@pytest.mark.parametrize("scale", range(1, 26))
def test_every_person_gets_an_age_band_at_every_scale(generate, scale: int) -> None:
    rng = np.random.default_rng(generate.DEFAULT_SEED)
    off = generate.offence_skeleton(rng, scale)
    off["occurred_at"] = generate.assign_times(rng, off)
    people = generate.people_skeleton(rng, off)
    band = generate.fill_bands(rng, people)

    assert abs(len(off) - scale * SCALE_1_OFFENCES) <= 0.01 * scale * SCALE_1_OFFENCES
    assert len(people) > len(off)
    assert (band >= 0).all()
    need = people["need"].to_numpy()
    assert (band[need == generate.NEED_YOUNG] == generate.YOUNG).all()
    assert (band[need == generate.NEED_25] == generate.AGE25).all()
    assert np.isin(band[need == generate.NEED_U18], (generate.U10, generate.TEEN)).all()
