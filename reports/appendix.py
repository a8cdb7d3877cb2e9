"""The wording of Appendix 2 (the half-year report template). Kazakh translations copy
regulation.kk.txt verbatim, Russian ones regulation.ru.md; the page, the form and the PDF all
take their headings from here so they never drift apart."""

from django.utils.translation import pgettext_lazy

H = {
    "title": pgettext_lazy(
        "appendix 2", "Report on the work of the official accounts in social networks"
    ),
    "s1": pgettext_lazy("appendix 2", "1. General information"),
    "s1_1": pgettext_lazy("appendix 2", "1.1. Reporting period:"),
    "s1_2": pgettext_lazy("appendix 2", "1.2. Responsible employee:"),
    "s1_2_name": pgettext_lazy("appendix 2", "Full name, position"),
    "s1_3": pgettext_lazy("appendix 2", "1.3. Information on the official accounts:"),
    "network": pgettext_lazy("appendix 2", "Social network"),
    "account_name": pgettext_lazy("appendix 2", "Page/account name"),
    "link": pgettext_lazy("appendix 2", "Link"),
    "s2": pgettext_lazy("appendix 2", "2. Goals and tasks in the reporting period"),
    "s2_1": pgettext_lazy("appendix 2", "2.1. Goals:"),
    "s2_2": pgettext_lazy("appendix 2", "2.2. Priority directions and tasks (briefly):"),
    "s3": pgettext_lazy("appendix 2", "3. Content and publications"),
    "s3_1": pgettext_lazy(
        "appendix 2", "3.1. Total number of publications in the reporting period:"
    ),
    "s3_2": pgettext_lazy("appendix 2", "3.2. By content type:"),
    "direction": pgettext_lazy("appendix 2", "Content direction"),
    "count": pgettext_lazy("appendix 2", "Quantity"),
    "s3_3": pgettext_lazy("appendix 2", "3.3. Main topics covered:"),
    "s3_4": pgettext_lazy(
        "appendix 2", "3.4. Compliance with the content policy and the pre-check requirements:"
    ),
    "fully": pgettext_lazy("appendix 2", "fully complied with"),
    "remarks": pgettext_lazy("appendix 2", "there are remarks (specify):"),
    "s4": pgettext_lazy("appendix 2", "4. Key indicators"),
    "s4_1": pgettext_lazy("appendix 2", "4.1. Audience (Subscribers):"),
    "at_start": pgettext_lazy("appendix 2", "At the start of the reporting period"),
    "at_end": pgettext_lazy("appendix 2", "at the end of the reporting period"),
    "growth": pgettext_lazy("appendix 2", "growth"),
    "s4_2": pgettext_lazy("appendix 2", "4.2. Engagement indicators (if any):"),
    "avg_views": pgettext_lazy("appendix 2", "average views"),
    "likes": pgettext_lazy("appendix 2", "likes"),
    "comments": pgettext_lazy("appendix 2", "comments"),
    "shares": pgettext_lazy("appendix 2", "shares / reposts"),
    "s4_3": pgettext_lazy("appendix 2", "4.3. Best-performing publications (short description):"),
    "s5": pgettext_lazy("appendix 2", "5. Work with comments and appeals"),
    "s5_1": pgettext_lazy("appendix 2", "5.1. Number of comments and messages:"),
    "s5_2": pgettext_lazy("appendix 2", "5.2. Main directions of appeals:"),
    "s5_3": pgettext_lazy("appendix 2", "5.3. Results of the responses:"),
    "s5_4": pgettext_lazy("appendix 2", "5.4. Disputes and measures taken:"),
    "s6": pgettext_lazy("appendix 2", "6. Moderation and risks"),
    "s6_1": pgettext_lazy("appendix 2", "6.1. Deletions of publications and comments:"),
    "none": pgettext_lazy("appendix 2", "there were none"),
    "were": pgettext_lazy("appendix 2", "there were (grounds):"),
    "s6_2": pgettext_lazy("appendix 2", "6.2. Risks identified:"),
    "s6_3": pgettext_lazy("appendix 2", "6.3. Preventive measures:"),
    "s7": pgettext_lazy("appendix 2", "7. Interaction with other structures"),
    "s7_1": pgettext_lazy("appendix 2", "7.1. Interaction with the elected union bodies:"),
    "s7_2": pgettext_lazy("appendix 2", "7.2. Coordination with the legal service when needed:"),
    "s8": pgettext_lazy("appendix 2", "8. Problems and limitations"),
    "s8_1": pgettext_lazy("appendix 2", "8.1. Problems identified:"),
    "s8_2": pgettext_lazy("appendix 2", "8.2. Causes (staffing, technical, organizational):"),
    "s9": pgettext_lazy("appendix 2", "9. Plans and proposals for the next half-year"),
    "s10": pgettext_lazy("appendix 2", "10. Overall assessment"),
    "s10_text": pgettext_lazy(
        "appendix 2",
        "Overall effectiveness of the work in social networks in the reporting period:",
    ),
    "prepared": pgettext_lazy("appendix 2", "Report prepared by:"),
    "fio": pgettext_lazy("appendix 2", "Full name"),
    "position": pgettext_lazy("appendix 2", "Position"),
    "signature": pgettext_lazy("appendix 2", "Signature"),
    "date": pgettext_lazy("appendix 2", "Day, month, year"),
}

