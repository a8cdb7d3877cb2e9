"""Kazakh and Russian translations of archiving instead of deleting (issue 12, point 5):
accounts/archive.py, the archive/restore steps of appeals, publications, checklists, official
accounts and reports, templates/archive/.

T = {msgid: (kk, ru)}. Kazakh is the official business register; Russian uses «ёлочки» and ё.
Glossary: archive — мұрағат / архив; archived — мұрағатталды / в архиве; restore — мұрағаттан
қалпына келтіру / восстановить из архива."""

T = {
    # accounts/archive.py: the model fields
    "archived at": ("мұрағатталған уақыты", "помещено в архив"),
    "archived by": ("мұрағаттаған", "кто поместил в архив"),
    "reason for archiving": ("мұрағаттау себебі", "причина помещения в архив"),
    # accounts/archive.py: the guard, the transitions, the reason
    "This record is archived: it can be neither changed nor moved on. A chairman restores it "
    "from the archive first, giving the reason.": (
        "Бұл жазба мұрағатталған: оны өзгертуге де, келесі кезеңге өткізуге де болмайды. Алдымен "
        "төраға себебін көрсетіп, оны мұрағаттан қалпына келтіреді.",
        "Эта запись в архиве: её нельзя ни изменить, ни перевести на следующий этап. Сначала "
        "председатель восстанавливает её из архива, указав причину.",
    ),
    "This record is not archived.": (
        "Бұл жазба мұрағатталмаған.",
        "Эта запись не в архиве.",
    ),
    "Archive": ("Мұрағатқа жіберу", "Поместить в архив"),
    "Archived": ("Мұрағатталды", "В архиве"),
    "Restore from the archive": ("Мұрағаттан қалпына келтіру", "Восстановить из архива"),
    "Restored from the archive": ("Мұрағаттан қалпына келтірілді", "Восстановлено из архива"),
    "Keep the reason under 2000 characters.": (
        "Себебін 2000 таңбадан аспайтындай етіп жазыңыз.",
        "Изложите причину не длиннее 2000 символов.",
    ),
    "Say why the record is archived.": (
        "Жазбаның неліктен мұрағатталатынын көрсетіңіз.",
        "Укажите, почему запись помещается в архив.",
    ),
    "Say why the record is restored from the archive.": (
        "Жазбаның неліктен мұрағаттан қалпына келтірілетінін көрсетіңіз.",
        "Укажите, почему запись восстанавливается из архива.",
    ),
    # templates/archive/banner.html and list_toggle.html
    "archived by %(who)s on %(when)s.": (
        "%(when)s %(who)s мұрағатқа жіберді.",
        "помещено в архив: %(who)s, %(when)s.",
    ),
    "The record is kept. It cannot be changed or moved on until it is restored from the archive.": (
        "Жазба сақталады. Мұрағаттан қалпына келтірілгенге дейін оны өзгертуге немесе келесі "
        "кезеңге өткізуге болмайды.",
        "Запись сохраняется. Пока её не восстановят из архива, её нельзя изменить или перевести "
        "на следующий этап.",
    ),
    "Current or archived records": (
        "Ағымдағы немесе мұрағатталған жазбалар",
        "Текущие или архивные записи",
    ),
    "Current": ("Ағымдағылар", "Текущие"),
    # Appeals
    "The appeal has been archived.": ("Өтініш мұрағатқа жіберілді.", "Обращение помещено в архив."),
    "The appeal has been restored from the archive.": (
        "Өтініш мұрағаттан қалпына келтірілді.",
        "Обращение восстановлено из архива.",
    ),
    # Publications and content plans
    "The publication is archived.": (
        "Жарияланым мұрағатқа жіберілді.",
        "Публикация помещена в архив.",
    ),
    "The publication is restored from the archive.": (
        "Жарияланым мұрағаттан қалпына келтірілді.",
        "Публикация восстановлена из архива.",
    ),
    "Publications were prepared for this item, so it stays in the plan; change it instead.": (
        "Бұл тармаққа жарияланымдар дайындалған, сондықтан ол жоспарда қалады; оның орнына "
        "тармақты өзгертіңіз.",
        "По этому пункту уже подготовлены публикации, поэтому он остаётся в плане; вместо "
        "удаления измените его.",
    ),
    # Checklists
    "The checklist is archived.": (
        "Чек-парақ мұрағатқа жіберілді.",
        "Чек-лист помещён в архив.",
    ),
    "The checklist is restored from the archive.": (
        "Чек-парақ мұрағаттан қалпына келтірілді.",
        "Чек-лист восстановлен из архива.",
    ),
    "The publication is archived: its checklist cannot change until the publication is restored.": (
        "Жарияланым мұрағатталған: жарияланым қалпына келтірілгенге дейін оның чек-парағын "
        "өзгертуге болмайды.",
        "Публикация в архиве: её чек-лист нельзя изменить, пока публикацию не восстановят.",
    ),
    # Registry
    "The account “%(account)s” is archived in the register: publish only to an account in "
    "use, or ask a chairman to restore it from the archive.": (
        "«%(account)s» аккаунты тізілімде мұрағатталған: тек қолданыстағы аккаунтқа жариялаңыз "
        "немесе төрағадан оны мұрағаттан қалпына келтіруді сұраңыз.",
        "Аккаунт «%(account)s» в реестре помещён в архив: публикуйте только в действующий "
        "аккаунт или попросите председателя восстановить его из архива.",
    ),
    "The account is archived.": ("Аккаунт мұрағатқа жіберілді.", "Аккаунт помещён в архив."),
    "The account is restored from the archive.": (
        "Аккаунт мұрағаттан қалпына келтірілді.",
        "Аккаунт восстановлен из архива.",
    ),
    # Reports
    "This organization's report for this period is archived: ask a chairman to restore it "
    "from the archive instead of making a new one.": (
        "Ұйымның осы кезеңге арналған есебі мұрағатталған: жаңасын жасаудың орнына төрағадан "
        "оны мұрағаттан қалпына келтіруді сұраңыз.",
        "Отчёт организации за этот период находится в архиве: вместо создания нового попросите "
        "председателя восстановить его из архива.",
    ),
    "The report is archived.": ("Есеп мұрағатқа жіберілді.", "Отчёт помещён в архив."),
    "The report is restored from the archive.": (
        "Есеп мұрағаттан қалпына келтірілді.",
        "Отчёт восстановлен из архива.",
    ),
}

PLURAL: dict = {}
