"""Kazakh and Russian translations of the bulk work's new messages (issue 14, points 5, 1 and 6:
reminders in bulk, the remaining pickers).

T = {msgid: (kk, ru)} for new msgids. Kazakh is the official business register; Russian uses
«ёлочки» and ё."""

T = {
    # content/forms.py CrisisForm: the working group is added by a search (R10.1).
    "Type a name to add a person; the organization's own people are offered first.": (
        "Адамды қосу үшін атын теріңіз; алдымен ұйымның өз адамдары ұсынылады.",
        "Введите имя, чтобы добавить человека; сначала предлагаются люди самой организации.",
    ),
    # templates/widgets/multipicker.html: the list of the chosen ones and its buttons.
    "Chosen": ("Таңдалғандар", "Выбранные"),
    "Remove %(name)s": ("%(name)s — алып тастау", "Убрать: %(name)s"),
    # Said by the screen reader when a person is added to or removed from the list.
    "Added: %(name)s": ("Қосылды: %(name)s", "Добавлено: %(name)s"),
    "Removed: %(name)s": ("Алып тасталды: %(name)s", "Убрано: %(name)s"),
}
