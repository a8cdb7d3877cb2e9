"""Kazakh and Russian for issue 13, points 2 and 8 (the checklist in a minute, the legal review's
thread; who must act on the registry hygiene page and its PDF). T = {msgid: (kk, ru)};
PLURAL = {msgid: ([kk forms], [ru forms])}. Terms as in locale/: чек-парақ / чек-лист,
заңгер / юрист, құқықтық тексеру / правовая проверка, қол жеткізу тізбесі / список доступа."""

T = {
    # checklist/models.py
    "legal review round": ("құқықтық тексеру кезеңі", "этап правовой проверки"),
    "legal review rounds": ("құқықтық тексеру кезеңдері", "этапы правовой проверки"),
    "legal review message": ("құқықтық тексерудегі хабарлама", "сообщение правовой проверки"),
    "legal review messages": (
        "құқықтық тексерудегі хабарламалар",
        "сообщения правовой проверки",
    ),
    "message": ("хабарлама", "сообщение"),
    "written at": ("жазылған уақыты", "написано"),
    # checklist/services.py
    "Reply in a checklist's legal review": (
        "Чек-парақтың құқықтық тексеруіндегі жауап",
        "Ответ в правовой проверке чек-листа",
    ),
    "This section is not part of the checklist.": (
        "Бұл бөлім чек-параққа кірмейді.",
        "Этот раздел не входит в чек-лист.",
    ),
    "This legal review is not part of the checklist.": (
        "Бұл құқықтық тексеру осы чек-параққа жатпайды.",
        "Эта правовая проверка не относится к данному чек-листу.",
    ),
    "Write the message.": ("Хабарламаны жазыңыз.", "Напишите сообщение."),
    "The message is too long (2000 characters at most).": (
        "Хабарлама тым ұзын (ең көбі 2000 таңба).",
        "Сообщение слишком длинное (не более 2000 символов).",
    ),
    "A reply in the legal review of “%(title)s”": (
        "«%(title)s» құқықтық тексеруінде жауап бар",
        "Ответ в правовой проверке «%(title)s»",
    ),
    "%(author)s: %(text)s": ("%(author)s: %(text)s", "%(author)s: %(text)s"),
    # checklist/views.py
    "Nothing was left to answer in this section.": (
        "Бұл бөлімде жауап берілмеген тармақ қалмады.",
        "В этом разделе не осталось пунктов без ответа.",
    ),
    "The message is sent.": ("Хабарлама жіберілді.", "Сообщение отправлено."),
    # templates/checklist/checklist_detail.html
    "Items routed to you for legal review": (
        "Құқықтық тексеруге сізге жіберілген тармақтар",
        "Пункты, направленные вам на правовую проверку",
    ),
    "%(who)s asks, %(when)s:": ("%(who)s сұрайды, %(when)s:", "%(who)s спрашивает, %(when)s:"),
    "no question was written": ("сұрақ жазылмаған", "вопрос не указан"),
    "The rest of this section: yes": (
        "Бөлімнің қалған тармақтары: иә",
        "Остальные пункты раздела: да",
    ),
    "%(who)s → %(lawyer)s, %(when)s": (
        "%(who)s → %(lawyer)s, %(when)s",
        "%(who)s → %(lawyer)s, %(when)s",
    ),
    "Question": ("Сұрақ", "Вопрос"),
    "Every item is answered: the final decision can be signed below.": (
        "Барлық тармаққа жауап берілді: қорытынды шешімге төменде қол қоюға болады.",
        "На все пункты даны ответы: итоговое решение можно подписать ниже.",
    ),
    # registry/selectors.py — what to do on each flag
    "Record the creation decision": (
        "Құру туралы шешімді енгізу",
        "Внести решение о создании",
    ),
    "Record a logo check": ("Логотип тексерісін енгізу", "Внести проверку логотипа"),
    "Record the administrator's order": (
        "Әкімшіні тағайындау туралы бұйрықты енгізу",
        "Внести приказ о назначении администратора",
    ),
    "Propose the access list": (
        "Қол жеткізу тізбесін ұсыну",
        "Представить список доступа",
    ),
    "Approve the access list": (
        "Қол жеткізу тізбесін бекіту",
        "Утвердить список доступа",
    ),
    "Record the password change": (
        "Құпиясөздің ауыстырылуын енгізу",
        "Внести смену пароля",
    ),
    "Stop publishing to the closed account": (
        "Жабылған аккаунтқа жариялауды тоқтату",
        "Прекратить публикации в закрытый аккаунт",
    ),
    # registry/views.py
    "Unknown problem in the filter: every problem is shown.": (
        "Сүзгідегі мәселе белгісіз: барлық мәселе көрсетілді.",
        "Неизвестная проблема в фильтре: показаны все проблемы.",
    ),
    # templates/registry/hygiene.html, hygiene_pdf.html
    "Who must act": ("Кім әрекет етуі керек", "Кто должен действовать"),
    "who must act": ("кім әрекет етуі керек", "кто должен действовать"),
    "own accounts only": ("тек өз аккаунттары", "только собственные аккаунты"),
    "with its whole subtree": (
        "барлық төменгі ұйымдарымен",
        "со всеми нижестоящими организациями",
    ),
    "any problem": ("кез келген мәселе", "любая проблема"),
    "clear the filter": ("сүзгіні тазарту", "сбросить фильтр"),
    "Account": ("Аккаунт", "Аккаунт"),
    "What to do": ("Не істеу керек", "Что сделать"),
    "nobody holds this role — the organization must name one": (
        "бұл рөлде ешкім жоқ — ұйым оны тағайындауы тиіс",
        "эту роль никто не занимает — организация должна её назначить",
    ),
    "No accounts with this problem.": (
        "Бұл мәселесі бар аккаунт жоқ.",
        "Аккаунтов с этой проблемой нет.",
    ),
    "hygiene\x04Problem": ("Мәселе", "Проблема"),
    "Filter": ("Сүзгі", "Фильтр"),
    "problem": ("мәселе", "проблема"),
    "counts only": ("тек сандар", "только количество"),
    "Where": ("Қайда", "Где"),
    "Only the first 1000 accounts are printed; narrow the filter for the rest.": (
        "Алғашқы 1000 аккаунт қана басылды; қалғандары үшін сүзгіні тарылтыңыз.",
        "Напечатаны только первые 1000 аккаунтов; для остальных сузьте фильтр.",
    ),
}

PLURAL = {
    # checklist/views.py — "the rest of this section: yes" without JavaScript
    "%(count)s item is answered “yes”.": (
        ["%(count)s тармаққа «иә» деп жауап берілді."] * 2,
        [
            "На %(count)s пункт дан ответ «да».",
            "На %(count)s пункта дан ответ «да».",
            "На %(count)s пунктов дан ответ «да».",
            "На %(count)s пункта дан ответ «да».",
        ],
    ),
}
