"""Kazakh and Russian translations of the health and double-submit messages (issue 12, points 2
and 4: accounts/once.py, accounts/health.py, templates/includes/health_banner.html,
templates/accounts/health_details.html).

T = {msgid: (kk, ru)}; PLURAL = {msgid: ([kk forms], [ru forms])}."""

T = {
    # accounts/once.py
    "This form was already sent; here is what it created.": (
        "Бұл нысан бұрын жіберілген; міне, оның нәтижесінде құрылған жазба.",
        "Эта форма уже была отправлена; вот что по ней создано.",
    ),
    "This form has expired. Please fill it in again.": (
        "Бұл нысанның мерзімі өтті. Оны қайта толтырыңыз.",
        "Срок действия формы истёк. Заполните её заново.",
    ),
    # accounts/health.py: the banner's names of the reminder tasks
    "appeal deadline reminders": (
        "өтініштер мерзімі туралы еске салулар",
        "напоминания о сроках обращений",
    ),
    "password change reminders": (
        "құпиясөзді ауыстыру туралы еске салулар",
        "напоминания о смене паролей",
    ),
    "half-year report reminders": (
        "жарты жылдық есеп туралы еске салулар",
        "напоминания о полугодовом отчёте",
    ),
    "urgent publication reminders": (
        "шұғыл жарияланымдар туралы еске салулар",
        "напоминания о срочных публикациях",
    ),
    "System health": ("Жүйенің жай-күйі", "Состояние системы"),
    # templates/includes/health_banner.html
    "Reminders have not run on schedule:": (
        "Еске салулар кесте бойынша орындалмады:",
        "Напоминания не выполнены по расписанию:",
    ),
    "Notifications about deadlines may not be going out; tell the system administrator.": (
        "Мерзімдер туралы хабарламалар жіберілмеуі мүмкін; жүйе әкімшісіне хабарлаңыз.",
        "Уведомления о сроках могут не отправляться; сообщите системному администратору.",
    ),
    # templates/accounts/health_details.html
    "Checked at": ("Тексерілген уақыты", "Проверено"),
    "Everything is working.": ("Барлығы жұмыс істеп тұр.", "Всё работает."),
    "Services": ("Қызметтер", "Службы"),
    "Database": ("Дерекқор", "База данных"),
    "Task broker": ("Тапсырмалар брокері", "Брокер задач"),
    "Cache": ("Кэш", "Кэш"),
    "responds": ("жауап береді", "отвечает"),
    "no answer in time": ("уақытында жауап бермеді", "не ответил вовремя"),
    "does not answer": ("жауап бермейді", "не отвечает"),
    "Periodic tasks": ("Мерзімдік тапсырмалар", "Периодические задачи"),
    "Task": ("Тапсырма", "Задача"),
    "Schedule": ("Кесте", "Расписание"),
    "Last run": ("Соңғы орындалуы", "Последний запуск"),
    "Sent by the scheduler": ("Жоспарлаушы жіберген", "Отправлено планировщиком"),
    "Last failure": ("Соңғы сәтсіздік", "Последний сбой"),
    "State": ("Күйі", "Состояние"),
    "%(age)s ago": ("%(age)s бұрын", "%(age)s назад"),
    "never": ("ешқашан", "никогда"),
    "late": ("кешікті", "опаздывает"),
    "on time": ("уақытында", "вовремя"),
    "No periodic tasks are stored: the scheduler has not started.": (
        "Мерзімдік тапсырмалар сақталмаған: жоспарлаушы іске қосылмаған.",
        "Периодические задачи не сохранены: планировщик не запускался.",
    ),
    "Outgoing e-mail": ("Шығыс электрондық пошта", "Исходящая почта"),
    "Waiting to be sent": ("Жіберуді күтуде", "Ожидают отправки"),
    "Given up after all attempts": (
        "Барлық әрекеттен кейін жіберілмеді",
        "Не отправлены после всех попыток",
    ),
    "Oldest unsent": ("Ең ескі жіберілмегені", "Самое давнее неотправленное"),
}

PLURAL = {
    "%(counter)s problem needs attention.": (
        [
            "%(counter)s мәселе назар аударуды қажет етеді.",
            "%(counter)s мәселе назар аударуды қажет етеді.",
        ],
        [
            "%(counter)s проблема требует внимания.",
            "%(counter)s проблемы требуют внимания.",
            "%(counter)s проблем требуют внимания.",
            "%(counter)s проблемы требует внимания.",
        ],
    ),
}
