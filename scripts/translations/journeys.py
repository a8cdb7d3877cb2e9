"""Kazakh and Russian for the shorter journey 1 (issue 13): the draft's photo and the checklist
card's question to the lawyer."""

T = {
    "Photo": ("Фото", "Фото"),
    "Optional. More files can be attached on the publication's page.": (
        "Міндетті емес. Басқа файлдарды жарияланым бетінде тіркеуге болады.",
        "Необязательно. Другие файлы можно прикрепить на странице публикации.",
    ),
    "Ask the lawyer about the legal items (CL2, CL8.2)": (
        "Құқықтық тармақтар бойынша заңгерден сұрау (2-бөлім, 8.2)",
        "Спросить юриста о правовых пунктах (раздел 2, 8.2)",
    ),
    "Send to the lawyer and open the checklist": (
        "Заңгерге жіберу және чек-парақты ашу",
        "Отправить юристу и открыть чек-лист",
    ),
}
