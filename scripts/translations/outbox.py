"""Kazakh and Russian translations of the outbox's messages (issue 12 points 1 and 3:
accounts/outbox.py, accounts/outbox_views.py, templates/accounts/outbox_list.html).

T = {msgid: (kk, ru)}. Kazakh is the official business register; Russian uses «ёлочки» and ё."""

T = {
    # accounts/models.py: OutboxMessage
    "Waiting to be sent": ("Жіберілуін күтуде", "Ожидает отправки"),
    "Sent": ("Жіберілді", "Отправлено"),
    "Failed: given up": ("Жіберілмеді: әрекет тоқтатылды", "Не отправлено: попытки прекращены"),
    "payload": ("мазмұны", "содержимое"),
    "attempts": ("әрекеттер саны", "число попыток"),
    "next attempt": ("келесі әрекет", "следующая попытка"),
    "last error": ("соңғы қате", "последняя ошибка"),
    "sent": ("жіберілген уақыты", "отправлено"),
    "outgoing message": ("шығыс хабар", "исходящее сообщение"),
    "outgoing messages": ("шығыс хабарлар", "исходящие сообщения"),
    # accounts/outbox.py: audit actions and kinds
    "Outgoing message sent again": (
        "Шығыс хабар қайта жіберілді",
        "Исходящее сообщение отправлено повторно",
    ),
    "Outgoing message discarded": ("Шығыс хабар жойылды", "Исходящее сообщение удалено"),
    "Notification e-mail": ("Хабарландыру хаты", "Письмо с уведомлением"),
    "Password reset e-mail": (
        "Құпиясөзді қалпына келтіру хаты",
        "Письмо для восстановления пароля",
    ),
    # accounts/apps.py (menu), accounts/outbox_views.py, templates/accounts/outbox_list.html
    "Outgoing messages": ("Шығыс хабарлар", "Исходящие сообщения"),
    "The message will be sent again.": (
        "Хабар қайта жіберіледі.",
        "Сообщение будет отправлено повторно.",
    ),
    "The message has been discarded.": ("Хабар жойылды.", "Сообщение удалено."),
    "E-mails and other work that has not been sent yet. A message that failed is retried with "
    "growing pauses; after the last attempt it is given up and waits here.": (
        "Әлі жіберілмеген хаттар мен басқа да тапсырмалар. Жіберілмеген хабар біртіндеп "
        "ұзаратын үзілістермен қайта жіберіледі; соңғы әрекеттен кейін жіберу тоқтатылып, "
        "хабар осында қалады.",
        "Письма и другие задания, которые ещё не отправлены. Неотправленное сообщение "
        "отправляется повторно со всё более длинными паузами; после последней попытки "
        "отправка прекращается, и сообщение остаётся здесь.",
    ),
    "Waiting": ("Күтуде", "Ожидают"),
    "the oldest since": ("ең ертесі", "самое раннее —"),
    "Given up": ("Жіберу тоқтатылған", "Отправка прекращена"),
    "All unsent": ("Барлық жіберілмегендер", "Все неотправленные"),
    "Created": ("Құрылған уақыты", "Создано"),
    "Attempts": ("Әрекеттер", "Попытки"),
    "Next attempt": ("Келесі әрекет", "Следующая попытка"),
    "Last error": ("Соңғы қате", "Последняя ошибка"),
    "Send again": ("Қайта жіберу", "Отправить повторно"),
    "Discard": ("Жою", "Удалить"),
    "Nothing waits to be sent.": (
        "Жіберуді күтетін хабар жоқ.",
        "Нет сообщений, ожидающих отправки.",
    ),
}
