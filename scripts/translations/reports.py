"""Kazakh and Russian for the reports app's new and changed messages (issue 10).

Apply with `python scripts/fill_translations.py scripts/translations/reports.py` after
`make messages`. A key is a msgid, or (msgctxt, msgid) for a pgettext message. The template's
lists (RPT2.1, RPT6.2) are the Regulation's Kazakh words verbatim (regulation.kk.txt,
Appendix 2) and the Russian edition's (regulation.ru.md)."""

T = {
    # RPT2.1 goals and RPT6.2 risks: Appendix 2's own words.
    ("appendix 2", "informing union members"): (
        "кәсіподақ мүшелерін ақпараттандыру",
        "информирование членов профсоюза",
    ),
    ("appendix 2", "legal education"): ("құқықтық ағартушылық", "правовое просвещение"),
    ("appendix 2", "strengthening the union's public reputation"): (
        "кәсіподақтың қоғамдық беделін нығайту",
        "укрепление общественного авторитета профсоюза",
    ),
    ("appendix 2", "establishing feedback with union members"): (
        "кәсіподақ мүшелерімен кері байланыс орнату",
        "установление обратной связи с членами профсоюза",
    ),
    ("appendix 2", "reputational risks"): ("беделдік", "репутационные"),
    ("appendix 2", "legal risks"): ("құқықтық", "правовые"),
    ("appendix 2", "risk of spreading unreliable information"): (
        "анық емес ақпараттың таралу қаупі",
        "риск распространения недостоверной информации",
    ),
    # The edit form: the lists, both languages, the position in Russian.
    "Position in Russian": ("Лауазымы орысша", "Должность на русском языке"),
    "position in Russian": ("лауазымы орысша", "должность на русском языке"),
    "in Russian": ("орысша", "на русском языке"),
    "In Kazakh": ("Қазақша", "На казахском языке"),
    "In Russian": ("Орысша", "На русском языке"),
    "Other goals, or details of the chosen ones": (
        "Өзге мақсаттар немесе таңдалғандарын нақтылау",
        "Иные цели или пояснения к выбранным",
    ),
    "Other risks, or details of the chosen ones": (
        "Өзге тәуекелдер немесе таңдалғандарын нақтылау",
        "Иные риски или пояснения к выбранным",
    ),
    "From the template's list": ("Үлгідегі тізімнен", "Из перечня образца отчёта"),
    "Choose from the list of the report template.": (
        "Есеп үлгісіндегі тізімнен таңдаңыз.",
        "Выберите из перечня образца отчёта.",
    ),
    "Write each section in Kazakh and in Russian: a section left empty in Russian is printed in "
    "Kazakh in the Russian PDF, with a note saying so. Plain text: an empty line starts a "
    "paragraph, “- ” a list item.": (
        "Әр бөлімді қазақ және орыс тілдерінде жазыңыз: орысша мәтіні бос қалған бөлім орыс "
        "тіліндегі PDF-те қазақ тілінде, бұл туралы белгімен басылады. Қарапайым мәтін: бос жол "
        "жаңа абзацты бастайды, «- » — тізім тармағын.",
        "Заполните каждый раздел на казахском и русском языках: раздел, не заполненный "
        "на русском языке, в PDF на русском языке приводится на казахском с пометкой об этом. "
        "Простой текст: пустая строка начинает новый абзац, «- » — пункт списка.",
    ),
    # The page and the PDF in one language.
    "given in Kazakh": ("қазақ тілінде берілген", "приводится на казахском языке"),
    "given in Russian": ("орыс тілінде берілген", "приводится на русском языке"),
    "This section is given in Kazakh: its Russian text was not written.": (
        "Бөлім қазақ тілінде берілген: оның орысша мәтіні жазылмаған.",
        "Раздел приводится на казахском языке: текст на русском языке не составлен.",
    ),
    "This section is given in Russian: its Kazakh text was not written.": (
        "Бөлім орыс тілінде берілген: оның қазақша мәтіні жазылмаған.",
        "Раздел приводится на русском языке: текст на казахском языке не составлен.",
    ),
    # No rule IDs in the report: checklist items by their number in Appendix 1.
    "checklist item %(number)s": ("чек-парақтың %(number)s-тармағы", "пункт %(number)s чек-листа"),
    "final decision of the checklist: sent back for revision": (
        "чек-парақтың қорытынды шешімі: жарияланым қайта өңдеуге жіберілді",
        "итоговое решение чек-листа: публикация направлена на доработку",
    ),
    "Of them urgent messages published before the head's approval: %(n)s; not yet "
    "acknowledged by the head: %(m)s.": (
        "Оның ішінде басшымен келісуге дейін жарияланған шұғыл хабарламалар: %(n)s; басшы әлі "
        "таныспағаны: %(m)s.",
        "Из них срочных сообщений, опубликованных до согласования с руководителем: %(n)s; "
        "ещё не принято к сведению руководителем: %(m)s.",
    ),
    # A period of whole months: "2026 жылғы қараша бойынша" / "за ноябрь 2026 г.".
    "for %(months)s": ("%(months)s бойынша", "за %(months)s"),
    # The dashboard's rule families, in words.
    "Content plan and urgent messages": (
        "Контент-жоспар және шұғыл хабарламалар",
        "Контент-план и срочные сообщения",
    ),
    "Appeals answered in time": (
        "Уақтылы жауап берілген өтініштер",
        "Обращения, рассмотренные в срок",
    ),
    "Access and passwords": ("Қол жеткізу және құпиясөздер", "Доступ и пароли"),
    # The workflow (reports.workflows).
    "A half-year report on the official accounts, from draft to accepted.": (
        "Ресми аккаунттар бойынша жартыжылдық есеп: жобадан қабылдауға дейін.",
        "Полугодовой отчёт об официальных аккаунтах: от черновика до принятия.",
    ),
    "This is not possible while the report is “%(status)s”.": (
        "Есеп «%(status)s» мәртебесінде тұрғанда бұл әрекет мүмкін емес.",
        "Это действие невозможно, пока отчёт в статусе «%(status)s».",
    ),
    "A report is submitted after its reporting period ends: the report for %(period)s can be "
    "submitted from %(day)s.": (
        "Есеп есептік кезең аяқталғаннан кейін жіберіледі: %(period)s есебін %(day)s бастап "
        "жіберуге болады.",
        "Отчёт направляется после окончания отчётного периода: отчёт за %(period)s можно "
        "отправить с %(day)s.",
    ),
    # Metrics import: columns named in the user's language.
    "The first row names the columns by the headers shown beside their names below (as in the "
    "template). Accounts are given by their link as in the register; dates as YYYY-MM-DD or "
    "DD.MM.YYYY; numbers are whole and not negative. A file with one wrong row imports nothing; "
    "importing a file again replaces its figures.": (
        "Бірінші жолда бағандар төменде атауларының жанында көрсетілген тақырыптармен аталады "
        "(үлгідегідей). Аккаунттар тізілімдегі сілтемесімен, күндер ЖЖЖЖ-АА-КК немесе "
        "КК.АА.ЖЖЖЖ түрінде, сандар бүтін және теріс емес болып беріледі. Бір жолы қате файлдан "
        "ештеңе импортталмайды; файлды қайта импорттау оның көрсеткіштерін ауыстырады.",
        "В первой строке столбцы называются заголовками, указанными ниже рядом с их названиями "
        "(как в шаблоне). Аккаунты указываются ссылкой, как в реестре; даты — ГГГГ-ММ-ДД или "
        "ДД.ММ.ГГГГ; числа целые и неотрицательные. Если хотя бы одна строка неверна, ничего "
        "не импортируется; повторный импорт файла заменяет его показатели.",
    ),
}

PLURAL: dict = {}

# Existing messages whose translation must change.
FORCE = {
    # "frozen" is not "approved" (issue 10, part 4): the Kazakh must not say бекітілген.
    "A submitted or accepted report is frozen; it can no longer be changed.": (
        "Жіберілген немесе қабылданған есеп өзгертуге жабық: оған енді түзету енгізілмейді.",
        None,  # the Russian "зафиксирован" is right
    ),
}
