"""Kazakh and Russian translations of the authentication work (issue 11, part 3): two-step
sign-in, password reset, account security, the checklist signature's code.

T = {msgid: (kk, ru)} for new msgids; PLURAL = {msgid: ([kk forms], [ru forms])}. «құпиясөз» in
one word, as in the Regulation; «қолы» for the signature, as in "Your password (signature)"."""

T = {
    # accounts/audit.py
    "Second factor turned on": ("Екінші фактор қосылды", "Второй фактор включён"),
    "Second factor turned off": ("Екінші фактор өшірілді", "Второй фактор отключён"),
    "New recovery codes made": (
        "Жаңа қалпына келтіру кодтары жасалды",
        "Созданы новые резервные коды",
    ),
    "Signed out everywhere": ("Барлық сеанстар аяқталды", "Все сеансы завершены"),
    # accounts/forms.py
    "Code from the authenticator app": (
        "Аутентификатор қосымшасындағы код",
        "Код из приложения-аутентификатора",
    ),
    "Six digits from the app, or one of your recovery codes.": (
        "Қосымшадағы алты цифр немесе қалпына келтіру кодтарыңыздың бірі.",
        "Шесть цифр из приложения или один из ваших резервных кодов.",
    ),
    "The six digits the app shows after you have scanned the code.": (
        "Кодты сканерлегеннен кейін қосымша көрсететін алты цифр.",
        "Шесть цифр, которые приложение покажет после сканирования кода.",
    ),
    "Your password": ("Құпиясөзіңіз", "Ваш пароль"),
    # accounts/views.py
    "Sign in again: the code was not entered in time.": (
        "Қайта кіріңіз: код уақытында енгізілмеді.",
        "Войдите заново: код не был введён вовремя.",
    ),
    "The code is not correct.": ("Код қате.", "Неверный код."),
    "You signed in with a recovery code. Recovery codes left: %(count)s.": (
        "Сіз қалпына келтіру кодымен кірдіңіз. Қалған қалпына келтіру кодтары: %(count)s.",
        "Вы вошли с резервным кодом. Осталось резервных кодов: %(count)s.",
    ),
    "Two-step sign-in is on.": ("Екі қадамды кіру қосылды.", "Двухэтапный вход включён."),
    "Two-step sign-in is off.": ("Екі қадамды кіру өшірілді.", "Двухэтапный вход отключён."),
    "You are signed out on every device.": (
        "Сіз барлық құрылғыдан шықтыңыз.",
        "Вы вышли на всех устройствах.",
    ),
    # checklist/forms.py
    "Code from the authenticator app (signature)": (
        "Аутентификатор қосымшасындағы код (қолы)",
        "Код из приложения-аутентификатора (подпись)",
    ),
    # templates/base.html, templates/accounts/
    "Account security": ("Есептік жазба қауіпсіздігі", "Безопасность учётной записи"),
    "Forgot your password?": ("Құпиясөзді ұмыттыңыз ба?", "Забыли пароль?"),
    "Two-step sign-in": ("Екі қадамды кіру", "Двухэтапный вход"),
    "Enter the code your authenticator app shows now. Lost your phone? Enter one of your "
    "recovery codes.": (
        "Аутентификатор қосымшасы қазір көрсетіп тұрған кодты енгізіңіз. Телефоныңызды "
        "жоғалттыңыз ба? Қалпына келтіру кодтарыңыздың бірін енгізіңіз.",
        "Введите код, который сейчас показывает приложение-аутентификатор. Потеряли телефон? "
        "Введите один из резервных кодов.",
    ),
    "Start again": ("Қайта бастау", "Начать заново"),
    "On": ("Қосулы", "Включён"),
    "Off": ("Өшірулі", "Отключён"),
    "Signing in asks for a code from your authenticator app after the password. Recovery "
    "codes left: %(codes_left)s.": (
        "Кіру кезінде құпиясөзден кейін аутентификатор қосымшасындағы код сұралады. Қалған "
        "қалпына келтіру кодтары: %(codes_left)s.",
        "При входе после пароля запрашивается код из приложения-аутентификатора. Осталось "
        "резервных кодов: %(codes_left)s.",
    ),
    "Make new recovery codes": (
        "Жаңа қалпына келтіру кодтарын жасау",
        "Создать новые резервные коды",
    ),
    "Turn two-step sign-in off": ("Екі қадамды кіруді өшіру", "Отключить двухэтапный вход"),
    "Two-step sign-in is required for your role: you will be asked to set it up again right "
    "away, e.g. on a new phone.": (
        "Сіздің рөліңіз үшін екі қадамды кіру міндетті: оны бірден қайта баптау сұралады, "
        "мысалы, жаңа телефонда.",
        "Для вашей роли двухэтапный вход обязателен: сразу будет предложено настроить его "
        "заново, например на новом телефоне.",
    ),
    "Protect your account with a code from an authenticator app on your phone, asked for after "
    "the password.": (
        "Есептік жазбаңызды телефоныңыздағы аутентификатор қосымшасының кодымен қорғаңыз: ол "
        "құпиясөзден кейін сұралады.",
        "Защитите учётную запись кодом из приложения-аутентификатора на телефоне: он "
        "запрашивается после пароля.",
    ),
    "Set up two-step sign-in": ("Екі қадамды кіруді баптау", "Настроить двухэтапный вход"),
    "Sessions": ("Сеанстар", "Сеансы"),
    "Signed in on a computer you no longer use, or think someone else is? End every session of "
    "your account, on every device, this one included.": (
        "Енді пайдаланбайтын компьютерде жүйеден шықпай қалдыңыз ба немесе басқа біреу кірді "
        "деп ойлайсыз ба? Есептік жазбаңыздың барлық құрылғыдағы барлық сеансын, осы сеансты "
        "қоса, аяқтаңыз.",
        "Остались в системе на компьютере, которым больше не пользуетесь, или подозреваете, "
        "что вошёл кто-то другой? Завершите все сеансы своей учётной записи на всех "
        "устройствах, включая этот.",
    ),
    "Sign out everywhere": ("Барлық құрылғыдан шығу", "Выйти на всех устройствах"),
    "Your role requires two-step sign-in. Set it up to continue.": (
        "Сіздің рөліңіз екі қадамды кіруді талап етеді. Жалғастыру үшін оны баптаңыз.",
        "Ваша роль требует двухэтапного входа. Настройте его, чтобы продолжить.",
    ),
    "Install an authenticator app on your phone (for example FreeOTP, Aegis, Google "
    "Authenticator or Microsoft Authenticator).": (
        "Телефоныңызға аутентификатор қосымшасын орнатыңыз (мысалы, FreeOTP, Aegis, Google "
        "Authenticator немесе Microsoft Authenticator).",
        "Установите на телефон приложение-аутентификатор (например, FreeOTP, Aegis, Google "
        "Authenticator или Microsoft Authenticator).",
    ),
    "In the app, add an account and scan this code:": (
        "Қосымшада есептік жазба қосып, мына кодты сканерлеңіз:",
        "В приложении добавьте учётную запись и отсканируйте этот код:",
    ),
    "QR code for the authenticator app": (
        "Аутентификатор қосымшасына арналған QR-код",
        "QR-код для приложения-аутентификатора",
    ),
    "Cannot scan? Type this key into the app instead:": (
        "Сканерлеу мүмкін болмаса, қосымшаға мына кілтті қолмен енгізіңіз:",
        "Не получается отсканировать? Введите в приложение этот ключ вручную:",
    ),
    "Confirm": ("Растау", "Подтвердить"),
    "Recovery codes": ("Қалпына келтіру кодтары", "Резервные коды"),
    "Write these codes down or print them and keep them safe. Each one signs you in once "
    "instead of a code from the phone. They are shown only now.": (
        "Бұл кодтарды жазып алыңыз немесе басып шығарып, қауіпсіз жерде сақтаңыз. Әрқайсысы "
        "телефондағы кодтың орнына бір рет кіруге мүмкіндік береді. Олар тек қазір көрсетіледі.",
        "Запишите или распечатайте эти коды и храните их в надёжном месте. Каждый код один раз "
        "заменяет код с телефона при входе. Они показываются только сейчас.",
    ),
    "I have saved the codes": ("Кодтарды сақтадым", "Коды сохранены"),
    "Enter the e-mail address of your account. We will send a link to choose a new password.": (
        "Есептік жазбаңыздың электрондық пошта мекенжайын енгізіңіз. Жаңа құпиясөз таңдауға "
        "арналған сілтеме жібереміз.",
        "Введите адрес электронной почты своей учётной записи. Мы пришлём ссылку для выбора "
        "нового пароля.",
    ),
    "Send the link": ("Сілтемені жіберу", "Отправить ссылку"),
    "If an account has this e-mail address, a link to choose a new password is on its way. It "
    "works once and only for a limited time. No message? Check the spam folder or ask your "
    "administrator.": (
        "Егер осы электрондық пошта мекенжайы бар есептік жазба болса, жаңа құпиясөз таңдауға "
        "арналған сілтеме жіберілді. Ол бір рет және шектеулі уақыт қана жұмыс істейді. Хат "
        "келмесе, «Спам» қалтасын тексеріңіз немесе әкімшіңізге хабарласыңыз.",
        "Если есть учётная запись с этим адресом электронной почты, ссылка для выбора нового "
        "пароля уже отправлена. Она действует один раз и ограниченное время. Письма нет? "
        "Проверьте папку «Спам» или обратитесь к администратору.",
    ),
    "This link does not work any more: it has been used or is too old. Ask for a new one.": (
        "Бұл сілтеме енді жарамсыз: ол пайдаланылған немесе мерзімі өтіп кеткен. Жаңасын сұраңыз.",
        "Эта ссылка больше не действует: она уже использована или устарела. Запросите новую.",
    ),
    "Your new password is set. Sign in with it.": (
        "Жаңа құпиясөзіңіз орнатылды. Онымен кіріңіз.",
        "Новый пароль установлен. Войдите с ним.",
    ),
    # templates/emails/password_reset*.txt
    "Setting a new password": ("Жаңа құпиясөз орнату", "Установка нового пароля"),
    "Hello, %(name)s.": ("Сәлеметсіз бе, %(name)s.", "Здравствуйте, %(name)s."),
    "Someone asked to set a new password for your account. If it was you, open this link and "
    "choose a new password:": (
        "Сіздің есептік жазбаңыз үшін жаңа құпиясөз орнату сұралды. Егер бұл сіз болсаңыз, "
        "мына сілтемені ашып, жаңа құпиясөз таңдаңыз:",
        "Для вашей учётной записи запрошена установка нового пароля. Если это были вы, "
        "откройте ссылку и выберите новый пароль:",
    ),
    "If you did not ask for it, ignore this message: your password stays as it was.": (
        "Егер сіз мұны сұрамаған болсаңыз, бұл хатты елемеңіз: құпиясөзіңіз өзгермейді.",
        "Если вы этого не запрашивали, не обращайте внимания на это письмо: пароль останется "
        "прежним.",
    ),
    "Your username: %(username)s": (
        "Пайдаланушы атыңыз: %(username)s",
        "Ваше имя пользователя: %(username)s",
    ),
}

PLURAL = {
    "The link works once and for %(minutes)s minute.": (
        [
            "Сілтеме бір рет және %(minutes)s минут бойы жұмыс істейді.",
            "Сілтеме бір рет және %(minutes)s минут бойы жұмыс істейді.",
        ],
        [
            "Ссылка действует один раз и %(minutes)s минуту.",
            "Ссылка действует один раз и %(minutes)s минуты.",
            "Ссылка действует один раз и %(minutes)s минут.",
            "Ссылка действует один раз и %(minutes)s минуты.",
        ],
    ),
}
