"""Kazakh and Russian translations of the union-scale report work (issue 14, point 3 and the
PDFs built by a worker; docs/reports.md).

T = {msgid: (kk, ru)} for new msgids; PLURAL = {msgid: ([kk forms], [ru forms])}; a key with
context is "context\x04msgid". Kazakh is the official business register; Russian uses «ёлочки»
and ё. "Roll-up" is «жиынтық есеп» / «сводный отчёт», as in the existing catalog."""

T = {
    # _report_body.html, section 1.3 above the primary level.
    "%(n)s more accounts are not printed here: every account is listed in the roll-up's XLSX.": (
        "Мұнда тағы %(n)s аккаунт басылмаған: барлық аккаунт жиынтық есептің XLSX файлында.",
        "Ещё %(n)s аккаунтов здесь не напечатаны: все аккаунты есть в XLSX сводного отчёта.",
    ),
    "The table above lists the organization's own accounts. The organizations below are counted "
    "one row each, every row summed over that organization's whole subtree; the full detail is "
    "in the roll-up's XLSX.": (
        "Жоғарыдағы кестеде ұйымның өз аккаунттары берілген. Төмендегі ұйымдар әрқайсысы бір "
        "жолмен көрсетіледі, әр жол сол ұйымның бүкіл құрылымы бойынша жинақталған; толық "
        "мәлімет жиынтық есептің XLSX файлында.",
        "В таблице выше — собственные аккаунты организации. Нижестоящие организации показаны "
        "по одной строке, каждая строка суммирована по всей структуре этой организации; полные "
        "сведения — в XLSX сводного отчёта.",
    ),
    "Download the roll-up (XLSX)": (
        "Жиынтық есепті жүктеу (XLSX)",
        "Скачать сводный отчёт (XLSX)",
    ),
    "With a checklist “posting permitted”": (
        "«Жариялауға рұқсат етілді» чек-парағымен",
        "С чек-листом «публикация разрешена»",
    ),
    "%(shown)s of %(total)s organizations are printed here; the total counts them all, and the "
    "roll-up's XLSX has every row.": (
        "Мұнда %(total)s ұйымның %(shown)s ұйымы басылған; жиыны барлығын қамтиды, ал жиынтық "
        "есептің XLSX файлында барлық жол бар.",
        "Здесь напечатаны %(shown)s из %(total)s организаций; итог учитывает все, а в XLSX "
        "сводного отчёта есть все строки.",
    ),
    "Remarks on the organization's own publications:": (
        "Ұйымның өз жарияланымдары бойынша ескертулер:",
        "Замечания по собственным публикациям организации:",
    ),
    # rollup_pdf.html
    "%(shown)s of %(total)s rows are printed here; the total counts them all, and the roll-up's "
    "XLSX has every row.": (
        "Мұнда %(total)s жолдың %(shown)s жолы басылған; жиыны барлығын қамтиды, ал жиынтық "
        "есептің XLSX файлында барлық жол бар.",
        "Здесь напечатаны %(shown)s из %(total)s строк; итог учитывает все, а в XLSX сводного "
        "отчёта есть все строки.",
    ),
    # reports.models.PdfJob and pdf_job.html
    "Half-year report": ("Жартыжылдық есеп", "Полугодовой отчёт"),
    "requested by": ("сұраған", "запросил"),
    "progress": ("орындалу барысы", "ход выполнения"),
    "pages": ("беттер", "страницы"),
    "finished": ("аяқталды", "завершено"),
    "PDF being built": ("Жасалып жатқан PDF", "Формируемый PDF"),
    "PDFs being built": ("Жасалып жатқан PDF файлдар", "Формируемые PDF"),
    "pdf job\x04Queued": ("Кезекте", "В очереди"),
    "pdf job\x04Being built": ("Жасалып жатыр", "Формируется"),
    "pdf job\x04Ready": ("Дайын", "Готов"),
    "pdf job\x04Failed": ("Сәтсіз аяқталды", "Не удалось"),
    "Build a PDF": ("PDF жасау", "Формирование PDF"),
    "This PDF is already being built.": (
        "Бұл PDF қазір жасалып жатыр.",
        "Этот PDF уже формируется.",
    ),
    "Progress of the PDF": ("PDF жасалу барысы", "Ход формирования PDF"),
    "The PDF is being built in the background; this page shows the link as soon as it is ready. "
    "You may leave the page and come back.": (
        "PDF фондық режимде жасалып жатыр; дайын болғанда осы бетте сілтеме шығады. Беттен "
        "шығып, кейін қайта оралуға болады.",
        "PDF формируется в фоновом режиме; как только он будет готов, на этой странице появится "
        "ссылка. Можно уйти со страницы и вернуться позже.",
    ),
    "Download the PDF": ("PDF жүктеу", "Скачать PDF"),
    "The PDF could not be built. Ask for it again; if it fails again, tell the administrator.": (
        "PDF жасалмады. Қайта сұраңыз; тағы сәтсіз болса, әкімшіге хабарлаңыз.",
        "Не удалось сформировать PDF. Запросите его снова; если ошибка повторится, сообщите "
        "администратору.",
    ),
    "This PDF is large: it is built in the background, and a link to download it appears here "
    "when it is ready.": (
        "Бұл PDF көлемді: ол фондық режимде жасалады, дайын болғанда осы жерде жүктеу сілтемесі "
        "шығады.",
        "Этот PDF большой: он формируется в фоновом режиме, и ссылка для скачивания появится "
        "здесь, когда он будет готов.",
    ),
    "Build the PDF": ("PDF жасау", "Сформировать PDF"),
    "Build the PDF again": ("PDF қайта жасау", "Сформировать PDF заново"),
}

PLURAL = {
    "%(counter)s page": (
        ["%(counter)s бет", "%(counter)s бет"],
        [
            "%(counter)s страница",
            "%(counter)s страницы",
            "%(counter)s страниц",
            "%(counter)s страницы",
        ],
    ),
}
