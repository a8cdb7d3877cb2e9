"""Kazakh and Russian translations of the appeals app's new and changed messages (issue 10).

T = {msgid: (kk, ru)} for new msgids; PLURAL = {msgid: ([kk forms], [ru forms])}; FORCE =
{msgid: (kk, ru)} for existing msgids whose translation must change. Kazakh is the official
business register; Russian uses «ёлочки»."""

T = {
    # The workflow (appeals/workflows.py)
    "An appeal from registration to closing (R8.1–R8.3, R9.1).": (
        "Өтініш тіркелген сәттен бастап жабылғанға дейін (R8.1–R8.3, R9.1).",
        "Обращение от регистрации до закрытия (R8.1–R8.3, R9.1).",
    ),
    "This appeal is answered and closed by the responsible organization “%(organization)s”: "
    "its administrators, lawyers and chairman. Ask them to take this step; a chairman above "
    "may reassign the appeal to one of them.": (
        "Бұл өтінішке жауапты ұйым — «%(organization)s» жауап береді және оны жабады: оның "
        "әкімшілері, заңгерлері және төрағасы. Бұл әрекетті орындауды солардан сұраңыз; жоғары "
        "тұрған ұйымның төрағасы өтінішті солардың біріне қайта тапсыра алады.",
        "На это обращение отвечает и закрывает его ответственная организация "
        "«%(organization)s»: её администраторы, юристы и председатель. Попросите их выполнить "
        "это действие; председатель вышестоящей организации может переназначить обращение "
        "одному из них.",
    ),
    "The official response was due on %(date)s and that date has passed, so the term can no "
    "longer be extended. The appeal stays overdue: send the official response as soon as "
    "possible.": (
        "Ресми жауап %(date)s күнінен кешіктірілмей берілуге тиіс еді, бұл мерзім өтіп кетті, "
        "сондықтан оны енді ұзартуға болмайды. Өтініш мерзімі өткен болып қала береді: ресми "
        "жауапты мүмкіндігінше тезірек жіберіңіз.",
        "Официальный ответ следовало дать не позднее %(date)s; этот срок истёк, поэтому продлить "
        "его уже нельзя. Обращение остаётся просроченным: направьте официальный ответ как можно "
        "скорее.",
    ),
    "No extension is waiting to be communicated to the applicant.": (
        "Өтініш берушіге хабарлануы тиіс мерзім ұзартуы жоқ.",
        "Нет продления срока, о котором нужно уведомить заявителя.",
    ),
    # Models (appeals/models.py)
    "The author's consent, given in the appeal or separately": (
        "Автордың өтініште немесе жеке берген келісімі",
        "Согласие автора, выраженное в обращении или данное отдельно",
    ),
    "The consent the member gave on joining the union": (
        "Мүшенің кәсіподаққа кірген кезде берген келісімі",
        "Согласие, данное членом профсоюза при вступлении в профсоюз",
    ),
    "A case where the law allows processing without consent": (
        "Заңда келісімсіз өңдеуге жол берілетін жағдай",
        "Случай, когда закон допускает обработку без согласия",
    ),
    "By the notice published in the official account": (
        "Ресми аккаунтта жарияланған хабарлама арқылы",
        "Уведомлением, опубликованным в официальном аккаунте",
    ),
    "In the reply to the author": (
        "Авторға берілген жауапта",
        "В ответе автору",
    ),
    "In a letter": (
        "Хатпен",
        "Письмом",
    ),
    "In person or by phone": (
        "Жеке өзіне немесе телефон арқылы",
        "Лично или по телефону",
    ),
    "legal basis of processing personal data": (
        "дербес деректерді өңдеудің құқықтық негізі",
        "правовое основание обработки персональных данных",
    ),
    "the author was told how the data are used": (
        "авторға деректердің қалай пайдаланылатыны хабарланды",
        "автор уведомлён об использовании данных",
    ),
    "forwarded after the 3-working-day limit": (
        "3 жұмыс күні мерзімі өткеннен кейін жолданды",
        "направлено по истечении 3 рабочих дней",
    ),
    # Services (appeals/services.py)
    "Choose the legal basis on which the author's data are processed.": (
        "Автордың деректері қандай құқықтық негізде өңделетінін таңдаңыз.",
        "Выберите правовое основание обработки данных автора.",
    ),
    "Say how the author was told who uses the data, for what and for how long.": (
        "Авторға деректерді кім, не үшін және қанша уақыт пайдаланатыны қалай хабарланғанын "
        "көрсетіңіз.",
        "Укажите, как автор был уведомлён о том, кто, для чего и как долго использует его данные.",
    ),
    "Forwarded after the 3-working-day limit: it was due by %(date)s.": (
        "3 жұмыс күні мерзімі өткеннен кейін жолданды: %(date)s күнінен кешіктірмей жолдану "
        "керек еді.",
        "Направлено по истечении 3 рабочих дней: следовало направить не позднее %(date)s.",
    ),
    # Forms (appeals/forms.py)
    "Confidential matter (continues as official correspondence)": (
        "Құпия сипаттағы мәселе (ресми хат алмасу тәртібіне ауыстырылады)",
        "Вопрос конфиденциального характера (переводится в режим официальной переписки)",
    ),
    "Legal basis of processing the author's personal data": (
        "Автордың дербес деректерін өңдеудің құқықтық негізі",
        "Правовое основание обработки персональных данных автора",
    ),
    "Under the Law of the Republic of Kazakhstan “On personal data and their protection”.": (
        "«Дербес деректер және оларды қорғау туралы» Қазақстан Республикасының Заңына сәйкес.",
        "В соответствии с Законом Республики Казахстан «О персональных данных и их защите».",
    ),
    "How the author was told who uses the data, for what and for how long": (
        "Авторға деректерді кім, не үшін және қанша уақыт пайдаланатыны қалай хабарланды",
        "Как автор уведомлён о том, кто, для чего и как долго использует его данные",
    ),
    "Choose one.": (
        "Біреуін таңдаңыз.",
        "Выберите один из вариантов.",
    ),
    # Views (appeals/views.py)
    "Forwarded late": (
        "Кешіктіріліп жолданғандар",
        "Направленные с опозданием",
    ),
    "Within 3 working days of registration: by %(date)s. A later forwarding is recorded as late.": (
        "Тіркелген күннен бастап 3 жұмыс күні ішінде: %(date)s күнінен кешіктірмей. Одан кейін "
        "жолдау кешіктірілген деп тіркеледі.",
        "В течение 3 рабочих дней с даты регистрации: не позднее %(date)s. Более позднее "
        "направление фиксируется как несвоевременное.",
    ),
    # Templates (templates/appeals/)
    "Working days are counted on the Kazakhstan working calendar: weekends, public holidays and "
    "transferred days off are not counted.": (
        "Жұмыс күндері Қазақстанның өндірістік күнтізбесі бойынша есептеледі: демалыс және "
        "мереке күндері, сондай-ақ ауыстырылған демалыс күндері есепке алынбайды.",
        "Рабочие дни считаются по производственному календарю Казахстана: выходные, "
        "праздничные и перенесённые дни отдыха не учитываются.",
    ),
    "Personal data": (
        "Дербес деректер",
        "Персональные данные",
    ),
    "Legal basis of processing": (
        "Өңдеудің құқықтық негізі",
        "Правовое основание обработки",
    ),
    "The author was told how the data are used": (
        "Авторға деректердің қалай пайдаланылатыны хабарланды",
        "Автор уведомлён об использовании данных",
    ),
    "after the 3-working-day limit": (
        "3 жұмыс күні мерзімі өткеннен кейін",
        "по истечении 3 рабочих дней",
    ),
    "forwarded late": (
        "кешіктіріліп жолданды",
        "направлено с опозданием",
    ),
    "Public holidays and transferred days off are known to the system in advance; here you "
    "correct single days: a weekday declared a day off, or a Saturday or Sunday declared a "
    "working day. The due dates of open appeals are recomputed at once.": (
        "Мереке күндері мен ауыстырылған демалыс күндері жүйеге алдын ала белгілі; мұнда жекелеген "
        "күндер түзетіледі: демалыс деп жарияланған жұмыс күні немесе жұмыс күні деп жарияланған "
        "сенбі не жексенбі. Қаралып жатқан өтініштердің мерзімдері бірден қайта есептеледі.",
        "Праздничные и перенесённые дни отдыха известны системе заранее; здесь исправляются "
        "отдельные дни: будний день, объявленный выходным, или суббота либо воскресенье, "
        "объявленные рабочими. Сроки открытых обращений сразу пересчитываются.",
    ),
}

PLURAL = {
    "%(count)s appeal forwarded after the 3-working-day limit": (
        [
            "3 жұмыс күні мерзімі өткеннен кейін жолданған %(count)s өтініш",
            "3 жұмыс күні мерзімі өткеннен кейін жолданған %(count)s өтініш",
        ],
        [
            "%(count)s обращение направлено по истечении 3 рабочих дней",
            "%(count)s обращения направлены по истечении 3 рабочих дней",
            "%(count)s обращений направлено по истечении 3 рабочих дней",
            "%(count)s обращения направлено по истечении 3 рабочих дней",
        ],
    ),
}

# Existing msgids whose translation changes: "Жұмысқа алу" means hiring; an appeal is taken
# for consideration ("Қарауға алу"), and its state is "under consideration".
FORCE = {
    "Take into work": ("Қарауға алу", "Принять в работу"),
    "Appeal taken into work": ("Өтініш қарауға алынды", "Обращение принято в работу"),
    "The appeal has been taken into work.": (
        "Өтініш қарауға алынды.",
        "Обращение принято в работу.",
    ),
    "In work": ("Қарауда", "В работе"),
}
