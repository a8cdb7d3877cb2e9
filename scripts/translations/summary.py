"""Kazakh and Russian translations of the precomputed dashboard and roll-up (issue 14, point 4)
and of the dashboard's legend (issue 13, point 8).

T = {msgid: (kk, ru)} for new msgids; PLURAL = {msgid: ([kk forms], [ru forms])}. Terms follow
the glossary of PRODUCT.md: "registry flag" is «тізілім ескертуі» / «замечание реестра» as on
the dashboard's column headers."""

T = {
    # reports/selectors.py FAMILY_EXPLANATIONS: the title of each score card and its legend entry.
    (
        "Share of the official accounts with none of these registry flags: no decision of the "
        "union body, logo not checked, no administrator appointed, a closed account still a "
        "publishing target."
    ): (
        "Мына тізілім ескертулерінің ешқайсысы жоқ ресми аккаунттардың үлесі: кәсіподақ "
        "органының шешімі жоқ, логотип тексерілмеген, әкімші тағайындалмаған, жабылған аккаунт "
        "әлі жариялау орны болып тұр.",
        "Доля официальных аккаунтов без единого из этих замечаний реестра: нет решения "
        "профсоюзного органа, логотип не проверен, не назначен администратор, закрытый аккаунт "
        "всё ещё остаётся местом публикации.",
    ),
    (
        "Share of the organizations with official accounts that have an approved content plan "
        "for today and no urgent publication the head has not been informed of."
    ): (
        "Ресми аккаунттары бар ұйымдардың ішінде бүгінге бекітілген контент-жоспары бар және "
        "басшысы хабардар етілмеген шұғыл жарияланымы жоқ ұйымдардың үлесі.",
        "Доля организаций с официальными аккаунтами, у которых есть утверждённый на сегодня "
        "контент-план и нет срочной публикации, о которой не проинформирован руководитель.",
    ),
    (
        "Share of the open appeals whose first response (3 working days) or official response "
        "(15 working days) is not overdue."
    ): (
        "Алғашқы жауабы (3 жұмыс күні) немесе ресми жауабы (15 жұмыс күні) мерзімі өтпеген "
        "ашық өтініштердің үлесі.",
        "Доля открытых обращений, по которым не просрочен первичный ответ (3 рабочих дня) или "
        "официальный ответ (15 рабочих дней).",
    ),
    (
        "Share of the official accounts whose list of persons with access is approved, with no "
        "change waiting, and whose password was changed in time."
    ): (
        "Қолжетімділігі бар адамдар тізімі бекітілген, күтіп тұрған өзгерісі жоқ және құпиясөзі "
        "уақтылы ауыстырылған ресми аккаунттардың үлесі.",
        "Доля официальных аккаунтов, у которых список лиц с доступом утверждён и изменений в "
        "ожидании нет, а пароль сменён вовремя.",
    ),
    (
        "Share of the publications since the half-year began whose current version has a "
        "completed checklist permitting publication."
    ): (
        "Жартыжылдық басталғаннан бергі жарияланымдардың ішінде ағымдағы нұсқасына "
        "орналастыруға рұқсат беретін толтырылған чек-парағы бар жарияланымдардың үлесі.",
        "Доля публикаций с начала полугодия, у текущей версии которых есть заполненный "
        "чек-лист с решением «размещение разрешено».",
    ),
    (
        "Share of the organizations with official accounts whose report for the previous "
        "half-year is submitted or accepted."
    ): (
        "Ресми аккаунттары бар ұйымдардың ішінде өткен жартыжылдыққа есебі тапсырылған немесе "
        "қабылданған ұйымдардың үлесі.",
        "Доля организаций с официальными аккаунтами, чей отчёт за прошлое полугодие сдан или "
        "принят.",
    ),
    # reports/selectors.py COLUMN_EXPLANATIONS: the title of each column and its legend entry.
    "Official accounts of the organization with at least one registry flag.": (
        "Ұйымның кемінде бір тізілім ескертуі бар ресми аккаунттары.",
        "Официальные аккаунты организации хотя бы с одним замечанием реестра.",
    ),
    "Open appeals past their first-response or official-response date.": (
        "Алғашқы жауап немесе ресми жауап мерзімі өтіп кеткен ашық өтініштер.",
        "Открытые обращения с истёкшим сроком первичного или официального ответа.",
    ),
    "Urgent messages published first whose head is not yet informed.": (
        "Алдымен жарияланып, басшысы әлі хабардар етілмеген шұғыл хабарламалар.",
        "Срочные сообщения, опубликованные первыми, о которых руководитель ещё не проинформирован.",
    ),
    "Publications since the half-year began without a completed checklist permitting them.": (
        "Жартыжылдық басталғаннан бергі орналастыруға рұқсат беретін толтырылған чек-парағы "
        "жоқ жарияланымдар.",
        "Публикации с начала полугодия без заполненного чек-листа, разрешающего размещение.",
    ),
    "Whether the content plan covering today is approved.": (
        "Бүгінгі күнді қамтитын контент-жоспар бекітілген бе.",
        "Утверждён ли контент-план, действующий на сегодня.",
    ),
    "The half-year report for the previous half-year and its status.": (
        "Өткен жартыжылдыққа арналған жартыжылдық есеп және оның мәртебесі.",
        "Полугодовой отчёт за прошлое полугодие и его статус.",
    ),
    # templates/reports/dashboard.html
    "The figures are recomputed every few minutes.": (
        "Көрсеткіштер бірнеше минут сайын қайта есептеледі.",
        "Показатели пересчитываются каждые несколько минут.",
    ),
    "What the figures mean": (
        "Көрсеткіштер нені білдіреді",
        "Что означают показатели",
    ),
    (
        "A score is the share, in per cent, of what its rules count that complies, over your "
        "whole subtree: “Official accounts %(example)s” means that 40 of every 100 official "
        "accounts have no registry flag of R4. A dash means there is nothing to count."
    ): (
        "Баға — сіздің бүкіл құрылымыңыз бойынша ережелер есептейтін нысандардың ішінде "
        "талапқа сай келетіндерінің пайыздық үлесі: «Ресми аккаунттар %(example)s» дегеніміз "
        "әрбір 100 ресми аккаунттың 40-ында R4 бойынша тізілім ескертуі жоқ дегенді білдіреді. "
        "Сызықша есептейтін ештеңе жоқ екенін білдіреді.",
        "Оценка — доля в процентах того, что считают её правила, соответствующего требованиям, "
        "по всей вашей структуре: «Официальные аккаунты %(example)s» означает, что у 40 из "
        "каждых 100 официальных аккаунтов нет замечаний реестра по R4. Прочерк означает, что "
        "считать нечего.",
    ),
    # templates/reports/rollup.html
    "The figures of a half-year are recomputed every few minutes.": (
        "Жартыжылдық көрсеткіштері бірнеше минут сайын қайта есептеледі.",
        "Показатели полугодия пересчитываются каждые несколько минут.",
    ),
    "The figures are computed from the data now.": (
        "Көрсеткіштер деректерден қазір есептелді.",
        "Показатели рассчитаны по данным сейчас.",
    ),
    "Pages of the roll-up": (
        "Жиынтық есептің беттері",
        "Страницы сводного отчёта",
    ),
}

