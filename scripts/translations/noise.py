"""Kazakh and Russian translations of the notification digest and e-mail settings (issue 13,
point 9; accounts/digest.py, docs/architecture.md "Notifications: digest and e-mail settings").

T = {msgid: (kk, ru)} for new msgids; PLURAL = {msgid: ([kk forms], [ru forms])}. Terms follow the
glossary of PRODUCT.md and the Russian edition of the regulation."""

T = {
    # accounts/models.py
    "waits for the digest": ("дайджестті күтеді", "ожидает дайджеста"),
    "sent in a digest": ("дайджестпен жіберілді", "отправлено в дайджесте"),
    "by e-mail": ("электрондық пошта арқылы", "по электронной почте"),
    "notification setting": ("хабарлама баптауы", "настройка уведомлений"),
    "notification settings": ("хабарлама баптаулары", "настройки уведомлений"),
    "notification digest": ("хабарламалар дайджесті", "дайджест уведомлений"),
    "notification digests": ("хабарламалар дайджестері", "дайджесты уведомлений"),
    "day": ("күн", "день"),
    # accounts/digest.py: mandatory kinds
    "Appeal deadlines are set by law (R8.2): these e-mails cannot be switched off.": (
        "Өтініштерге жауап беру мерзімдерін заң белгілейді (8.2-тармақ): бұл хаттарды өшіруге "
        "болмайды.",
        "Сроки ответа на обращения установлены законом (п. 8.2): эти письма нельзя отключить.",
    ),
    "Passwords must be changed at least once a year (R9.3): these e-mails cannot be "
    "switched off.": (
        "Құпиясөздер жылына кемінде бір рет ауыстырылуы тиіс (9.3-тармақ): бұл хаттарды өшіруге "
        "болмайды.",
        "Пароли меняются не реже одного раза в год (п. 9.3): эти письма нельзя отключить.",
    ),
    # accounts/digest.py: the kinds of notification
    "Publication awaiting your approval": (
        "Сіздің келісуіңізді күтетін жарияланым",
        "Публикация ожидает вашего согласования",
    ),
    "Your publication is approved": ("Жарияланымыңыз келісілді", "Ваша публикация согласована"),
    "Your publication is approved by the head": (
        "Жарияланымыңызды басшы келісті",
        "Ваша публикация согласована руководителем",
    ),
    "Your publication is approved in a crisis": (
        "Жарияланымыңыз дағдарыс кезінде келісілді",
        "Ваша публикация согласована в условиях кризиса",
    ),
    "Your publication is returned for revision": (
        "Жарияланымыңыз қайта өңдеуге жіберілді",
        "Ваша публикация направлена на доработку",
    ),
    "Your publication is prohibited": (
        "Жарияланымыңызды орналастыруға тыйым салынды",
        "Размещение вашей публикации запрещено",
    ),
    "Urgent message to acknowledge": (
        "Танысуды қажет ететін шұғыл хабарлама",
        "Срочное сообщение для ознакомления",
    ),
    "Reminder: urgent message not acknowledged": (
        "Еске салу: шұғыл хабарламамен танысылмаған",
        "Напоминание: срочное сообщение не прочитано",
    ),
    "Content plan awaiting your approval": (
        "Сіздің бекітуіңізді күтетін контент-жоспар",
        "Контент-план ожидает вашего утверждения",
    ),
    "Decision on your content plan": (
        "Контент-жоспарыңыз бойынша шешім",
        "Решение по вашему контент-плану",
    ),
    "You are mentioned in a comment": (
        "Сіз пікірде аталдыңыз",
        "Вас упомянули в комментарии",
    ),
    "Checklist question routed to you": (
        "Сізге жіберілген чек-парақ сұрағы",
        "Вопрос чек-листа направлен вам",
    ),
    "The lawyer answered your question": (
        "Заңгер сұрағыңызға жауап берді",
        "Юрист ответил на ваш вопрос",
    ),
    "Reply in a checklist discussion": (
        "Чек-парақ талқылауындағы жауап",
        "Ответ в обсуждении чек-листа",
    ),
    "Appeal assigned to you": ("Сізге тапсырылған өтініш", "Обращение поручено вам"),
    "Appeal forwarded to your organization": (
        "Ұйымыңызға жіберілген өтініш",
        "Обращение передано в вашу организацию",
    ),
    "Access list awaiting your approval": (
        "Сіздің бекітуіңізді күтетін қолжетімділік тізімі",
        "Список доступа ожидает вашего утверждения",
    ),
    "Decision on the access list": (
        "Қолжетімділік тізімі бойынша шешім",
        "Решение по списку доступа",
    ),
    "Emblem check required": (
        "Эмблеманы/логотипті тексеру қажет",
        "Требуется проверка эмблемы/логотипа",
    ),
    "Responsible person appointed": (
        "Жауапты тұлға тағайындалды",
        "Назначено ответственное лицо",
    ),
    # "Crisis declared", "Violation recorded", "changed": already translated.
    "Measure taken on a violation": (
        "Бұзушылық бойынша шара қабылданды",
        "Принята мера по нарушению",
    ),
    "Report submitted by an organization below": (
        "Төменгі ұйым есеп тапсырды",
        "Нижестоящая организация сдала отчёт",
    ),
    "Decision on your report": ("Есебіңіз бойынша шешім", "Решение по вашему отчёту"),
    "Report reminders": ("Есеп туралы еске салулар", "Напоминания об отчётах"),
    "Appeal deadline reminders": (
        "Өтініш мерзімдері туралы еске салулар",
        "Напоминания о сроках по обращениям",
    ),
    "Appeal deadline extended: notify the applicant": (
        "Өтініш мерзімі ұзартылды: өтініш берушіге хабарлаңыз",
        "Срок по обращению продлён: уведомите заявителя",
    ),
    "Password change reminders": (
        "Құпиясөзді ауыстыру туралы еске салулар",
        "Напоминания о смене пароля",
    ),
    "Daily notification digest": (
        "Хабарламалардың күнделікті дайджесті",
        "Ежедневный дайджест уведомлений",
    ),
    "E-mail me about": (
        "Маған электрондық поштамен жіберу",
        "Присылать мне по электронной почте",
    ),
    "“%(value)s” is not a kind of notification that can be switched off.": (
        "«%(value)s» — өшіруге болатын хабарлама түрі емес.",
        "«%(value)s» — не тот вид уведомлений, который можно отключить.",
    ),
    # accounts/views.py
    "Your notification settings are saved.": (
        "Хабарлама баптауларыңыз сақталды.",
        "Ваши настройки уведомлений сохранены.",
    ),
    # templates/accounts/notification_settings.html, notification_list.html
    "Notification settings": ("Хабарлама баптаулары", "Настройки уведомлений"),
    "Every notification always appears in the list of notifications. Choose which of them are "
    "also sent to you by e-mail.": (
        "Әр хабарлама әрқашан хабарламалар тізімінде көрінеді. Олардың қайсысы сізге электрондық "
        "поштамен де жіберілетінін таңдаңыз.",
        "Каждое уведомление всегда появляется в списке уведомлений. Выберите, какие из них "
        "присылать вам также по электронной почте.",
    ),
    "As a chairman of the Central Committee or a regional organization, you receive the events of "
    "your organizations below (not needing your own decision) in one e-mail a day, in the "
    "morning.": (
        "Орталық комитеттің немесе облыстық ұйымның төрағасы ретінде сіз төменгі ұйымдарыңыздың "
        "оқиғаларын (сіздің шешіміңізді қажет етпейтіндерін) күніне бір рет, таңертең, бір хатпен "
        "аласыз.",
        "Как председатель Центрального комитета или областной организации, вы получаете события "
        "нижестоящих организаций (не требующие вашего решения) одним письмом в день, утром.",
    ),
    "event of your organizations": ("ұйымдарыңыздың оқиғасы", "событие ваших организаций"),
    "Back to notifications": ("Хабарламаларға оралу", "Назад к уведомлениям"),
    # templates/emails/digest*.txt/html
    "The events of your organizations since the last digest. Each of them is also in your list "
    "of notifications.": (
        "Соңғы дайджесттен бергі ұйымдарыңыздың оқиғалары. Олардың әрқайсысы хабарламалар "
        "тізіміңізде де бар.",
        "События ваших организаций с последнего дайджеста. Каждое из них есть и в вашем списке "
        "уведомлений.",
    ),
    "Choose which notifications you get by e-mail": (
        "Қандай хабарламаларды электрондық поштамен алатыныңызды таңдаңыз",
        "Выберите, какие уведомления получать по электронной почте",
    ),
}

PLURAL = {
    "Daily digest: %(counter)s notification": (
        [
            "Күнделікті дайджест: %(counter)s хабарлама",
            "Күнделікті дайджест: %(counter)s хабарлама",
        ],
        [
            "Ежедневный дайджест: %(counter)s уведомление",
            "Ежедневный дайджест: %(counter)s уведомления",
            "Ежедневный дайджест: %(counter)s уведомлений",
            "Ежедневный дайджест: %(counter)s уведомления",
        ],
    ),
}
