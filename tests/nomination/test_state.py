"""One State: the folder plus review.decision, with its labels, for every consumer."""

from __future__ import annotations

import pytest

from scripts.nomination.state import DECISION_LABELS, DECISIONS, State


@pytest.mark.parametrize(("folder", "decision", "state"), [
    ("nominations", None, State.SUBMITTED),
    ("nominations", "returned", State.RETURNED),
    ("nominations", "withdrawn", State.WITHDRAWN),
    ("nominations", "approved", State.APPROVED_UNMOVED),
    ("nominations", "khong-ro", State.SUBMITTED),
    ("published", "approved", State.PUBLISHED),
    ("published", None, State.UNAPPROVED),
    ("published", "returned", State.UNAPPROVED),
])
def test_folder_and_decision_give_one_state(folder, decision, state):
    assert State.of(folder, decision) is state


def test_only_the_state_folders_have_a_state():
    with pytest.raises(ValueError):
        State.of("pages", "approved")


def test_every_decision_of_the_schema_has_a_label():
    import json

    from tests.conftest import ROOT

    schema = json.loads((ROOT / "schema" / "nomination.schema.json").read_text(encoding="utf-8"))
    assert tuple(schema["properties"]["review"]["properties"]["decision"]["enum"]) == DECISIONS
    assert set(DECISION_LABELS) == set(DECISIONS)
    assert all(state.label and state.heading for state in State)
