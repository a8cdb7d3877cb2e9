"""Kazakh and Russian for the content calendar (issue 13 point 5, issue 14 point 2):
content/calendar.py, content/views/calendar.py, templates/content/calendar.html and
_calendar_body.html. T = {msgid: (kk, ru)}; PLURAL = {msgid: ([kk forms], [ru forms])}."""

T = {
    # content/calendar.py: audit actions and the refusals of a move (R6.1).
    "Plan item moved to another day": (
        "Жоспар тармағы басқа күнге ауыстырылды",
        "Пункт плана перенесён на другой день",
    ),
    "Publication moved to another day": (
        "Жарияланым басқа күнге ауыстырылды",
        "Публикация перенесена на другой день",
    ),
    "The plan is approved or awaits approval, so its dates hold; ask the chairman to return it "
    "for revision first.": (
        "Жоспар бекітілген немесе бекітуді күтуде, сондықтан оның күндері өзгермейді; алдымен "
        "төрағадан оны пысықтауға қайтаруды сұраңыз.",
        "План утверждён или ожидает утверждения, поэтому его даты не меняются; сначала "
        "попросите председателя вернуть его на доработку.",
    ),
    "The day is outside the plan's period (%(start)s–%(end)s).": (
        "Күн жоспар кезеңінен тыс (%(start)s–%(end)s).",
        "День вне периода плана (%(start)s–%(end)s).",
    ),
    "A publication of this item is already submitted, approved or published; its day no longer "
    "moves.": (
        "Осы тармақтың жарияланымы келісуге жіберілген, келісілген немесе жарияланған; оның күні "
        "енді ауыстырылмайды.",
        "Публикация этого пункта уже направлена на согласование, согласована или опубликована; "
        "её день больше не переносится.",
    ),
    "Only a draft or a publication returned for revision moves to another day; this one is "
    "%(status)s.": (
        "Басқа күнге тек жоба немесе пысықтауға қайтарылған жарияланым ауыстырылады; бұл "
        "жарияланымның күйі: %(status)s.",
        "На другой день переносится только черновик или публикация, возвращённая на доработку; "
        "состояние этой публикации: %(status)s.",
    ),
    "This publication follows its plan item's day: move the plan item instead.": (
        "Бұл жарияланым жоспар тармағының күніне байланған: оның орнына жоспар тармағын "
        "ауыстырыңыз.",
        "Эта публикация следует дню своего пункта плана: перенесите пункт плана.",
    ),
    # content/views/calendar.py
    "My organization": ("Менің ұйымым", "Моя организация"),
    "New date": ("Жаңа күні", "Новая дата"),
    "Choose a day of the calendar.": ("Күнтізбедегі күнді таңдаңыз.", "Выберите день календаря."),
    "Moved to %(day)s.": ("%(day)s күніне ауыстырылды.", "Перенесено на %(day)s."),
    # templates/content/calendar.html, _calendar_body.html
    "Publication status": ("Жарияланым күйі", "Состояние публикации"),
    "Organizations below": ("Төмендегі ұйымдар", "Нижестоящие организации"),
    "Drag an item to another day, or use its “Move to date” form.": (
        "Жазбаны басқа күнге сүйреңіз немесе оның «Басқа күнге ауыстыру» формасын пайдаланыңыз.",
        "Перетащите запись на другой день или воспользуйтесь её формой «Перенести на дату».",
    ),
    "Move to date": ("Басқа күнге ауыстыру", "Перенести на дату"),
    "New date of “%(topic)s”": ("«%(topic)s» жаңа күні", "Новая дата «%(topic)s»"),
    "New date of “%(title)s”": ("«%(title)s» жаңа күні", "Новая дата «%(title)s»"),
    "planned items": ("жоспарланған тармақтар", "пункты плана"),
    "publications planned": ("жоспарланған жарияланымдар", "запланированные публикации"),
    "Counts of the organizations below open their calendar.": (
        "Төмендегі ұйымдардың сандары олардың күнтізбесін ашады.",
        "Числа нижестоящих организаций открывают их календарь.",
    ),
}

PLURAL = {
    "and %(counter)s more organization": (
        ["және тағы %(counter)s ұйым", "және тағы %(counter)s ұйым"],
        [
            "и ещё %(counter)s организация",
            "и ещё %(counter)s организации",
            "и ещё %(counter)s организаций",
            "и ещё %(counter)s организации",
        ],
    ),
}
