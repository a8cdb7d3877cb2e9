"""Kazakh and Russian translations of the channels app's messages (issue 15: Telegram,
connected). T = {msgid: (kk, ru)}. Kazakh is the official business register; Russian uses
«ёлочки» and ё."""

T = {
    # Audit (channels/services.py, channels/delivery.py)
    "Telegram bot connected": ("Telegram боты қосылды", "Telegram-бот подключён"),
    "Telegram bot token replaced": (
        "Telegram ботының токені ауыстырылды",
        "Токен Telegram-бота заменён",
    ),
    "Telegram bot disconnected": ("Telegram боты ажыратылды", "Telegram-бот отключён"),
    "Publication queued for Telegram": (
        "Жарияланым Telegram-ға жіберу кезегіне қойылды",
        "Публикация поставлена в очередь на отправку в Telegram",
    ),
    "Publication sent to Telegram": (
        "Жарияланым Telegram-ға жіберілді",
        "Публикация отправлена в Telegram",
    ),
    "Sending to Telegram failed": (
        "Telegram-ға жіберу сәтсіз аяқталды",
        "Отправка в Telegram не удалась",
    ),
    "Sending to Telegram needs checking": (
        "Telegram-ға жіберуді тексеру қажет",
        "Отправку в Telegram нужно проверить",
    ),
    "Telegram post deleted": ("Telegram-дағы жазба жойылды", "Запись в Telegram удалена"),
    "Telegram post could not be deleted": (
        "Telegram-дағы жазбаны жою мүмкін болмады",
        "Запись в Telegram не удалось удалить",
    ),
    "Telegram post confirmed by a person": (
        "Telegram-дағы жазбаны адам растады",
        "Запись в Telegram подтверждена человеком",
    ),
    "Telegram post not found: sent again": (
        "Telegram-да жазба табылмады: қайта жіберілді",
        "Запись в Telegram не найдена: отправлена повторно",
    ),
    "Sending to Telegram tried again": (
        "Telegram-ға қайта жіберілді",
        "Отправка в Telegram повторена",
    ),
    # Errors and what to do (channels/services.py)
    "Telegram does not know this bot token: copy it again from @BotFather.": (
        "Telegram бұл бот токенін танымайды: оны @BotFather-ден қайта көшіріңіз.",
        "Telegram не знает этот токен бота: скопируйте его заново у @BotFather.",
    ),
    "The bot was removed from the channel: add it back as an administrator with the right to "
    "post, then try again.": (
        "Бот арнадан шығарылған: оны жазба жариялау құқығы бар әкімші ретінде қайта қосыңыз, "
        "содан кейін әрекетті қайталаңыз.",
        "Бот удалён из канала: верните его администратором с правом публикации и повторите "
        "попытку.",
    ),
    "The bot is not a member of the channel: add it as an administrator, then try again.": (
        "Бот арнаның мүшесі емес: оны әкімші ретінде қосыңыз, содан кейін әрекетті қайталаңыз.",
        "Бот не состоит в канале: добавьте его администратором и повторите попытку.",
    ),
    "Telegram does not find this channel: check the @name or id, and that the bot was added to "
    "it.": (
        "Telegram бұл арнаны таппады: @атауын немесе идентификаторын және боттың арнаға қосылғанын "
        "тексеріңіз.",
        "Telegram не находит этот канал: проверьте @имя или идентификатор и то, что бот "
        "добавлен в канал.",
    ),
    "The bot has no right to post in the channel: make it an administrator who posts.": (
        "Боттың арнада жазба жариялау құқығы жоқ: оны жазба жариялайтын әкімші етіңіз.",
        "У бота нет права публиковать в канале: сделайте его администратором с правом публикации.",
    ),
    "Telegram refused the text as too long: shorten it and approve again.": (
        "Telegram мәтінді тым ұзын деп қабылдамады: оны қысқартып, қайта бекітіңіз.",
        "Telegram отклонил текст как слишком длинный: сократите его и утвердите заново.",
    ),
    "Telegram could not be reached; the product tries again later.": (
        "Telegram-мен байланыс болмады; жүйе кейінірек қайта әрекет етеді.",
        "Не удалось связаться с Telegram; система повторит попытку позже.",
    ),
    "Telegram refused: %(description)s": (
        "Telegram бас тартты: %(description)s",
        "Telegram отказал: %(description)s",
    ),
    "Telegram asked to wait %(seconds)s seconds; the product tries again by itself.": (
        "Telegram %(seconds)s секунд күтуді сұрады; жүйе өзі қайта әрекет етеді.",
        "Telegram попросил подождать %(seconds)s с; система повторит попытку сама.",
    ),
    "Enter the channel's @name or its numeric id.": (
        "Арнаның @атауын немесе сандық идентификаторын енгізіңіз.",
        "Введите @имя канала или его числовой идентификатор.",
    ),
    "Only a Telegram channel or group can be connected to a bot.": (
        "Ботқа тек Telegram арнасын немесе тобын қосуға болады.",
        "К боту можно подключить только канал или группу Telegram.",
    ),
    "The account is not connected.": ("Аккаунт қосылмаған.", "Аккаунт не подключён."),
    "A bot token looks like 123456789:AA…, as @BotFather gives it.": (
        "Бот токені @BotFather беретіндей 123456789:AA… түрінде болады.",
        "Токен бота выглядит как 123456789:AA…, как его выдаёт @BotFather.",
    ),
    "This is not a channel or a group.": ("Бұл арна да, топ та емес.", "Это не канал и не группа."),
    "The bot is not an administrator of this channel: make it one first.": (
        "Бот бұл арнаның әкімшісі емес: алдымен оны әкімші етіңіз.",
        "Бот не является администратором этого канала: сначала назначьте его администратором.",
    ),
    "Approve adding the bot to the account's access list.": (
        "Ботты аккаунттың қол жеткізу тізбесіне қосуды бекітіңіз.",
        "Утвердите добавление бота в список доступа аккаунта.",
    ),
    "This account is already connected: replace the token or disconnect first.": (
        "Бұл аккаунт қосылып қойған: токенді ауыстырыңыз немесе алдымен ажыратыңыз.",
        "Этот аккаунт уже подключён: замените токен или сначала отключите его.",
    ),
    "This token belongs to another bot: disconnect and connect it instead.": (
        "Бұл токен басқа боттікі: оның орнына ажыратып, жаңасын қосыңыз.",
        "Этот токен принадлежит другому боту: отключите текущего и подключите нового.",
    ),
    "Say why the bot is disconnected.": (
        "Бот неге ажыратылатынын көрсетіңіз.",
        "Укажите, почему бот отключается.",
    ),
    "The Telegram bot is connected to publish on the account.": (
        "Аккаунтта жариялау үшін Telegram боты қосылды.",
        "Telegram-бот подключён для публикаций в аккаунте.",
    ),
    "The Telegram bot is disconnected.": ("Telegram боты ажыратылды.", "Telegram-бот отключён."),
    # Models
    "chat id": ("чат идентификаторы", "идентификатор чата"),
    "chat type": ("чат түрі", "тип чата"),
    "chat title": ("чат атауы", "название чата"),
    "chat @name": ("чаттың @атауы", "@имя чата"),
    "discussion group id": ("талқылау тобының идентификаторы", "идентификатор группы обсуждения"),
    "bot id": ("бот идентификаторы", "идентификатор бота"),
    "bot @name": ("боттың @атауы", "@имя бота"),
    "connected at": ("қосылған уақыты", "подключён"),
    "token replaced at": ("токен ауыстырылған уақыты", "токен заменён"),
    "disconnected at": ("ажыратылған уақыты", "отключён"),
    "last error": ("соңғы қате", "последняя ошибка"),
    "Telegram connection": ("Telegram қосылымы", "Подключение Telegram"),
    "Telegram connections": ("Telegram қосылымдары", "Подключения Telegram"),
    "Queued": ("Кезекте", "В очереди"),
    "Sending": ("Жіберілуде", "Отправляется"),
    "Sent": ("Жіберілді", "Отправлено"),
    "Failed": ("Сәтсіз", "Не удалось"),
    "Needs checking": ("Тексеру қажет", "Нужна проверка"),
    "Cancelled": ("Тоқтатылды", "Отменено"),
    "approved version's hash": ("бекітілген нұсқаның хэші", "хэш утверждённой версии"),
    "planned for": ("жоспарланған уақыты", "запланировано на"),
    "attempts": ("әрекеттер саны", "попыток"),
    "next attempt": ("келесі әрекет", "следующая попытка"),
    "sent at": ("жіберілген уақыты", "отправлено"),
    "hash of what was sent": ("жіберілгеннің хэші", "хэш отправленного"),
    "error": ("қате", "ошибка"),
    "removed from the channel": ("арнадан жойылды", "удалено из канала"),
    "why it was not removed": ("неге жойылмады", "почему не удалено"),
    "delivery": ("жіберу", "отправка"),
    "deliveries": ("жіберулер", "отправки"),
    "source": ("дереккөз", "источник"),
    "connected by": ("кім қосты", "кто подключил"),
    "disconnected by": ("кім ажыратты", "кто отключил"),
    "approved version": ("бекітілген нұсқа", "утверждённая версия"),
    "Measured": ("Өлшенді", "Измерено"),
    "Entered by hand": ("Қолмен енгізілді", "Введено вручную"),
    # Delivery (channels/delivery.py)
    "The publication is no longer approved.": (
        "Жарияланым енді бекітілген күйде емес.",
        "Публикация больше не утверждена.",
    ),
    "The publication changed after approval: only an approved version goes out; approve it "
    "again.": (
        "Жарияланым бекітілгеннен кейін өзгерді: тек бекітілген нұсқа жіберіледі; оны қайта "
        "бекітіңіз.",
        "Публикация изменилась после утверждения: отправляется только утверждённая версия; "
        "утвердите её заново.",
    ),
    "It is in the channel: record its link": (
        "Арнада бар: сілтемесін тіркеу",
        "Есть в канале: записать ссылку",
    ),
    "It is not in the channel: send it": ("Арнада жоқ: жіберу", "Нет в канале: отправить"),
    "Send again": ("Қайта жіберу", "Отправить снова"),
    "Paste the post's link, like https://t.me/channel/123.": (
        "Жазбаның сілтемесін қойыңыз, мысалы: https://t.me/channel/123.",
        "Вставьте ссылку на запись, например https://t.me/channel/123.",
    ),
    "Say what you checked in the channel.": (
        "Арнада нені тексергеніңізді көрсетіңіз.",
        "Укажите, что вы проверили в канале.",
    ),
    "Sending was interrupted: check the channel. If the post is there, record its link; if not, "
    "send it again.": (
        "Жіберу үзілді: арнаны тексеріңіз. Жазба бар болса, сілтемесін тіркеңіз; жоқ болса, "
        "қайта жіберіңіз.",
        "Отправка прервалась: проверьте канал. Если запись там есть, запишите её ссылку; если "
        "нет — отправьте снова.",
    ),
    "The account is not connected to Telegram any more: connect it, then send again.": (
        "Аккаунт енді Telegram-ға қосылмаған: оны қосып, қайта жіберіңіз.",
        "Аккаунт больше не подключён к Telegram: подключите его и отправьте снова.",
    ),
    "The account is not connected any more: delete the post in the channel by hand.": (
        "Аккаунт енді қосылмаған: жазбаны арнадан қолмен жойыңыз.",
        "Аккаунт больше не подключён: удалите запись в канале вручную.",
    ),
    "The account is not connected to Telegram any more.": (
        "Аккаунт енді Telegram-ға қосылмаған.",
        "Аккаунт больше не подключён к Telegram.",
    ),
    "Telegram did not confirm the post (%(error)s): check the channel.": (
        "Telegram жазбаны растамады (%(error)s): арнаны тексеріңіз.",
        "Telegram не подтвердил запись (%(error)s): проверьте канал.",
    ),
    "Telegram does not let the bot delete this post (a bot deletes posts only within 48 hours, "
    "or with the right to delete messages): delete it in the channel by hand.": (
        "Telegram ботқа бұл жазбаны жоюға рұқсат бермейді (бот жазбаларды тек 48 сағат ішінде "
        "немесе хабарламаларды жою құқығымен жояды): оны арнадан қолмен жойыңыз.",
        "Telegram не позволяет боту удалить эту запись (бот удаляет записи только в течение "
        "48 часов или при праве удалять сообщения): удалите её в канале вручную.",
    ),
    "Sending ended unexpectedly (%(error)s): check the channel.": (
        "Жіберу күтпеген жерден аяқталды (%(error)s): арнаны тексеріңіз.",
        "Отправка неожиданно прервалась (%(error)s): проверьте канал.",
    ),
    "The post is no longer in the channel: someone deleted it already.": (
        "Жазба арнада енді жоқ: оны біреу жойып қойған.",
        "Записи в канале уже нет: её кто-то удалил.",
    ),
    "Delete the post in the channel by hand.": (
        "Жазбаны арнадан қолмен жойыңыз.",
        "Удалите запись в канале вручную.",
    ),
    # Limits (channels/payload.py)
    "Telegram publishing sends photos and videos only; remove or replace: %(files)s.": (
        "Telegram-ға тек фото мен бейне жіберіледі; мыналарды алып тастаңыз немесе "
        "ауыстырыңыз: %(files)s.",
        "В Telegram отправляются только фото и видео; удалите или замените: %(files)s.",
    ),
    "The text has %(n)s characters; a Telegram post takes at most %(limit)s.": (
        "Мәтінде %(n)s таңба бар; Telegram жазбасына ең көбі %(limit)s таңба сыяды.",
        "В тексте %(n)s знаков; запись в Telegram вмещает не более %(limit)s.",
    ),
    "With photos or a video the text is a caption of at most %(limit)s characters; it has "
    "%(n)s. Shorten it or publish the text without media.": (
        "Фото немесе бейнемен бірге мәтін ең көбі %(limit)s таңбадан тұратын қолтаңба болады; "
        "онда %(n)s таңба бар. Оны қысқартыңыз немесе мәтінді медиасыз жариялаңыз.",
        "С фото или видео текст становится подписью не длиннее %(limit)s знаков; в нём "
        "%(n)s. Сократите его или опубликуйте текст без медиа.",
    ),
    "A Telegram album takes at most %(limit)s photos and videos; there are %(n)s.": (
        "Telegram альбомына ең көбі %(limit)s фото мен бейне сыяды; мұнда %(n)s.",
        "Альбом Telegram вмещает не более %(limit)s фото и видео; здесь %(n)s.",
    ),
    "“%(name)s” is larger than Telegram accepts from a bot (%(mb)s MB).": (
        "«%(name)s» Telegram боттан қабылдайтын көлемнен үлкен (%(mb)s МБ).",
        "«%(name)s» больше, чем Telegram принимает от бота (%(mb)s МБ).",
    ),
    "“%(name)s” is too long or too large for a Telegram photo (sides at most 20 to 1, width and "
    "height together at most 10000 pixels).": (
        "«%(name)s» Telegram фотосы үшін тым ұзын немесе тым үлкен (қабырғаларының арақатынасы "
        "20:1-ден аспауы, ені мен биіктігі бірге 10000 пиксельден аспауы тиіс).",
        "«%(name)s» слишком вытянуто или велико для фото Telegram (стороны не более 20:1, "
        "ширина и высота вместе не более 10000 пикселей).",
    ),
    "This network is not connected: do it by hand.": (
        "Бұл желі қосылмаған: мұны қолмен орындаңыз.",
        "Эта сеть не подключена: сделайте это вручную.",
    ),
    # Forms and views
    "Bot token": ("Бот токені", "Токен бота"),
    "From @BotFather. It is stored encrypted and never shown again.": (
        "@BotFather-ден. Ол шифрланып сақталады және қайта көрсетілмейді.",
        "Из @BotFather. Хранится в зашифрованном виде и больше не показывается.",
    ),
    "Channel @name or id": (
        "Арнаның @атауы немесе идентификаторы",
        "@имя или идентификатор канала",
    ),
    "The bot must be an administrator of the channel with the right to post.": (
        "Бот арнада жазба жариялау құқығы бар әкімші болуы тиіс.",
        "Бот должен быть администратором канала с правом публикации.",
    ),
    "I approve adding the bot to the account's access list": (
        "Ботты аккаунттың қол жеткізу тізбесіне қосуды бекітемін",
        "Утверждаю добавление бота в список доступа аккаунта",
    ),
    "New bot token": ("Жаңа бот токені", "Новый токен бота"),
    "The Telegram bot is connected and added to the access list.": (
        "Telegram боты қосылды және қол жеткізу тізбесіне енгізілді.",
        "Telegram-бот подключён и добавлен в список доступа.",
    ),
    "The bot token is replaced.": ("Бот токені ауыстырылды.", "Токен бота заменён."),
    "Done.": ("Орындалды.", "Готово."),
    "The subscriber count is recorded.": (
        "Жазылушылар саны тіркелді.",
        "Число подписчиков записано.",
    ),
    "Connected networks": ("Қосылған желілер", "Подключённые сети"),
    # Templates
    "Deleted from the channel.": ("Арнадан жойылды.", "Удалено из канала."),
    "Link of the post": ("Жазбаның сілтемесі", "Ссылка на запись"),
    "What you checked in the channel": ("Арнада не тексердіңіз", "Что вы проверили в канале"),
    "Hash of the approved version": ("Бекітілген нұсқаның хэші", "Хэш утверждённой версии"),
    "Goes out at %(when)s": ("%(when)s жіберіледі", "Отправка в %(when)s"),
    "next attempt at %(when)s": ("келесі әрекет: %(when)s", "следующая попытка: %(when)s"),
    "Telegram": ("Telegram", "Telegram"),
    "This installation talks to a local Telegram simulator, not to Telegram: nothing is posted "
    "anywhere.": (
        "Бұл орнату Telegram-мен емес, жергілікті Telegram симуляторымен жұмыс істейді: ешқайда "
        "ештеңе жарияланбайды.",
        "Эта установка работает с локальным симулятором Telegram, а не с Telegram: ничего "
        "никуда не публикуется.",
    ),
    "This network is not connected: publishing, figures and comments stay manual.": (
        "Бұл желі қосылмаған: жариялау, көрсеткіштер мен пікірлер қолмен жүргізіледі.",
        "Эта сеть не подключена: публикации, показатели и комментарии ведутся вручную.",
    ),
    "Bot": ("Бот", "Бот"),
    "Connected": ("Қосылған", "Подключён"),
    "stored encrypted, never shown": (
        "шифрланып сақталады, көрсетілмейді",
        "хранится зашифрованным, не показывается",
    ),
    "Not connected: publishing and subscriber counts are done by hand.": (
        "Қосылмаған: жариялау және жазылушыларды санау қолмен жүргізіледі.",
        "Не подключён: публикации и подсчёт подписчиков ведутся вручную.",
    ),
    "Replace the token": ("Токенді ауыстыру", "Заменить токен"),
    "Replace": ("Ауыстыру", "Заменить"),
    "Disconnect": ("Ажырату", "Отключить"),
    "Connect a bot": ("Ботты қосу", "Подключить бота"),
    "Create a bot with @BotFather and copy its token.": (
        "@BotFather арқылы бот жасап, оның токенін көшіріңіз.",
        "Создайте бота в @BotFather и скопируйте его токен.",
    ),
    "Add the bot to the channel as an administrator with the right to post and delete messages.": (
        "Ботты арнаға хабарламаларды жариялау және жою құқығы бар әкімші ретінде қосыңыз.",
        "Добавьте бота в канал администратором с правом публиковать и удалять сообщения.",
    ),
    "Enter the token and the channel's @name below: the product checks both.": (
        "Төменде токенді және арнаның @атауын енгізіңіз: жүйе екеуін де тексереді.",
        "Введите ниже токен и @имя канала: система проверит и то и другое.",
    ),
    "Check and connect": ("Тексеру және қосу", "Проверить и подключить"),
    "Measure now": ("Қазір өлшеу", "Измерить сейчас"),
    "Source": ("Дереккөз", "Источник"),
    "Counted every evening once the account is connected.": (
        "Аккаунт қосылғаннан кейін күн сайын кешке есептеледі.",
        "Считается каждый вечер после подключения аккаунта.",
    ),
    "Publications sent": ("Жіберілген жарияланымдар", "Отправленные публикации"),
    "The simulator's bot token is %(token)s, its channel @%(channel)s.": (
        "Симулятор ботының токені — %(token)s, арнасы — @%(channel)s.",
        "Токен бота симулятора — %(token)s, его канал — @%(channel)s.",
    ),
    "replaced %(when)s": ("%(when)s ауыстырылды", "заменён %(when)s"),
    "Disconnected on %(when)s.": ("%(when)s ажыратылды.", "Отключён %(when)s."),
    "Connection": ("Қосылым", "Подключение"),
    "Connected: the bot @%(bot)s publishes in “%(chat)s”.": (
        "Қосылған: @%(bot)s боты «%(chat)s» арнасында жариялайды.",
        "Подключён: бот @%(bot)s публикует в «%(chat)s».",
    ),
    "Subscribers on %(day)s: %(count)s (measured)": (
        "%(day)s күнгі жазылушылар: %(count)s (өлшенген)",
        "Подписчиков на %(day)s: %(count)s (измерено)",
    ),
    "Simulator: no real Telegram": (
        "Симулятор: нақты Telegram емес",
        "Симулятор: не настоящий Telegram",
    ),
    # The report's audience table (templates/reports/_report_body.html)
    "measured": ("өлшенген", "измерено"),
}
