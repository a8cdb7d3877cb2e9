"""Kazakh and Russian translations of the messages added while integrating issues 12, 15 and 16
(session 3). Format: scripts/translations/appeals.py."""

T = {
    "Delete a withdrawn post in Telegram": (
        "Алынып тасталған жарияланымды Telegram-нан жою",
        "Удалить снятую с публикации запись в Telegram",
    ),
    "Subscribers of a connected Telegram channel are measured every day; the half-year report "
    "takes those measured figures, and a count entered here for such a channel is kept only as a "
    "note.": (
        "Қосылған Telegram арнасының жазылушылары күн сайын өлшенеді; жарты жылдық есеп сол "
        "өлшенген көрсеткіштерді алады, ал мұнда мұндай арна үшін енгізілген сан тек белгі ретінде "
        "сақталады.",
        "Подписчики подключённого Telegram-канала измеряются ежедневно; полугодовой отчёт берёт "
        "эти измеренные значения, а число, введённое здесь для такого канала, сохраняется лишь как "
        "пометка.",
    ),
}
