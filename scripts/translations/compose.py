"""Kazakh and Russian for issue 13, points 3 and 7: the networks' previews and limits
(content/previews.py, guard R6.2-limits), the publication form's less typing (content/forms.py,
templates/content/publication_form.html, static/js/compose.js). T = {msgid: (kk, ru)}."""

T = {
    # Counters (content/previews.py COUNTER_LABELS; "Text" and "Title" already exist)
    "Caption": ("Қолтаңба", "Подпись"),
    "Description": ("Сипаттама", "Описание"),
    "Hashtags": ("Хэштегтер", "Хештеги"),
    # Limits (content/previews.py)
    "“%(account)s” (%(network)s): with a photo or video the text is a caption of at most "
    "%(limit)s characters; it has %(n)s. Shorten it or publish without media.": (
        "«%(account)s» (%(network)s): фото немесе видеомен мәтін ең көбі %(limit)s таңбалық "
        "қолтаңба болады; онда %(n)s таңба бар. Қысқартыңыз немесе медиасыз жариялаңыз.",
        "«%(account)s» (%(network)s): с фото или видео текст становится подписью не длиннее "
        "%(limit)s знаков, а в нём %(n)s. Сократите его или опубликуйте без медиафайлов.",
    ),
    "“%(account)s” (%(network)s): the title has %(n)s characters; %(network)s takes at most "
    "%(limit)s.": (
        "«%(account)s» (%(network)s): тақырыпта %(n)s таңба бар; %(network)s ең көбі %(limit)s "
        "таңба қабылдайды.",
        "«%(account)s» (%(network)s): в заголовке %(n)s знаков; %(network)s принимает не более "
        "%(limit)s.",
    ),
    "“%(account)s” (%(network)s): the text has %(n)s characters; %(network)s takes at most "
    "%(limit)s.": (
        "«%(account)s» (%(network)s): мәтінде %(n)s таңба бар; %(network)s ең көбі %(limit)s "
        "таңба қабылдайды.",
        "«%(account)s» (%(network)s): в тексте %(n)s знаков; %(network)s принимает не более "
        "%(limit)s.",
    ),
    "“%(account)s” (%(network)s): the text has %(n)s hashtags; %(network)s takes at most "
    "%(limit)s.": (
        "«%(account)s» (%(network)s): мәтінде %(n)s хэштег бар; %(network)s ең көбі %(limit)s "
        "хэштег қабылдайды.",
        "«%(account)s» (%(network)s): в тексте %(n)s хештегов; %(network)s принимает не более "
        "%(limit)s.",
    ),
    "“%(account)s” (%(network)s): the image “%(name)s” is %(ratio)s (width to height); "
    "%(network)s takes images from 4:5 (0.8:1) to 1.91:1. Crop it.": (
        "«%(account)s» (%(network)s): «%(name)s» суретінің ені мен биіктігінің арақатынасы "
        "%(ratio)s; %(network)s 4:5 (0,8:1) бастап 1,91:1 дейінгі суреттерді қабылдайды. "
        "Суретті қиыңыз.",
        "«%(account)s» (%(network)s): у изображения «%(name)s» соотношение ширины и высоты "
        "%(ratio)s; %(network)s принимает изображения от 4:5 (0,8:1) до 1,91:1. Обрежьте его.",
    ),
    "%(network)s posts need a photo or a video.": (
        "%(network)s жазбасына фото немесе видео қажет.",
        "Для записи в %(network)s нужно фото или видео.",
    ),
    "YouTube publishes videos: attach the video.": (
        "YouTube бейнелерді жариялайды: бейнені тіркеңіз.",
        "YouTube публикует видео: прикрепите видео.",
    ),
    "Over the limit: %(network)s would refuse it.": (
        "Шектен асты: %(network)s мұны қабылдамайды.",
        "Сверх лимита: %(network)s это не примет.",
    ),
    "This is not a link of %(network)s, where “%(account)s” is: give the publication's link "
    "on that account.": (
        "Бұл «%(account)s» орналасқан %(network)s желісінің сілтемесі емес: жарияланымның сол "
        "аккаунттағы сілтемесін беріңіз.",
        "Это не ссылка %(network)s, где находится «%(account)s»: укажите ссылку на публикацию "
        "в этом аккаунте.",
    ),
    # The form (content/forms.py)
    "Keep only the Kazakh text": (
        "Тек қазақша мәтінді қалдыру",
        "Оставить только текст на казахском",
    ),
    "Keep only the Russian text": (
        "Тек орысша мәтінді қалдыру",
        "Оставить только текст на русском",
    ),
    "“%(account)s” publishes in Kazakh only, and this post has both texts: keep only the "
    "Kazakh text or choose another account.": (
        "«%(account)s» тек қазақ тілінде жариялайды, ал бұл жарияланымда екі тілдегі мәтін бар: "
        "тек қазақша мәтінді қалдырыңыз немесе басқа аккаунтты таңдаңыз.",
        "«%(account)s» публикует только на казахском языке, а в этой публикации тексты на двух "
        "языках: оставьте только казахский текст или выберите другой аккаунт.",
    ),
    "“%(account)s” publishes in Kazakh only, and this post is in Russian: write it in Kazakh "
    "or choose another account.": (
        "«%(account)s» тек қазақ тілінде жариялайды, ал бұл жарияланым орыс тілінде: оны "
        "қазақша жазыңыз немесе басқа аккаунтты таңдаңыз.",
        "«%(account)s» публикует только на казахском языке, а эта публикация на русском: "
        "напишите её на казахском или выберите другой аккаунт.",
    ),
    "“%(account)s” publishes in Russian only, and this post has both texts: keep only the "
    "Russian text or choose another account.": (
        "«%(account)s» тек орыс тілінде жариялайды, ал бұл жарияланымда екі тілдегі мәтін бар: "
        "тек орысша мәтінді қалдырыңыз немесе басқа аккаунтты таңдаңыз.",
        "«%(account)s» публикует только на русском языке, а в этой публикации тексты на двух "
        "языках: оставьте только русский текст или выберите другой аккаунт.",
    ),
    "“%(account)s” publishes in Russian only, and this post is in Kazakh: write it in Russian "
    "or choose another account.": (
        "«%(account)s» тек орыс тілінде жариялайды, ал бұл жарияланым қазақ тілінде: оны "
        "орысша жазыңыз немесе басқа аккаунтты таңдаңыз.",
        "«%(account)s» публикует только на русском языке, а эта публикация на казахском: "
        "напишите её на русском или выберите другой аккаунт.",
    ),
    # Templates (publication_form.html, _preview.html)
    "The other text is removed; everything else you typed is kept.": (
        "Екінші мәтін өшіріледі; қалған енгізгеніңіздің бәрі сақталады.",
        "Второй текст будет удалён; всё остальное, что вы ввели, сохранится.",
    ),
    "As the networks will show it": (
        "Желілерде қалай көрінеді",
        "Как это покажут соцсети",
    ),
    "Choose the official accounts to see each network's counters.": (
        "Әр желінің есептегіштерін көру үшін ресми аккаунттарды таңдаңыз.",
        "Выберите официальные аккаунты, чтобы увидеть счётчики каждой сети.",
    ),
    "A network would refuse this post: it cannot be submitted, approved or published as urgent "
    "until it fits.": (
        "Желі бұл жарияланымды қабылдамайды: талаптарға сәйкес келмейінше оны келісуге жіберуге, "
        "келісуге немесе шұғыл хабарлама ретінде жариялауға болмайды.",
        "Сеть не примет эту публикацию: пока она не уложится в ограничения, её нельзя направить "
        "на согласование, согласовать или опубликовать как срочное сообщение.",
    ),
    "Draft for this organization": (
        "Осы ұйым үшін жоба жасау",
        "Подготовить проект для этой организации",
    ),
    "Image %(ratio)s (width to height)": (
        "Сурет %(ratio)s (ені мен биіктігі)",
        "Изображение %(ratio)s (ширина к высоте)",
    ),
}
