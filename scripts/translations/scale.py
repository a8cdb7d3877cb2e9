"""Kazakh and Russian translations of the union-scale messages (issue 14: pickers and capped
counts; accounts/picking.py, templates/widgets/picker.html, templates/_pagination_links.html).

T = {msgid: (kk, ru)}; PLURAL = {msgid: ([kk forms], [ru forms])}. Kazakh is the official
business register; Russian uses «ёлочки»."""

T = {
    # The picker (templates/widgets/picker.html): the combobox's hint and its announcements.
    "Type to search": (
        "Іздеу үшін теріңіз",
        "Начните вводить для поиска",
    ),
    "Type to search, choose with the arrow keys and Enter.": (
        "Іздеу үшін теріңіз, нұсқаны бағыттауыш пернелермен таңдап, Enter пернесін басыңыз.",
        "Начните вводить для поиска, выберите вариант стрелками и нажмите Enter.",
    ),
    "Nothing found": (
        "Ештеңе табылмады",
        "Ничего не найдено",
    ),
    "Results found: %(count)s": (
        "Табылған нәтиже саны: %(count)s",
        "Найдено результатов: %(count)s",
    ),
    "Showing the first %(count)s; type more to narrow the search": (
        "Алғашқы %(count)s нәтиже көрсетілген; іздеуді нақтылау үшін жалғастыра теріңіз",
        "Показаны первые %(count)s; продолжайте вводить, чтобы уточнить поиск",
    ),
    "The search is not available, try again": (
        "Іздеу қолжетімсіз, қайталап көріңіз",
        "Поиск недоступен, попробуйте ещё раз",
    ),
    # The capped count (accounts/paging.py).
    "Page %(number)s, more than %(limit)s results": (
        "%(number)s-бет, нәтиже саны %(limit)s мөлшерінен асады",
        "Страница %(number)s, результатов больше %(limit)s",
    ),
}

PLURAL: dict = {}
