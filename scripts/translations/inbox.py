"""Kazakh and Russian translations of the inbox app (issue 15, point 5).

T = {msgid: (kk, ru)}. Kazakh is the official business register; Russian uses «ёлочки» and ё."""

T = {
    # Menu, models (inbox/models.py, inbox/apps.py)
    "Inbox": ("Кіріс хабарламалар", "Входящие"),
    "Message to the bot": ("Ботқа жазылған хабарлама", "Сообщение боту"),
    "Comment in the discussion group": (
        "Талқылау тобындағы пікір",
        "Комментарий в группе обсуждения",
    ),
    "New": ("Жаңа", "Новое"),
    "Replied": ("Жауап берілді", "Дан ответ"),
    "Hidden": ("Жасырылды", "Скрыто"),
    "Deleted": ("Жойылды", "Удалено"),
    "Turned into an appeal": ("Өтініш ретінде тіркелді", "Зарегистрировано как обращение"),
    "external id": ("сыртқы сәйкестендіргіш", "внешний идентификатор"),
    "chat": ("чат", "чат"),
    "message number in the chat": ("чаттағы хабарлама нөмірі", "номер сообщения в чате"),
    "author's username": ("автордың пайдаланушы аты", "имя пользователя автора"),
    "author's id": ("автордың сәйкестендіргіші", "идентификатор автора"),
    "moderation log entry": ("модерация журналындағы жазба", "запись журнала модерации"),
    "handled by": ("кім өңдеді", "кем обработано"),
    "handled at": ("өңделген уақыты", "когда обработано"),
    "stored at": ("сақталған уақыты", "когда сохранено"),
    "inbox message": ("кіріс хабарлама", "входящее сообщение"),
    "inbox messages": ("кіріс хабарламалар", "входящие сообщения"),
    "reply": ("жауап", "ответ"),
    "inbox reply": ("кіріс хабарламаға жауап", "ответ на входящее сообщение"),
    "inbox replies": ("кіріс хабарламаларға жауаптар", "ответы на входящие сообщения"),
    "Comment hidden": ("Пікір жасырылды", "Комментарий скрыт"),
    # Audit (inbox/permissions.py, inbox/workflows.py)
    "Inbox message's personal data viewed": (
        "Кіріс хабарлама авторының дербес деректері қаралды",
        "Просмотрены персональные данные автора входящего сообщения",
    ),
    "Inbox message depersonalized": (
        "Кіріс хабарлама иесіздендірілді",
        "Входящее сообщение обезличено",
    ),
    "Telegram webhook set for the inbox": (
        "Кіріс хабарламалар үшін Telegram вебхугі орнатылды",
        "Для входящих установлен вебхук Telegram",
    ),
    "Inbox message answered": (
        "Кіріс хабарламаға жауап берілді",
        "На входящее сообщение дан ответ",
    ),
    "Inbox message turned into an appeal": (
        "Кіріс хабарлама өтініш ретінде тіркелді",
        "Входящее сообщение зарегистрировано как обращение",
    ),
    "Inbox message hidden": ("Кіріс хабарлама жасырылды", "Входящее сообщение скрыто"),
    "Inbox message deleted": ("Кіріс хабарлама жойылды", "Входящее сообщение удалено"),
    # The workflow's steps and refusals
    "Reply": ("Жауап беру", "Ответить"),
    "Turn into an appeal": ("Өтініш ретінде тіркеу", "Зарегистрировать как обращение"),
    "Hide": ("Жасыру", "Скрыть"),
    "Delete in Telegram": ("Telegram-да жою", "Удалить в Telegram"),
    "This is not possible while the message is “%(status)s”.": (
        "Хабарлама «%(status)s» күйінде тұрғанда бұл мүмкін емес.",
        "Это невозможно, пока сообщение в состоянии «%(status)s».",
    ),
    "Telegram lets a bot delete a message in a private chat only within 48 hours of its "
    "sending. Hide it instead: the ground is recorded in the moderation log.": (
        "Telegram ботқа жеке чаттағы хабарламаны тек ол жіберілгеннен кейін 48 сағат ішінде "
        "жоюға мүмкіндік береді. Оның орнына хабарламаны жасырыңыз: негіздеме модерация "
        "журналына жазылады.",
        "Telegram позволяет боту удалить сообщение в личном чате только в течение 48 часов после "
        "его отправки. Вместо этого скройте его: основание будет записано в журнал модерации.",
    ),
    "The official account is not connected to Telegram any more: do it in Telegram itself. "
    "Nothing has been changed.": (
        "Ресми аккаунт Telegram-ға енді қосылмаған: мұны Telegram-ның өзінде орындаңыз. Ештеңе "
        "өзгертілген жоқ.",
        "Официальный аккаунт больше не подключён к Telegram: сделайте это в самом Telegram. "
        "Ничего не изменено.",
    ),
    "Telegram could not be reached; nothing has been changed. Try again later.": (
        "Telegram-мен байланыс орнамады; ештеңе өзгертілген жоқ. Кейінірек қайталап көріңіз.",
        "Не удалось связаться с Telegram; ничего не изменено. Повторите попытку позже.",
    ),
    "Telegram refused: %(reason)s. Nothing has been changed.": (
        "Telegram бас тартты: %(reason)s. Ештеңе өзгертілген жоқ.",
        "Telegram отказал: %(reason)s. Ничего не изменено.",
    ),
    "Write the reply.": ("Жауапты жазыңыз.", "Напишите ответ."),
    "Telegram takes at most %(n)s characters.": (
        "Telegram ең көбі %(n)s таңба қабылдайды.",
        "Telegram принимает не более %(n)s символов.",
    ),
    "Choose the ground for it.": ("Оның негіздемесін таңдаңыз.", "Выберите основание."),
    "Say what the other ground is.": (
        "Өзге негіздеменің не екенін көрсетіңіз.",
        "Укажите, какое это другое основание.",
    ),
    # Pages (inbox/views.py, templates/inbox/)
    "The reply has been sent.": ("Жауап жіберілді.", "Ответ отправлен."),
    "The message is hidden; the moderation log records it.": (
        "Хабарлама жасырылды; бұл модерация журналына жазылды.",
        "Сообщение скрыто; это записано в журнал модерации.",
    ),
    "The message is deleted; the moderation log records it.": (
        "Хабарлама жойылды; бұл модерация журналына жазылды.",
        "Сообщение удалено; это записано в журнал модерации.",
    ),
    "Appeal %(number)s has been registered from the message.": (
        "Хабарлама бойынша %(number)s өтініші тіркелді.",
        "По сообщению зарегистрировано обращение %(number)s.",
    ),
    "From a message in the inbox. The date received is the message's date: the first response "
    "is due in 3 working days from it, the official response in 15.": (
        "Кіріс хабарлама бойынша. Келіп түскен күн — хабарламаның күні: алғашқы жауап одан бастап "
        "3 жұмыс күні ішінде, ресми жауап 15 жұмыс күні ішінде берілуге тиіс.",
        "По входящему сообщению. Дата поступления — дата сообщения: первичный ответ даётся в "
        "течение 3 рабочих дней с неё, официальный ответ — в течение 15.",
    ),
    "Inbox message": ("Кіріс хабарлама", "Входящее сообщение"),
    "Handled by": ("Кім өңдеді", "Кем обработано"),
    "Replies": ("Жауаптар", "Ответы"),
    "Opens the appeal's registration with the channel, the date received, the author and the "
    "text filled in; the deadlines count from the message's date.": (
        "Арнасы, келіп түскен күні, авторы және мәтіні толтырылған өтінішті тіркеу нысаны ашылады; "
        "мерзімдер хабарламаның күнінен бастап есептеледі.",
        "Открывается регистрация обращения с заполненными каналом, датой поступления, автором и "
        "текстом; сроки считаются с даты сообщения.",
    ),
    "Messages to the bots of the connected official accounts and comments in their channels' "
    "discussion groups.": (
        "Қосылған ресми аккаунттардың боттарына жазылған хабарламалар және олардың арналарының "
        "талқылау топтарындағы пікірлер.",
        "Сообщения ботам подключённых официальных аккаунтов и комментарии в группах обсуждения "
        "их каналов.",
    ),
    "Text": ("Мәтін", "Текст"),
    "No messages.": ("Хабарламалар жоқ.", "Сообщений нет."),
}
