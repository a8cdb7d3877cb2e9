"""Kazakh and Russian for the checklist's and the register's new messages (issue 10):
`python scripts/fill_translations.py scripts/translations/checklist_registry.py` after
makemessages. T = {msgid: (kk, ru)}; FORCE = {msgid: (kk, ru)} for existing msgids whose
translation must change (none: the terms of issue 10, part 4 — "Құқықтық тексеру" as in CL2,
"құпиясөз" — are already in locale/ for every msgid of these two apps). Translations name rules
in words, never by their IDs."""

T = {
    # checklist/guards.py — CL1 on the publication workflow
    "Fill in the pre-publication checklist of the current version and sign its final decision "
    "“Posting of the publication is permitted” first: every material is checked before it goes "
    "to any platform, urgent ones too.": (
        "Алдымен ағымдағы нұсқаның жарияланым алдындағы чек-парағын толтырып, «Жарияланымды "
        "орналастыруға рұқсат етіледі» деген қорытынды шешімге қол қойыңыз: кез келген материал, "
        "шұғыл хабарлама да, кез келген платформаға шықпас бұрын тексеріледі.",
        "Сначала заполните чек-лист перед публикацией для текущей версии и подпишите итоговое "
        "решение «Размещение публикации разрешается»: каждый материал, в том числе срочный, "
        "проверяется до размещения на любой платформе.",
    ),
    # checklist/workflows.py — the workflow's description (docs/architecture.md)
    "The pre-publication checklist, from filling in to its final decision (CL9).": (
        "Жарияланым алдындағы чек-парақ: толтырудан қорытынды шешімге дейін.",
        "Чек-лист перед публикацией: от заполнения до итогового решения.",
    ),
    # registry/selectors.py — R4.2
    "The account “%(account)s” has the status “%(status)s” in the register: publish only to an "
    "active official account, or make it active in the register first.": (
        "«%(account)s» аккаунтының тізілімдегі мәртебесі — «%(status)s»: тек белсенді ресми "
        "аккаунтқа жариялаңыз немесе алдымен тізілімде оны белсенді етіңіз.",
        "Аккаунт «%(account)s» имеет в реестре статус «%(status)s»: публикуйте только в "
        "действующем официальном аккаунте или сначала сделайте его действующим в реестре.",
    ),
    "The account “%(account)s” has no decision of the union body on its creation in the "
    "register: record the decision on the account's page, then publish.": (
        "«%(account)s» аккаунтын құру туралы кәсіподақ органының шешімі тізілімде жоқ: шешімді "
        "аккаунт бетіне енгізіңіз, содан кейін жариялаңыз.",
        "В реестре нет решения профсоюзного органа о создании аккаунта «%(account)s»: внесите "
        "решение на странице аккаунта, затем публикуйте.",
    ),
    # registry/selectors.py — R4.1
    "Enter the publication's link on “%(account)s”.": (
        "Жарияланымның «%(account)s» аккаунтындағы сілтемесін енгізіңіз.",
        "Укажите ссылку на публикацию в аккаунте «%(account)s».",
    ),
    "The link %(url)s is not a link of %(network)s, where “%(account)s” is: give the "
    "publication's link on that account.": (
        "%(url)s сілтемесі «%(account)s» аккаунты орналасқан %(network)s желісінікі емес: "
        "жарияланымның осы аккаунттағы сілтемесін көрсетіңіз.",
        "Ссылка %(url)s не относится к сети %(network)s, где находится аккаунт «%(account)s»: "
        "укажите ссылку на публикацию в этом аккаунте.",
    ),
    # registry/workflows.py — R9.2
    "The list of persons with access to an official account (R9.2).": (
        "Ресми аккаунтқа қол жеткізу құқығы бар тұлғалардың тізбесі.",
        "Список лиц, имеющих доступ к официальному аккаунту.",
    ),
    "Superseded by a newer version": (
        "Жаңа нұсқамен ауыстырылды",
        "Заменена более новой версией",
    ),
    "Access list version superseded": (
        "Қол жеткізу тізбесінің нұсқасы ауыстырылды",
        "Версия списка доступа заменена",
    ),
}

PLURAL: dict[str, tuple[list[str], list[str]]] = {}

FORCE: dict[str, tuple[str, str]] = {}
