"""Kazakh and Russian for issue 13, points 1 and 10 (approving from the notification, the e-mail's
signed link, the phone's action bar and crisis banner): `python scripts/fill_translations.py
scripts/translations/approve.py`. T = {msgid: (kk, ru)}; PLURAL = {msgid: ([kk forms], [ru
forms])}. A publication is «келісу» / «согласовать» (R6.2), as on the publication page."""

T = {
    # content/views/approvals.py: the signed link refused.
    "This approval link has expired. Open the publication and approve it there.": (
        "Келісу сілтемесінің мерзімі өтті. Жарияланымды ашып, сол жерде келісіңіз.",
        "Срок действия ссылки для согласования истёк. Откройте публикацию и согласуйте её там.",
    ),
    "This approval link is not valid. Open the publication from your notifications.": (
        "Келісу сілтемесі жарамсыз. Жарияланымды хабарламаларыңыздан ашыңыз.",
        "Ссылка для согласования недействительна. Откройте публикацию из уведомлений.",
    ),
    "This approval link was sent to another person. Sign in with your own account or open the "
    "publication from your notifications.": (
        "Бұл келісу сілтемесі басқа адамға жіберілген. Өз есептік жазбаңызбен кіріңіз немесе "
        "жарияланымды хабарламаларыңыздан ашыңыз.",
        "Эта ссылка для согласования отправлена другому человеку. Войдите под своей учётной "
        "записью или откройте публикацию из уведомлений.",
    ),
    "This publication no longer awaits your approval.": (
        "Бұл жарияланым енді сіздің келісуіңізді күтпейді.",
        "Эта публикация больше не ожидает вашего согласования.",
    ),
    # templates/content/_approval_card.html, approval_confirm.html
    "The whole text": ("Толық мәтін", "Весь текст"),
    "Not completed": ("Толтырылмаған", "Не заполнен"),
    "To return it for revision, say why": (
        "Қайта өңдеуге қайтару үшін себебін жазыңыз",
        "Чтобы вернуть на доработку, укажите причину",
    ),
    "Open the publication": ("Жарияланымды ашу", "Открыть публикацию"),
    "Approve the publication": ("Жарияланымды келісу", "Согласование публикации"),
    "Read the publication, then approve it with the button below. Nothing is approved until you "
    "press it.": (
        "Жарияланыммен танысып, төмендегі батырмамен келісіңіз. Батырманы баспайынша ештеңе "
        "келісілмейді.",
        "Ознакомьтесь с публикацией и согласуйте её кнопкой ниже. Пока вы её не нажмёте, ничего "
        "не согласовано.",
    ),
    # templates/emails/approval_details.*
    "Approve (opens a confirmation page)": (
        "Келісу (растау беті ашылады)",
        "Согласовать (откроется страница подтверждения)",
    ),
    # templates/base.html: several crises in one banner.
    "Agreed positions": ("Келісілген ұстанымдар", "Согласованные позиции"),
}

PLURAL = {
    "The link works for %(hours)s hour, for you only, after you sign in.": (
        [
            "Сілтеме %(hours)s сағат бойы тек сізге, жүйеге кіргеннен кейін жұмыс істейді.",
            "Сілтеме %(hours)s сағат бойы тек сізге, жүйеге кіргеннен кейін жұмыс істейді.",
        ],
        [
            "Ссылка действует %(hours)s час, только для вас и после входа в систему.",
            "Ссылка действует %(hours)s часа, только для вас и после входа в систему.",
            "Ссылка действует %(hours)s часов, только для вас и после входа в систему.",
            "Ссылка действует %(hours)s часа, только для вас и после входа в систему.",
        ],
    ),
    "%(counter)s crisis": (
        ["%(counter)s дағдарыс", "%(counter)s дағдарыс"],
        [
            "%(counter)s кризис",
            "%(counter)s кризиса",
            "%(counter)s кризисов",
            "%(counter)s кризиса",
        ],
    ),
}
