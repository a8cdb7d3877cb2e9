"""Start-up checks of the appeals settings: APPEALS_MAX_TERM_MONTHS is 1 or 2 (R8.2, APPK
art. 76)."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from appeals.apps import check_max_term


@pytest.mark.parametrize("value", [1, 2])
def test_r8_2_max_term_of_one_or_two_months_passes_the_check(settings, value):
    settings.APPEALS_MAX_TERM_MONTHS = value
    assert check_max_term() == []


@pytest.mark.parametrize("value", [0, 3, 12, "2", None])
def test_r8_2_max_term_months_above_two_or_below_one_is_a_startup_error(settings, value):
    settings.APPEALS_MAX_TERM_MONTHS = value
    (error,) = check_max_term()
    assert error.id == "appeals.E001" and error.is_serious()


def test_r8_2_the_check_is_registered_and_stops_start_up(settings):
    settings.APPEALS_MAX_TERM_MONTHS = 3
    with pytest.raises(SystemCheckError, match="appeals.E001"):
        call_command("check")