# RPT3.2: the template's own row labels, in the order of content.taxonomy.ContentKind.
KIND_LABELS = {
    "informational": pgettext_lazy("appendix 2", "Informational"),
    "legal": pgettext_lazy("appendix 2", "Legal explanation"),
    "social": pgettext_lazy("appendix 2", "Social protection"),
    "educational": pgettext_lazy("appendix 2", "Educational/Training"),
    "image": pgettext_lazy("appendix 2", "Image"),
    "interactive": pgettext_lazy("appendix 2", "Interactive"),
}

# RPT5.2 and RPT5.3, in the template's words, keyed by appeals.models.Topic / Outcome.
TOPIC_LABELS = {
    "labour_rights": pgettext_lazy("appendix 2", "labour rights"),
    "pay": pgettext_lazy("appendix 2", "pay and payments"),
    "social_support": pgettext_lazy("appendix 2", "social support"),
    "organizational": pgettext_lazy("appendix 2", "organizational questions"),
    "other": pgettext_lazy("appendix 2", "other"),
}
OUTCOME_LABELS = {
    "explanation": pgettext_lazy("appendix 2", "explanation given"),
    "forwarded": pgettext_lazy("appendix 2", "forwarded to the competent structure"),
    "official_response": pgettext_lazy("appendix 2", "official response prepared"),
}

# RPT2.1 and RPT6.2: the template's fixed lists, offered as checkboxes beside the free text
# (the report's `goals` and `risks`); the report stores the keys (Report.goal_choices,
# Report.risk_choices), in this order.
GOAL_LABELS = {
    "inform": pgettext_lazy("appendix 2", "informing union members"),
    "legal_education": pgettext_lazy("appendix 2", "legal education"),
    "reputation": pgettext_lazy("appendix 2", "strengthening the union's public reputation"),
    "feedback": pgettext_lazy("appendix 2", "establishing feedback with union members"),
}
RISK_LABELS = {
    "reputational": pgettext_lazy("appendix 2", "reputational risks"),
    "legal": pgettext_lazy("appendix 2", "legal risks"),
    "unreliable_information": pgettext_lazy(
        "appendix 2", "risk of spreading unreliable information"
    ),
}
# "өзге _____" / "иное _____" beside the goals: the free text of 2.1 is printed after it.
OTHER = pgettext_lazy("appendix 2", "other")

# The narrative fields and the headings they answer, in the template's order.
NARRATIVE = [
    ("goals", "s2_1"),
    ("priorities", "s2_2"),
    ("disputes", "s5_4"),
    ("risks", "s6_2"),
    ("prevention", "s6_3"),
    ("elected_bodies", "s7_1"),
    ("legal_service", "s7_2"),
    ("problems", "s8_1"),
    ("causes", "s8_2"),
    ("plans", "s9"),
    ("assessment", "s10_text"),
]

