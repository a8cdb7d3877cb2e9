"""Kazakh and Russian for the discussion threads of publications and plans (issue 13, point 4;
content/comments.py)."""

T = {
    "Comment added": ("Пікір қосылды", "Добавлен комментарий"),
    "Comment added.": ("Пікір қосылды.", "Комментарий добавлен."),
    "Comment": ("Пікір", "Комментарий"),
    "comment": ("пікір", "комментарий"),
    "comments": ("пікірлер", "комментарии"),
    "mentioned": ("аталған адамдар", "упомянутые"),
    "Discussion": ("Талқылау", "Обсуждение"),
    "No comments yet.": ("Әзірге пікір жоқ.", "Комментариев пока нет."),
    "Add comment": ("Пікір қосу", "Добавить комментарий"),
    "Name a colleague with @ and their username: they are notified.": (
        "Әріптесті @ белгісі мен пайдаланушы атымен атаңыз: оған хабарландыру жіберіледі.",
        "Упомяните коллегу через @ и имя пользователя: ему придёт уведомление.",
    ),
    "Write the comment.": ("Пікірді жазыңыз.", "Напишите комментарий."),
    "Name at most %(limit)s people in one comment.": (
        "Бір пікірде %(limit)s адамнан артық атауға болмайды.",
        "В одном комментарии можно упомянуть не более %(limit)s человек.",
    ),
    "These people cannot see this page, so they cannot be named: %(names)s.": (
        "Бұл адамдар осы бетті көре алмайды, сондықтан оларды атауға болмайды: %(names)s.",
        "Эти люди не видят эту страницу, поэтому их нельзя упомянуть: %(names)s.",
    ),
    "%(author)s mentioned you in the discussion of «%(title)s»": (
        "%(author)s сізді «%(title)s» талқылауында атады",
        "%(author)s упомянул(а) вас в обсуждении «%(title)s»",
    ),
}
