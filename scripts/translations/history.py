"""Kazakh and Russian for the side-by-side version comparison (issue 13, "readable history")."""

T = {
    "Removed words are struck through on the left, added words are underlined on the right.": (
        "Алынып тасталған сөздер сол жақта сызылған, қосылған сөздердің асты оң жақта сызылған.",
        "Удалённые слова зачёркнуты слева, добавленные подчёркнуты справа.",
    ),
    "Version %(n)s": ("%(n)s-нұсқа", "Версия %(n)s"),
}