# The Kazakh and Russian wording, for tests and for the translation catalog
# (shared/regulation/regulation.kk.txt and regulation.ru.md, Appendix 2).
KK = {
    "title": "Әлеуметтік желілердегі ресми аккаунттар бойынша жұмыс есебі",
    "s1": "1. Жалпы ақпарат",
    "s1_1": "1.1. Есептік кезең:",
    "s1_2": "1.2. Жауапты қызметкер:",
    "s1_2_name": "Толық аты-жөні, лауазымы",
    "s1_3": "1.3. Ресми аккаунттар туралы мәлімет:",
    "network": "Әлеуметтік желі",
    "account_name": "Парақша/Аккаунт атауы",
    "link": "Сілтемесі",
    "s2": "2. Есептік кезеңдегі мақсаттар мен міндеттер",
    "s2_1": "2.1. Мақсаттар:",
    "s2_2": "2.2. Басым бағыттар мен міндеттер (қысқаша):",
    "s3": "3. Контент және жарияланымдар",
    "s3_1": "3.1. Есептік кезеңдегі жарияланымдардың жалпы саны:",
    "s3_2": "3.2. Контент түрлері бойынша:",
    "direction": "Контент бағыты",
    "count": "Саны",
    "s3_3": "3.3. Қарастырылған негізгі тақырыптар:",
    "s3_4": "3.4. Контент саясаты мен алдын ала тексеру талаптарының сақталуы:",
    "fully": "толық көлемде сақталады",
    "remarks": "ескертулер бар (нақтылау):",
    "s4": "4. Негізгі көрсеткіштер",
    "s4_1": "4.1. Аудитория (Жазылушылар):",
    "at_start": "Есептік кезең басында",
    "at_end": "есептік кезең соңында",
    "growth": "өсім",
    "s4_2": "4.2. Белсенділік көрсеткіштері (бар болса):",
    "avg_views": "орташа қаралым",
    "likes": "лайктар",
    "comments": "пікірлер",
    "shares": "бөлісулер / қайта жариялау",
    "s4_3": "4.3. Нәтижелілігі жоғары жарияланымдар (қысқаша сипаттама):",
    "s5": "5. Пікірлер және өтініштермен жұмыс",
    "s5_1": "5.1. Пікірлер мен хабарламалар саны:",
    "s5_2": "5.2. Өтініштердің негізгі бағыттары:",
    "s5_3": "5.3. Жауап беру нәтижелері:",
    "s5_4": "5.4. Даулы жағдайлар және қабылданған шаралар:",
    "s6": "6. Модерация және тәуекелдер",
    "s6_1": "6.1. Жарияланымдар мен пікірлерді өшіру фактілері:",
    "none": "болған жоқ",
    "were": "болды (негіздемесі):",
    "s6_2": "6.2. Анықталған тәуекелдер:",
    "s6_3": "6.3. Алдын алу шаралары:",
    "s7": "7. Басқа құрылымдармен өзара іс-қимыл",
    "s7_1": "7.1. Кәсіподақтың сайланбалы органдарымен өзара іс-қимыл:",
    "s7_2": "7.2. Қажет болған жағдайда заң қызметімен үйлестіру:",
    "s8": "8. Проблемалар мен шектеулер",
    "s8_1": "8.1. Анықталған мәселелер:",
    "s8_2": "8.2. Себептері (кадрлық, техникалық, ұйымдастырушылық):",
    "s9": "9. Келесі жартыжылдыққа жоспарлар мен ұсыныстар",
    "s10": "10. Қорытынды баға",
    "s10_text": "Есептік кезеңдегі әлеуметтік желілердегі жұмыстың жалпы тиімділігі:",
    "prepared": "Есепті әзірлеген:",
    "fio": "Т.А.Ә.",
    "position": "Лауазымы",
    "signature": "Қолы",
    "date": "Күні, айы, жылы",
}
RU = {
    "title": "Отчёт о работе официальных аккаунтов в социальных сетях",
    "s1": "1. Общая информация",
    "s1_1": "1.1. Отчётный период:",
    "s1_2": "1.2. Ответственный работник:",
    "s1_2_name": "фамилия, имя, отчество, должность",
    "s1_3": "1.3. Сведения об официальных аккаунтах:",
    "network": "Социальная сеть",
    "account_name": "Наименование страницы/аккаунта",
    "link": "Ссылка",
    "s2": "2. Цели и задачи в отчётном периоде",
    "s2_1": "2.1. Цели:",
    "s2_2": "2.2. Приоритетные направления и задачи (кратко):",
    "s3": "3. Контент и публикации",
    "s3_1": "3.1. Общее количество публикаций за отчётный период:",
    "s3_2": "3.2. По видам контента:",
    "direction": "Направление контента",
    "count": "Количество",
    "s3_3": "3.3. Основные рассмотренные темы:",
    "s3_4": "3.4. Соблюдение контент-политики и требований предварительной проверки:",
    "fully": "соблюдаются в полном объёме",
    "remarks": "имеются замечания (уточнить):",
    "s4": "4. Основные показатели",
    "s4_1": "4.1. Аудитория (подписчики):",
    "at_start": "на начало отчётного периода",
    "at_end": "на конец отчётного периода",
    "growth": "прирост",
    "s4_2": "4.2. Показатели активности (при наличии):",
    "avg_views": "средний охват (просмотры)",
    "likes": "лайки",
    "comments": "комментарии",
    "shares": "репосты / повторные публикации",
    "s4_3": "4.3. Публикации с наибольшей результативностью (краткое описание):",
    "s5": "5. Работа с комментариями и обращениями",
    "s5_1": "5.1. Количество комментариев и сообщений:",
    "s5_2": "5.2. Основные направления обращений:",
    "s5_3": "5.3. Результаты ответов:",
    "s5_4": "5.4. Спорные ситуации и принятые меры:",
    "s6": "6. Модерация и риски",
    "s6_1": "6.1. Факты удаления публикаций и комментариев:",
    "none": "не было",
    "were": "были (основание):",
    "s6_2": "6.2. Выявленные риски:",
    "s6_3": "6.3. Меры профилактики:",
    "s7": "7. Взаимодействие с другими структурами",
    "s7_1": "7.1. Взаимодействие с выборными органами профсоюза:",
    "s7_2": "7.2. Координация с юридической службой при необходимости:",
    "s8": "8. Проблемы и ограничения",
    "s8_1": "8.1. Выявленные проблемы:",
    "s8_2": "8.2. Причины (кадровые, технические, организационные):",
    "s9": "9. Планы и предложения на следующее полугодие",
    "s10": "10. Итоговая оценка",
    "s10_text": "Общая эффективность работы в социальных сетях за отчётный период:",
    "prepared": "Отчёт подготовил:",
    "fio": "Ф.И.О.",
    "position": "Должность",
    "signature": "Подпись",
    "date": "Дата",
}
KIND_KK = {
    "informational": ("Ақпараттық", "Информационный"),
    "legal": ("Құқықтық түсіндіру", "Правовое разъяснение"),
    "social": ("Әлеуметтік- қорғау", "Социальная защита"),
    "educational": ("Ағартушылық/Оқыту", "Просветительский/обучающий"),
    "image": ("Имидждік", "Имиджевый"),
    "interactive": ("Интерактив", "Интерактив"),
}
TOPIC_KK = {
    "labour_rights": ("еңбек құқықтары", "трудовые права"),
    "pay": ("еңбекақы және төлемдер", "заработная плата и выплаты"),
    "social_support": ("әлеуметтік қолдау", "социальная поддержка"),
    "organizational": ("ұйымдастыру мәселелері", "организационные вопросы"),
    "other": ("өзге", "иное"),
}
OUTCOME_KK = {
    "explanation": ("түсіндірме берілді", "дано разъяснение"),
    "forwarded": ("тиісті құрылымға жолданды", "направлено в соответствующую структуру"),
    "official_response": ("ресми жауап әзірленді", "подготовлен официальный ответ"),
}
GOAL_KK = {
    "inform": ("кәсіподақ мүшелерін ақпараттандыру", "информирование членов профсоюза"),
    "legal_education": ("құқықтық ағартушылық", "правовое просвещение"),
    "reputation": (
        "кәсіподақтың қоғамдық беделін нығайту",
        "укрепление общественного авторитета профсоюза",
    ),
    "feedback": (
        "кәсіподақ мүшелерімен кері байланыс орнату",
        "установление обратной связи с членами профсоюза",
    ),
}
RISK_KK = {
    "reputational": ("беделдік", "репутационные"),
    "legal": ("құқықтық", "правовые"),
    "unreliable_information": (
        "анық емес ақпараттың таралу қаупі",
        "риск распространения недостоверной информации",
    ),
}
# Headings that must appear in every PDF (issue 7, "Done when").
SECTION_KEYS = [k for k in KK if k.startswith("s") and k[1].isdigit()]
