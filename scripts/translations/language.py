"""Translations of the language-and-terms work (issue 10, point 4), for
`python scripts/fill_translations.py scripts/translations/language.py` after `make messages`.

T: new messages of accounts (the audit trail's readable changes) and the contexts the app
owners are asked to add where one English word needs two Russian genders or two Kazakh verbs.
FORCE: the terms the Kazakh and Russian catalogs must keep whatever an older translation said.
"""

T = {
    # accounts.audit.readable_changes: the metrics import's row count
    "rows imported": ("импортталған жолдар", "импортировано строк"),
    # content: a publication is agreed (келісу, R6.2), a plan or an access list approved (бекіту)
    ("publication", "Approve"): ("Келісу", "Согласовать"),
    # content: statuses of a publication agree with «публикация»
    ("publication status", "Returned for revision"): (
        "Қайта өңдеуге қайтарылды",
        "Возвращена на доработку",
    ),
    ("publication status", "Prohibited"): ("Тыйым салынды", "Запрещена"),
    ("publication status", "Published"): ("Жарияланды", "Опубликована"),
    ("publication status", "Withdrawn"): ("Алып тасталды", "Снята с публикации"),
    # appeals: «обращение» is neuter; "Closed" is also an account's status («закрыт»)
    ("appeal status", "Closed"): ("Жабылды", "Закрыто"),
}

FORCE = {
    # "Take into work" is not hiring (жұмысқа алу): an appeal is taken for consideration.
    "Take into work": ("Қарауға алу", None),
    "Appeal taken into work": ("Өтініш қарауға алынды", None),
    "The appeal has been taken into work.": ("Өтініш қарауға алынды.", None),
    "In work": ("Қаралуда", None),
    # "frozen" is closed to change, not approved (бекітілді).
    "frozen": ("өзгертуге жабық", None),
    "frozen at": ("өзгертуге жабылған уақыты", None),
    "Publication version frozen": ("Жарияланым нұсқасы өзгертуге жабылды", None),
    "The decision is signed; the checklist is frozen.": (
        "Шешімге қол қойылды; чек-парақ өзгертуге жабылды.",
        None,
    ),
    # CL2 of Appendix 1: «Құқықтық тексеру» / «Правовая проверка».
    "Legal review": ("Құқықтық тексеру", "Правовая проверка"),
    "legal review": ("құқықтық тексеру", "правовая проверка"),
    # The Regulation spells "құпиясөз" as one word.
    "Password": ("Құпиясөз", None),
    "password": ("құпиясөз", None),
    # A publication's statuses agree with «публикация».
    "Prohibited": (None, "Запрещена"),
    "Published": (None, "Опубликована"),
    "Withdrawn": (None, "Снята с публикации"),
}
