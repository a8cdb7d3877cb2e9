"""Kazakh and Russian for the messages of the transition engine and the content app's rules
(issue 10): `python scripts/fill_translations.py scripts/translations/content.py`."""

T = {
    "This is not possible while the state is “%(state)s”.": (
        "«%(state)s» күйінде бұл мүмкін емес.",
        "В состоянии «%(state)s» это невозможно.",
    ),
    "This is not possible while the plan is “%(status)s”.": (
        "Жоспар «%(status)s» күйінде тұрғанда бұл мүмкін емес.",
        "Пока план в состоянии «%(status)s», это невозможно.",
    ),
    "Name members of the organization or of its subtree.": (
        "Ұйымның немесе оның құрылымдық бөлімшелерінің мүшелерін көрсетіңіз.",
        "Укажите членов организации или подчинённых ей организаций.",
    ),
    "Where needed.": ("Қажет болған жағдайда.", "При необходимости."),
    "Why it is not in the content plan": (
        "Контент-жоспарға неге енгізілмеген",
        "Почему публикации нет в контент-плане",
    ),
    "why it is not in the content plan": (
        "контент-жоспарға енгізілмеу себебі",
        "причина публикации вне контент-плана",
    ),
    "Work follows the content plan: draft from a plan item, or say why this publication is "
    "outside it. It is counted in the half-year report.": (
        "Жұмыс контент-жоспар бойынша жүргізіледі: жарияланымды жоспар тармағынан жасаңыз "
        "немесе оның жоспардан тыс неге жарияланатынын көрсетіңіз. Бұл жартыжылдық есепте "
        "ескеріледі.",
        "Работа ведётся по контент-плану: создайте публикацию из пункта плана или укажите, "
        "почему она выходит вне плана. Это учитывается в полугодовом отчёте.",
    ),
    "Official statement": ("Ресми мәлімдеме", "Официальное заявление"),
    "Published after the authorized union body approves it; never urgent.": (
        "Уәкілетті кәсіподақ органы бекіткеннен кейін ғана жарияланады; шұғыл тәртіппен "
        "жарияланбайды.",
        "Публикуется только после утверждения уполномоченным профсоюзным органом; в срочном "
        "порядке не публикуется.",
    ),
    "Urgent message": ("Шұғыл хабарлама", "Срочное сообщение"),
    "urgent message": ("шұғыл хабарлама", "срочное сообщение"),
    "Only a responsible administrator of “%(account)s” appointed by the chairman's order may "
    "publish on it: ask the chairman to record the order in the register.": (
        "«%(account)s» аккаунтында тек төрағаның бұйрығымен тағайындалған жауапты әкімші "
        "жариялай алады: төрағадан бұйрықты тізілімге енгізуді сұраңыз.",
        "Публиковать в «%(account)s» может только ответственный администратор, назначенный "
        "приказом председателя: попросите председателя внести приказ в реестр.",
    ),
    "The publication is not in the content plan: link it to a plan item or say why it is "
    "published outside the plan.": (
        "Жарияланым контент-жоспарда жоқ: оны жоспар тармағымен байланыстырыңыз немесе "
        "жоспардан тыс неге жарияланатынын көрсетіңіз.",
        "Публикации нет в контент-плане: свяжите её с пунктом плана или укажите, почему она "
        "выходит вне плана.",
    ),
    "An official statement needs the approval of the authorized union body: record its "
    "decision first.": (
        "Ресми мәлімдемені уәкілетті кәсіподақ органы бекітуі тиіс: алдымен оның шешімін "
        "енгізіңіз.",
        "Официальное заявление утверждает уполномоченный профсоюзный орган: сначала внесите "
        "его решение.",
    ),
    "An official statement cannot go out as an urgent message: it needs the approval of the "
    "authorized union body and of the head first.": (
        "Ресми мәлімдеме шұғыл хабарлама ретінде жарияланбайды: алдымен уәкілетті кәсіподақ "
        "органы бекітіп, басшы келісуі тиіс.",
        "Официальное заявление не публикуется как срочное сообщение: сначала его утверждает "
        "уполномоченный профсоюзный орган и согласует руководитель.",
    ),
    "An official statement is published only after the authorized union body approves it; it "
    "cannot go out as an urgent message.": (
        "Ресми мәлімдеме уәкілетті кәсіподақ органы бекіткеннен кейін ғана жарияланады; ол "
        "шұғыл хабарлама ретінде жарияланбайды.",
        "Официальное заявление публикуется только после утверждения уполномоченным "
        "профсоюзным органом; как срочное сообщение оно не выходит.",
    ),
    "Only a publication marked urgent can be published before approval.": (
        "Келісуге дейін тек шұғыл деп белгіленген жарияланым ғана жариялана алады.",
        "До согласования можно опубликовать только публикацию, отмеченную как срочная.",
    ),
    "A crisis is declared: say in the publication how it follows the agreed position.": (
        "Дағдарыс жарияланған: жарияланымда оның келісілген ұстанымға қалай сәйкес келетінін "
        "көрсетіңіз.",
        "Объявлен кризис: укажите в публикации, как она следует согласованной позиции.",
    ),
    "A crisis is declared: a member of the working group must approve this urgent message "
    "before it goes out.": (
        "Дағдарыс жарияланған: бұл шұғыл хабарламаны жарияламас бұрын жұмыс тобының мүшесі "
        "келісуі тиіс.",
        "Объявлен кризис: до выхода срочное сообщение должен согласовать член рабочей группы.",
    ),
    "A crisis was declared after the approval: a member of the working group must confirm how "
    "the publication follows the agreed position before it goes out.": (
        "Дағдарыс келісуден кейін жарияланды: жарияланым шықпас бұрын жұмыс тобының мүшесі "
        "оның келісілген ұстанымға сәйкестігін растауы тиіс.",
        "Кризис объявлен после согласования: до выхода публикации член рабочей группы должен "
        "подтвердить, как она следует согласованной позиции.",
    ),
    "A crisis was declared after the approval: a member of the working group must approve the "
    "publication before it goes out.": (
        "Дағдарыс келісуден кейін жарияланды: жарияланым шықпас бұрын оны жұмыс тобының мүшесі "
        "келісуі тиіс.",
        "Кризис объявлен после согласования: до выхода публикацию должен согласовать член "
        "рабочей группы.",
    ),
    "No crisis is declared.": ("Дағдарыс жарияланбаған.", "Кризис не объявлен."),
    "The working group has already approved this publication.": (
        "Жұмыс тобы бұл жарияланымды келісіп қойған.",
        "Рабочая группа уже согласовала эту публикацию.",
    ),
    "The working group approves this publication when it is submitted.": (
        "Жұмыс тобы бұл жарияланымды келісуге жіберілгенде келіседі.",
        "Рабочая группа согласует эту публикацию, когда она будет направлена на согласование.",
    ),
    "%(account)s publishes in %(language)s only: keep the text in that language.": (
        "%(account)s тек %(language)s жариялайды: мәтінді сол тілде қалдырыңыз.",
        "%(account)s публикует только на языке «%(language)s»: оставьте текст на этом языке.",
    ),
    "Say how the publication follows the agreed position.": (
        "Жарияланымның келісілген ұстанымға қалай сәйкес келетінін көрсетіңіз.",
        "Укажите, как публикация следует согласованной позиции.",
    ),
    "The working group's approval is recorded.": (
        "Жұмыс тобының келісімі тіркелді.",
        "Согласование рабочей группы записано.",
    ),
    "Acknowledge": ("Танысу", "Ознакомиться"),
    "Approve for the working group": (
        "Жұмыс тобы атынан келісу",
        "Согласовать от рабочей группы",
    ),
    "Returned for revision by the checklist": (
        "Чек-парақ бойынша қайта өңдеуге қайтарылды",
        "Возвращена на доработку по чек-листу",
    ),
    "Prohibited by the checklist": (
        "Чек-парақ бойынша орналастыруға тыйым салынды",
        "Размещение запрещено по чек-листу",
    ),
    "Choose": ("Таңдау", "Выбрать"),
    "Approval of the official statement": (
        "Ресми мәлімдемені бекіту",
        "Утверждение официального заявления",
    ),
    "Say why": ("Себебін көрсетіңіз", "Укажите причину"),
}

T["Of them published outside the content plan, with the reason stated: %(n)s."] = (
    "Оның ішінде контент-жоспардан тыс, себебі көрсетіліп жарияланғандары: %(n)s.",
    "Из них опубликовано вне контент-плана с указанием причины: %(n)s.",
)
