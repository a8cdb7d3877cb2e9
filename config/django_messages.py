"""Django's own user-facing messages, listed so that ``makemessages`` extracts them.

Why this module exists: Django's bundled Kazakh catalog (django/conf/locale/kk and
django/contrib/auth/locale/kk) is only about 60 % translated, so Kazakh-speaking users
would meet English validation errors, form labels, month names and so on.  Catalogs
found through ``settings.LOCALE_PATHS`` take precedence over Django's bundled ones, so
when these msgids are present -- and translated -- in our own
``locale/{kk,ru}/LC_MESSAGES/django.po``, our translations win and fill the gaps.

``manage.py makemessages`` (xgettext) only sees strings that are marked in our own
code, hence this list.  Nothing imports it at runtime; the lazy calls are never
evaluated.

Rules for editing:

* every msgid (and msgctxt, and plural) must be byte-identical to the one in Django's
  sources for the pinned Django version -- including the typographic quotes “ ” ’ and
  the ellipsis … that Django uses -- otherwise the translation never matches;
* literal strings only: xgettext cannot read variables or f-strings;
* ``pgettext_lazy`` where Django uses a context, ``ngettext_lazy`` with both the
  singular and the plural where Django uses ``ngettext``;
* django.contrib.admin is deliberately left out: only superusers use the admin.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy

MESSAGES = (
    # Core validators (django/core/validators.py, django/utils/ipv6.py)
    _("Enter a valid %(protocol)s address."),
    _("Enter a valid value."),
    _("Enter a valid domain name."),
    _("Enter a valid URL."),
    _("Enter a valid integer."),
    _("Enter a valid email address."),
    _("Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."),
    _("Enter a valid “slug” consisting of Unicode letters, numbers, underscores, or hyphens."),
    _("IPv4"),
    _("IPv6"),
    _("IPv4 or IPv6"),
    _("Enter only digits separated by commas."),
    _("Ensure this value is %(limit_value)s (it is %(show_value)s)."),
    _("Ensure this value is less than or equal to %(limit_value)s."),
    _("Ensure this value is greater than or equal to %(limit_value)s."),
    _("Ensure this value is a multiple of step size %(limit_value)s."),
    _(
        "Ensure this value is a multiple of step size %(limit_value)s, starting from %(offset)s, "
        "e.g. %(offset)s, %(valid_value1)s, %(valid_value2)s, and so on.",
    ),
    ngettext_lazy(
        "Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).",
    ),
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
    ),
    _("Enter a number."),
    ngettext_lazy(
        "Ensure that there are no more than %(max)s digit in total.",
        "Ensure that there are no more than %(max)s digits in total.",
    ),
    ngettext_lazy(
        "Ensure that there are no more than %(max)s decimal place.",
        "Ensure that there are no more than %(max)s decimal places.",
    ),
    ngettext_lazy(
        "Ensure that there are no more than %(max)s digit before the decimal point.",
        "Ensure that there are no more than %(max)s digits before the decimal point.",
    ),
    _(
        "File extension “%(extension)s” is not allowed. Allowed extensions are: "
        "%(allowed_extensions)s.",
    ),
    _("Null characters are not allowed."),
    _("This is not a valid IPv6 address."),
    # Form fields, widgets, forms and formsets (django/forms/)
    _("and"),
    _(
        "ManagementForm data is missing or has been tampered with. Missing fields: "
        "%(field_names)s. You may need to file a bug report if the issue persists.",
    ),
    ngettext_lazy("Please submit at most %(num)d form.", "Please submit at most %(num)d forms."),
    ngettext_lazy("Please submit at least %(num)d form.", "Please submit at least %(num)d forms."),
    _("Order"),
    _("Delete"),
    _("This field is required."),
    _("Enter a whole number."),
    _("Enter a valid date."),
    _("Enter a valid time."),
    _("Enter a valid date/time."),
    _("Enter a valid duration."),
    _("The number of days must be between {min_days} and {max_days}."),
    _("No file was submitted. Check the encoding type on the form."),
    _("No file was submitted."),
    _("The submitted file is empty."),
    ngettext_lazy(
        "Ensure this filename has at most %(max)d character (it has %(length)d).",
        "Ensure this filename has at most %(max)d characters (it has %(length)d).",
    ),
    _("Please either submit a file or check the clear checkbox, not both."),
    _("Upload a valid image. The file you uploaded was either not an image or a corrupted image."),
    _("Select a valid choice. %(value)s is not one of the available choices."),
    _("Enter a list of values."),
    _("Enter a complete value."),
    _("Enter a valid UUID."),
    _("Enter a valid JSON."),
    _("Clear"),
    _("Currently"),
    _("Change"),
    _("Unknown"),
    _("Yes"),
    _("No"),
    _(":?.!"),
    _("Please correct the duplicate data for %(field)s."),
    _("Please correct the duplicate data for %(field)s, which must be unique."),
    _(
        "Please correct the duplicate data for %(field_name)s which must be unique for the "
        "%(lookup)s in %(date_field)s.",
    ),
    _("Please correct the duplicate values below."),
    _("The inline value did not match the parent instance."),
    _("Select a valid choice. That choice is not one of the available choices."),
    _("“%(pk)s” is not a valid value."),
    _(":"),
    _("(Hidden field %(name)s) %(error)s"),
    _(
        "%(datetime)s couldn’t be interpreted in time zone %(current_timezone)s; it may be "
        "ambiguous or it may not exist.",
    ),
    # Model validation (django/db/models/)
    _("Constraint “%(name)s” is violated."),
    _("%(model_name)s with this %(field_labels)s already exists."),
    _("Value %(value)r is not a valid choice."),
    _("This field cannot be null."),
    _("This field cannot be blank."),
    _("%(model_name)s with this %(field_label)s already exists."),
    _("%(field_label)s must be unique for %(date_field_label)s %(lookup_type)s."),
    _("“%(value)s” value must be either True or False."),
    _("“%(value)s” value must be either True, False, or None."),
    _("“%(value)s” value has an invalid date format. It must be in YYYY-MM-DD format."),
    _("“%(value)s” value has the correct format (YYYY-MM-DD) but it is an invalid date."),
    _(
        "“%(value)s” value has an invalid format. It must be in YYYY-MM-DD "
        "HH:MM[:ss[.uuuuuu]][TZ] format.",
    ),
    _(
        "“%(value)s” value has the correct format (YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ]) but it is "
        "an invalid date/time.",
    ),
    _("“%(value)s” value must be a decimal number."),
    _("“%(value)s” value has an invalid format. It must be in [DD] [[HH:]MM:]ss[.uuuuuu] format."),
    _("“%(value)s” value must be a float."),
    _("“%(value)s” value must be an integer."),
    _("“%(value)s” value must be either None, True or False."),
    _("“%(value)s” value has an invalid format. It must be in HH:MM[:ss[.uuuuuu]] format."),
    _("“%(value)s” value has the correct format (HH:MM[:ss[.uuuuuu]]) but it is an invalid time."),
    _("“%(value)s” is not a valid UUID."),
    _("%(model)s instance with %(field)s %(value)r is not a valid choice."),
    _("Value must be valid JSON."),
    # Pagination (django/core/paginator.py)
    _("…"),
    _("That page number is not an integer"),
    _("That page number is less than 1"),
    _("That page contains no results"),
    # Dates and times (django/utils/dates.py, dateformat.py, timesince.py)
    _(", "),
    _("Monday"),
    _("Tuesday"),
    _("Wednesday"),
    _("Thursday"),
    _("Friday"),
    _("Saturday"),
    _("Sunday"),
    _("Mon"),
    _("Tue"),
    _("Wed"),
    _("Thu"),
    _("Fri"),
    _("Sat"),
    _("Sun"),
    _("January"),
    _("February"),
    _("March"),
    _("April"),
    _("May"),
    _("June"),
    _("July"),
    _("August"),
    _("September"),
    _("October"),
    _("November"),
    _("December"),
    _("jan"),
    _("feb"),
    _("mar"),
    _("apr"),
    _("may"),
    _("jun"),
    _("jul"),
    _("aug"),
    _("sep"),
    _("oct"),
    _("nov"),
    _("dec"),
    pgettext_lazy("abbrev. month", "Jan."),
    pgettext_lazy("abbrev. month", "Feb."),
    pgettext_lazy("abbrev. month", "March"),
    pgettext_lazy("abbrev. month", "April"),
    pgettext_lazy("abbrev. month", "May"),
    pgettext_lazy("abbrev. month", "June"),
    pgettext_lazy("abbrev. month", "July"),
    pgettext_lazy("abbrev. month", "Aug."),
    pgettext_lazy("abbrev. month", "Sept."),
    pgettext_lazy("abbrev. month", "Oct."),
    pgettext_lazy("abbrev. month", "Nov."),
    pgettext_lazy("abbrev. month", "Dec."),
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
    ngettext_lazy("%(num)d year", "%(num)d years"),
    ngettext_lazy("%(num)d month", "%(num)d months"),
    ngettext_lazy("%(num)d week", "%(num)d weeks"),
    ngettext_lazy("%(num)d day", "%(num)d days"),
    ngettext_lazy("%(num)d hour", "%(num)d hours"),
    ngettext_lazy("%(num)d minute", "%(num)d minutes"),
    _("p.m."),
    _("a.m."),
    _("PM"),
    _("AM"),
    _("midnight"),
    _("noon"),
    # Text helpers and template filters (django/utils/text.py, django/template/defaultfilters.py)
    pgettext_lazy("String to return when truncating text", "%(truncated_text)s…"),
    _("or"),
    _("yes,no,maybe"),
    ngettext_lazy("%(size)d byte", "%(size)d bytes"),
    _("%s KB"),
    _("%s MB"),
    _("%s GB"),
    _("%s TB"),
    _("%s PB"),
    # CSRF failure page (django/views/csrf.py)
    _("Forbidden"),
    _("CSRF verification failed. Request aborted."),
    _(
        "You are seeing this message because this HTTPS site requires a “Referer header” to be "
        "sent by your web browser, but none was sent. This header is required for security "
        "reasons, to ensure that your browser is not being hijacked by third parties.",
    ),
    _(
        "If you have configured your browser to disable “Referer” headers, please re-enable them, "
        "at least for this site, or for HTTPS connections, or for “same-origin” requests.",
    ),
    _(
        'If you are using the <meta name="referrer" content="no-referrer"> tag or including '
        "the “Referrer-Policy: no-referrer” header, please remove them. The CSRF protection "
        "requires the “Referer” header to do strict referer checking. If you’re concerned about "
        'privacy, use alternatives like <a rel="noreferrer" …> for links to third-party sites.',
    ),
    _(
        "You are seeing this message because this site requires a CSRF cookie when submitting "
        "forms. This cookie is required for security reasons, to ensure that your browser is not "
        "being hijacked by third parties.",
    ),
    _(
        "If you have configured your browser to disable cookies, please re-enable them, at least "
        "for this site, or for “same-origin” requests.",
    ),
    _("More information is available with DEBUG=True."),
    # Language names (django/conf/global_settings.py)
    _("Kazakh"),
    _("Russian"),
    # django.contrib.auth: username validators and password validation
    _(
        "Enter a valid username. This value may contain only unaccented lowercase a-z and "
        "uppercase A-Z letters, numbers, and @/./+/-/_ characters.",
    ),
    _(
        "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ "
        "characters.",
    ),
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
    ),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
    ),
    _("The password is too similar to the %(verbose_name)s."),
    _("Your password can’t be too similar to your other personal information."),
    _("This password is too common."),
    _("Your password can’t be a commonly used password."),
    _("This password is entirely numeric."),
    _("Your password can’t be entirely numeric."),
    # django.contrib.auth: model verbose names and help texts
    _("password"),
    _("last login"),
    _("name"),
    _("content type"),
    _("codename"),
    _("permission"),
    _("permissions"),
    _("group"),
    _("groups"),
    _("superuser status"),
    _("Designates that this user has all permissions without explicitly assigning them."),
    _(
        "The groups this user belongs to. A user will get all permissions granted to each of "
        "their groups.",
    ),
    _("user permissions"),
    _("Specific permissions for this user."),
    _("username"),
    _("Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only."),
    _("A user with that username already exists."),
    _("first name"),
    _("last name"),
    _("email address"),
    _("staff status"),
    _("Designates whether the user can log into this admin site."),
    _("active"),
    _(
        "Designates whether this user should be treated as active. Unselect this instead of "
        "deleting accounts.",
    ),
    _("date joined"),
    _("user"),
    _("users"),
    # django.contrib.auth: forms
    _("The two password fields didn’t match."),
    _("Password"),
    _("Password confirmation"),
    _("Enter the same password as before, for verification."),
    _(
        "Please enter a correct %(username)s and password. Note that both fields may be "
        "case-sensitive.",
    ),
    _("This account is inactive."),
    _("Email"),
    _("New password"),
    _("New password confirmation"),
    _("Your old password was entered incorrectly. Please enter it again."),
    _("Old password"),
    # django.contrib.auth: view titles and password-reset e-mail subject
    _("Logged out"),
    _("Password reset"),
    _("Password reset sent"),
    _("Enter new password"),
    _("Password reset unsuccessful"),
    _("Password reset complete"),
    _("Password change"),
    _("Password change successful"),
    _("Password reset on %(site_name)s"),
)
