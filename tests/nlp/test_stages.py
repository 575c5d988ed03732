from __future__ import annotations

import pickle

import pytest

from chronik.pipeline import create_stage


@pytest.mark.parametrize("name", ["tokenizer", "tagger", "entities"])
def test_stage_registered_and_picklable(name: str) -> None:
    stage = create_stage(name)
    assert stage.name == name
    copy = pickle.loads(pickle.dumps(stage))
    assert copy == stage