PLURAL = {
    # reports/summary.py freshness(): the age of the dashboard's and the roll-up's figures.
    "Figures as of %(time)s (%(minutes)s minute ago).": (
        [
            "Көрсеткіштер %(time)s кезіндегі (%(minutes)s минут бұрын).",
            "Көрсеткіштер %(time)s кезіндегі (%(minutes)s минут бұрын).",
        ],
        [
            "Показатели на %(time)s (%(minutes)s минуту назад).",
            "Показатели на %(time)s (%(minutes)s минуты назад).",
            "Показатели на %(time)s (%(minutes)s минут назад).",
            "Показатели на %(time)s (%(minutes)s минуты назад).",
        ],
    ),
    # templates/reports/_rollup_table.html: children without a report, when the table is paged.
    "%(counter)s organization in all; those of this page are listed.": (
        [
            "Барлығы %(counter)s ұйым; осы беттегілері тізімде.",
            "Барлығы %(counter)s ұйым; осы беттегілері тізімде.",
        ],
        [
            "Всего %(counter)s организация; перечислены те, что на этой странице.",
            "Всего %(counter)s организации; перечислены те, что на этой странице.",
            "Всего %(counter)s организаций; перечислены те, что на этой странице.",
            "Всего %(counter)s организации; перечислены те, что на этой странице.",
        ],
    ),
}
