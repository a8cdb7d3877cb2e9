"""Kazakh and Russian translations of the accessibility work's new messages (issue 16,
docs/accessibility.md).

T = {msgid: (kk, ru)} for new msgids; PLURAL = {msgid: ([kk forms], [ru forms])}. Kazakh is the
official business register; Russian uses «ёлочки» and ё."""

T = {
    # base.html: the first stop of Tab on every page.
    "Skip to content": ("Негізгі мазмұнға өту", "Перейти к содержанию"),
    # notification_list.html: unread is said in words, not only by the row's colour.
    "Unread": ("Оқылмаған", "Не прочитано"),
    # The header of a table's column of buttons (plan, account, working calendar).
    "Actions": ("Әрекеттер", "Действия"),
    # Download buttons: "PDF" then the language's own name (қазақ тілі / русский).
    "PDF": ("PDF", "PDF"),
    # Wide tables that scroll sideways are keyboard-focusable regions with these names.
    "Roll-up table (scrolls sideways)": (
        "Жиынтық есеп кестесі (көлденеңінен жылжиды)",
        "Таблица сводного отчёта (прокручивается по горизонтали)",
    ),
    "Audit trail table (scrolls sideways)": (
        "Аудит журналының кестесі (көлденеңінен жылжиды)",
        "Таблица журнала аудита (прокручивается по горизонтали)",
    ),
    "Dashboard table (scrolls sideways)": (
        "Талаптардың сақталу тақтасының кестесі (көлденеңінен жылжиды)",
        "Таблица панели соблюдения требований (прокручивается по горизонтали)",
    ),
}

PLURAL = {
    # base.html: the bell's accessible name carries the unread count.
    "Notifications, %(counter)s unread": (
        [
            "Хабарламалар, %(counter)s оқылмаған",
            "Хабарламалар, %(counter)s оқылмаған",
        ],
        [
            "Уведомления, %(counter)s непрочитанное",
            "Уведомления, %(counter)s непрочитанных",
            "Уведомления, %(counter)s непрочитанных",
            "Уведомления, %(counter)s непрочитанного",
        ],
    ),
}
