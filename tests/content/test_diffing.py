"""Issue 13 ("readable history"): versions are compared side by side with the changed words
marked, not as a raw unified diff."""

import pytest
from django.urls import reverse

from content.diffing import folded, side_by_side, words
from content.models import PublicationVersion
from tests.content.factories import publication


def test_only_the_changed_word_is_marked_on_each_side():
    left, right = words("Ұжымдық шарт 2025 жылы орындалды.", "Ұжымдық шарт 2026 жылы орындалды.")
    assert left == [("Ұжымдық шарт ", "same"), ("2025", "removed"), (" жылы орындалды.", "same")]
    assert right == [("Ұжымдық шарт ", "same"), ("2026", "added"), (" жылы орындалды.", "same")]


def test_a_changed_punctuation_mark_does_not_mark_the_word_next_to_it():
    left, right = words("Отчёт готов.", "Отчёт готов!")
    assert ("готов", "removed") not in left and (".", "removed") in left
    assert ("!", "added") in right


def test_lines_are_aligned_and_a_line_added_alone_has_an_empty_left_cell():
    rows = side_by_side("бір\nекі\nүш", "бір\nекі\nжаңа жол\nүш")
    assert [r.changed for r in rows] == [False, False, True, False]
    assert rows[2].old is None and rows[2].new == [("жаңа жол", "added")]


def test_a_removed_line_has_an_empty_right_cell():
    rows = side_by_side("бір\nекі", "бір")
    assert rows[1].new is None and rows[1].old == [("екі", "removed")]


def test_long_unchanged_stretches_are_folded_around_the_changes():
    old = "\n".join(f"жол {i}" for i in range(20))
    new = old.replace("жол 10", "жол он")
    out = folded(side_by_side(old, new), context=2)
    kept = [r for r in out if r is not None]
    assert len(kept) == 5 and kept[2].changed
    assert out[0] is None and out[-1] is None


@pytest.mark.django_db
def test_the_page_shows_both_versions_side_by_side_with_marked_words(client, cast):
    p = publication(cast.own, cast.alice, title="Есеп")
    PublicationVersion.objects.create(
        publication=p,
        number=2,
        title="Есеп",
        text_kk="Мәтін өзгерді",
        text_ru="Текст",
        created_by=cast.alice,
    )
    client.force_login(cast.alice)
    response = client.get(reverse("content:version_diff", args=[p.pk]), {"a": 1, "b": 2})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<ins data-testid="added">' in html and "өзгерді</ins>" in html
    assert "<del" not in html  # nothing was removed: "Мәтін" stayed
    assert "@@" not in html and "+++" not in html  # no unified-diff markup


@pytest.mark.django_db
def test_the_compared_text_is_escaped(client, cast):
    p = publication(cast.own, cast.alice)
    PublicationVersion.objects.create(
        publication=p,
        number=2,
        title="Жаңалық",
        text_kk="<script>alert(1)</script>",
        text_ru="Текст",
        created_by=cast.alice,
    )
    client.force_login(cast.alice)
    html = client.get(
        reverse("content:version_diff", args=[p.pk]), {"a": 1, "b": 2}
    ).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
