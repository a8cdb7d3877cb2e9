"""Kazakh and Russian translations of the new messages of exports and hostile input (issue 11
§4–§5: reports.metrics, reports.forms, templates/400.html).

T = {msgid: (kk, ru)}. Kazakh is the official business register; Russian uses «ёлочки»."""

T = {
    # reports/metrics.py: the import's limits
    "The workbook is too large once unpacked. Keep only the sheet with the figures.": (
        "Кітап ашылғанда тым үлкен болып шығады. Онда тек көрсеткіштер парағын қалдырыңыз.",
        "В распакованном виде книга слишком велика. Оставьте в ней только лист с показателями.",
    ),
    "The workbook has no sheet.": (
        "Кітапта бірде-бір парақ жоқ.",
        "В книге нет ни одного листа.",
    ),
    "The CSV file cannot be read: a cell is too long or its quotes are not closed.": (
        "CSV файлын оқу мүмкін емес: ұяшық тым ұзын немесе оның тырнақшалары жабылмаған.",
        "Файл CSV не читается: ячейка слишком длинная или её кавычки не закрыты.",
    ),
    "The number is too large (at most %(max)s).": (
        "Сан тым үлкен (ең көбі %(max)s).",
        "Число слишком большое (не более %(max)s).",
    ),
    # reports/forms.py: the period of a report, an import or a roll-up
    "Choose days between %(first)s and %(last)s.": (
        "%(first)s мен %(last)s аралығындағы күндерді таңдаңыз.",
        "Выберите дни с %(first)s по %(last)s.",
    ),
    # templates/400.html (accounts.request_guard)
    "The request cannot be processed": (
        "Сұрауды өңдеу мүмкін емес",
        "Запрос не может быть обработан",
    ),
    "The request holds characters or values that no page of the system accepts. Nothing was "
    "saved. Go back and enter the data again.": (
        "Сұрауда жүйенің ешбір беті қабылдамайтын таңбалар немесе мәндер бар. Ештеңе "
        "сақталған жоқ. Артқа оралып, деректерді қайта енгізіңіз.",
        "Запрос содержит символы или значения, которые не принимает ни одна страница системы. "
        "Ничего не сохранено. Вернитесь назад и введите данные заново.",
    ),
}
