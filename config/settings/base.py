"""Settings shared by every environment. Values come from the environment (django-environ);
a malformed value fails at start-up instead of being quietly ignored."""

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "treebeard",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_celery_beat",
    "accounts",
    "registry",
    "content",
    "checklist",
    "appeals",
    "reports",
    "channels",
    "inbox",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "accounts.middleware.SessionRenewalMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A NUL byte in any field, or a body that cannot be parsed: 400 with a translated page
    # before any view, never a 500 (issue 11 §5).
    "accounts.request_guard.RejectHostileInputMiddleware",
    # After the user and their second factor are known: a chairman or superuser without a
    # second factor reaches only the enrolment page (OTP_REQUIRED_FOR_CHAIRMEN).
    "accounts.middleware.TwoFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Axes last: it turns a lockout raised during authentication into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.navigation",
                "content.context_processors.crisis_banner",
            ],
        },
    },
]

# The embedded default is SQLite; production and CI set DATABASE_URL to PostgreSQL.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False  # services own their transactions
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
# A kept connection that the server dropped (restart, failover, pg_terminate_backend) is
# replaced at the first query of the next request instead of failing it (issue 12).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("CONN_HEALTH_CHECKS", default=True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # `make run` has the web server, the worker and beat writing to one file: wait for the lock
    # instead of failing, and let readers proceed while one process writes.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }


def without_jit(database: dict) -> dict:
    """Issue 14: no JIT for the application's PostgreSQL connections. The planner compiles the
    big grouped queries (the summary's refresh, a live roll-up) and the compilation costs more
    than it saves (measured in docs/benchmarks.md). Options given in DATABASE_URL are kept;
    production.py applies it to its own DATABASES too."""
    if database["ENGINE"] == "django.db.backends.postgresql":
        options = database.setdefault("OPTIONS", {})
        if "jit=" not in options.get("options", ""):
            options["options"] = f"{options.get('options', '')} -c jit=off".strip()
    return database


without_jit(DATABASES["default"])
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

# --- Authentication (docs/security.md, "Authentication") -----------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Applied wherever a person sets a password through a form (change, reset, user creation);
# passwords set by code (load_demo, factories) are not validated.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env.int("PASSWORD_MIN_LENGTH", default=10)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "accounts:login"
# A password-reset link works once and for this long.
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT_MINUTES", default=60) * 60
# A session ends after this much idle time: a signed-in person's session is saved again, pushing
# the expiry forward, when it was last renewed SESSION_RENEW_SECONDS ago or more
# (accounts.middleware.SessionRenewalMiddleware), so eight hours without a request sign the person
# out — without a database write on every request.
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_HOURS", default=8) * 3600
SESSION_SAVE_EVERY_REQUEST = False
SESSION_RENEW_SECONDS = env.int("SESSION_RENEW_SECONDS", default=300)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failed attempts for one username from
# one client address, that pair is locked for AXES_COOLOFF_MINUTES. The same count covers wrong
# second-factor codes and the password re-entered to sign a checklist decision
# (accounts/security.py). Locking the pair, never the username alone, keeps a stranger from
# locking a chairman out.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "accounts.views.lockout"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# The client's address: REMOTE_ADDR when TRUSTED_PROXY_COUNT is 0; behind N proxies that each
# append to X-Forwarded-For (nginx: $proxy_add_x_forwarded_for), the N-th address from the right
# — entries further left are whatever the client sent and are never trusted.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "accounts.security.client_ip"

# Second factor (django-otp): TOTP on a phone plus ten single-use recovery codes. Offered to
# everyone; when OTP_REQUIRED_FOR_CHAIRMEN is on, chairmen and superusers must enrol before
# they can use anything else. On in production; off by default in local and test settings so
# the demo users and the suite's users sign in with a password alone.
OTP_REQUIRED_FOR_CHAIRMEN = env.bool("OTP_REQUIRED_FOR_CHAIRMEN", default=False)
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", default="Kasipodaq SMM")
# The password step of a login waits this long for the code before it must be repeated.
OTP_LOGIN_TIMEOUT = 5 * 60
# `manage.py load_demo` creates users with a published password: only the settings that are
# never production (local, test) allow it.
DEMO_DATA_ALLOWED = False
# --- end of Authentication -----------------------------------------------------------------

# Internationalization: Kazakh is the default, Russian the second language.
LANGUAGE_CODE = "kk"
LANGUAGES = [("kk", _("Kazakh")), ("ru", _("Russian"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True
# Off: with it on, every integer a template prints is grouped — ids in links and form values
# included ("1 234" for organization 1234). Figures meant for people use |intcomma, which groups
# with the language's separator (26.11.2026 · 1 234 567,50 in Kazakh).
USE_THOUSAND_SEPARATOR = False
TIME_ZONE = "Asia/Almaty"
LANGUAGE_COOKIE_NAME = "lang"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))
# Where uploads live (docs/operations.md, "Object storage"). Every file of the project is read
# and written through Django's storage API (FileField / default_storage), so this is the only
# switch: `filesystem` keeps them under MEDIA_ROOT (one host, or a mount shared by every web and
# worker host); `s3` puts them in a private bucket of any S3-compatible store (AWS, MinIO, Ceph)
# through django-storages. Either way they go out only through the permission-checked views
# (accounts.files.respond): never a bucket URL, signed or not.
FILE_STORAGE = env.str("FILE_STORAGE", default="filesystem")
if FILE_STORAGE == "filesystem":
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
elif FILE_STORAGE == "s3":
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("S3_BUCKET"),  # no default: refuse to start without one
            # Empty: AWS itself; MinIO and the like: their URL, e.g. https://s3.example.kz
            "endpoint_url": env.str("S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("S3_REGION", default="") or None,
            # Empty: boto3's own chain (AWS_ACCESS_KEY_ID…, an instance role).
            "access_key": env.str("S3_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("S3_SECRET_ACCESS_KEY", default="") or None,
            "location": env.str("S3_PREFIX", default=""),  # a key prefix inside the bucket
            "addressing_style": env.str("S3_ADDRESSING_STYLE", default="") or None,  # "path"
            "signature_version": "s3v4",
            "default_acl": None,  # objects inherit the bucket's (private) policy
            "file_overwrite": False,  # names are generated anyway; never replace an object
            # A download is copied from the bucket into a temporary file before it is sent:
            # in memory up to this size, on disk (FILE_UPLOAD_TEMP_DIR) beyond it.
            "max_memory_size": env.int("S3_MAX_MEMORY_BYTES", default=2 * 1024 * 1024),
            "querystring_auth": True,  # .url would be signed and short-lived; no view uses it
            "querystring_expire": 60,
        },
    }
else:
    raise ImproperlyConfigured(f"FILE_STORAGE must be 'filesystem' or 's3', not {FILE_STORAGE!r}")
STORAGES = {
    "default": _default_storage,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

MESSAGE_TAGS = {40: "danger"}  # messages.ERROR renders as Bootstrap's alert-danger
CSRF_FAILURE_VIEW = "accounts.views.csrf_failure"

# E-mail: the console in development, locmem in tests, SMTP from EMAIL_URL in production.
# env.email() turns EMAIL_URL (e.g. smtp+tls://user:pass@host:587) into EMAIL_BACKEND, EMAIL_HOST, …
globals().update(env.email("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="no-reply@localhost")
# Seconds any one SMTP socket operation may take: a stalled mail server fails the attempt (the
# outbox retries it later) instead of holding a worker forever.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
# The outbox (accounts/outbox.py, docs/operations.md): a failed message is retried after
# OUTBOX_RETRY_SECONDS, doubling each time (at most 6 hours), and given up ("dead", shown to
# superusers) after OUTBOX_MAX_ATTEMPTS attempts; a worker holds a message it sends for
# OUTBOX_LEASE_SECONDS (then another worker may take it: keep it well above EMAIL_TIMEOUT);
# sent messages are forgotten after OUTBOX_KEEP_SENT_DAYS.
OUTBOX_RETRY_SECONDS = env.int("OUTBOX_RETRY_SECONDS", default=30)
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=10)
OUTBOX_LEASE_SECONDS = env.int("OUTBOX_LEASE_SECONDS", default=max(120, 6 * EMAIL_TIMEOUT))
OUTBOX_KEEP_SENT_DAYS = env.int("OUTBOX_KEEP_SENT_DAYS", default=14)
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

# Celery. The embedded default is kombu's filesystem transport, so `make run` needs no broker;
# production and CI set CELERY_BROKER_URL to Redis.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="filesystem://")
_broker_dir = Path(env("CELERY_FILESYSTEM_DIR", default=str(BASE_DIR / "var" / "broker")))
# A broker that is down or unreachable must not hold a request: publishing (the outbox's nudge)
# tries to connect once more at most, each try bounded by CELERY_BROKER_CONNECTION_TIMEOUT and
# the socket timeouts (Redis).
BOUNDED_BROKER_OPTIONS = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
    "socket_connect_timeout": 2,
    "socket_timeout": 3,
}
if CELERY_BROKER_URL.startswith("filesystem://"):
    for _sub in ("queue", "processed"):
        (_broker_dir / _sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "processed_folder": str(_broker_dir / "processed"),
        "store_processed": False,
    }
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = BOUNDED_BROKER_OPTIONS
CELERY_BROKER_CONNECTION_TIMEOUT = env.float("CELERY_BROKER_CONNECTION_TIMEOUT", default=2.0)
# The worker itself keeps trying to reach the broker (it has nothing else to do).
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Every host may start a beat; only the one holding PostgreSQL's advisory lock sends, the others
# wait and take over within BEAT_STANDBY_SECONDS when it stops (accounts/beat.py).
CELERY_BEAT_SCHEDULER = "accounts.beat:LeaderDatabaseScheduler"
BEAT_STANDBY_SECONDS = env.int("BEAT_STANDBY_SECONDS", default=10)
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)

# Uploads: the largest document a form accepts (registry decisions, screenshots, attachments).
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
# Videos and audio attached to publications may be larger.
CONTENT_MEDIA_MAX_BYTES = env.int("CONTENT_MEDIA_MAX_BYTES", default=100 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Registry (R9.3): the longest interval between password changes of an official account; an
# organization may set a shorter one. Reminders go out 30, 7 and 1 days before and on the day.
PASSWORD_ROTATION_MONTHS = env.int("PASSWORD_ROTATION_MONTHS", default=12)
# R4.5: who records a publication on an account is its administrator appointed by the chairman's
# order on file. False lets the administrator role alone suffice while an organization uploads
# its orders; never on by default.
REGISTRY_REQUIRE_APPOINTMENT_ORDER = env.bool("REGISTRY_REQUIRE_APPOINTMENT_ORDER", default=True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# Appeals (appeals app; R8, R9.1). The official deadline may be extended by a chairman up to
# APPEALS_MAX_TERM_MONTHS calendar months from registration in total; reminders go out on working
# days between APPEALS_REMINDER_HOUR and APPEALS_WORKDAY_END_HOUR (Asia/Almaty); closed appeals
# older than APPEALS_DEPERSONALIZE_AFTER_YEARS are depersonalized by `manage.py
# appeals_depersonalize`; APPEALS_RECEIVED_NOT_BEFORE is the earliest accepted receipt date
# (ISO date) of an appeal not linked to a registry account (a linked one may not predate its
# account); the working calendar's overrides are re-read at most every
# APPEALS_CALENDAR_CACHE_SECONDS in other processes.
# appeals/apps.py checks the values at start-up and refuses bad ones.
APPEALS_MAX_TERM_MONTHS = env.int("APPEALS_MAX_TERM_MONTHS", default=2)
APPEALS_REMINDER_HOUR = env.int("APPEALS_REMINDER_HOUR", default=10)
APPEALS_WORKDAY_END_HOUR = env.int("APPEALS_WORKDAY_END_HOUR", default=18)
APPEALS_DEPERSONALIZE_AFTER_YEARS = env.int("APPEALS_DEPERSONALIZE_AFTER_YEARS", default=5)
APPEALS_RECEIVED_NOT_BEFORE = env.str("APPEALS_RECEIVED_NOT_BEFORE", default="2024-02-22")
APPEALS_CALENDAR_CACHE_SECONDS = env.int("APPEALS_CALENDAR_CACHE_SECONDS", default=30)

# Reports (reports app; Appendix 2). The half-year report is due at the parent organization
# REPORTS_DEADLINE_WORKING_DAYS working days after the period ends (Kazakhstan calendar of the
# appeals app); administrators are reminded in the last week of the half-year and again when
# REPORTS_DEADLINE_WARNING_WORKING_DAYS or fewer working days are left. The compliance
# dashboard shows REPORTS_DASHBOARD_PAGE_SIZE organizations per page.
REPORTS_DEADLINE_WORKING_DAYS = env.int("REPORTS_DEADLINE_WORKING_DAYS", default=10)
REPORTS_DEADLINE_WARNING_WORKING_DAYS = env.int("REPORTS_DEADLINE_WARNING_WORKING_DAYS", default=3)
REPORTS_DASHBOARD_PAGE_SIZE = env.int("REPORTS_DASHBOARD_PAGE_SIZE", default=50)

# --- Files and Content-Security-Policy -------------------------------------------------------
# docs/security.md, "Files and Content-Security-Policy"; the code is accounts/files.py.
# Stored files are never served from a public URL (there is no /media/ route in any setting):
# views check permission and answer through accounts.files.respond. With
# FILES_X_ACCEL_REDIRECT set (e.g. "/protected-media/"), the response names the file for nginx's
# `internal` location instead of carrying the bytes (deploy/nginx.conf; files on the filesystem
# only: from object storage the view streams them, docs/operations.md "Object storage").
FILES_X_ACCEL_REDIRECT = env.str("FILES_X_ACCEL_REDIRECT", default="")
# Images larger than this are refused before their pixels are decoded (decompression bombs).
FILES_MAX_PIXELS = env.int("FILES_MAX_PIXELS", default=40_000_000)

# django-csp 4: no inline script or style anywhere (templates use static/js and static/css),
# nothing from another origin, no frames, no plugins. `data:` images are the SVG icons inside
# Bootstrap's own CSS (select arrows, the navbar toggler). File downloads carry their own,
# stricter policy (sandbox), which the middleware leaves in place.
INSTALLED_APPS += ["csp"]
MIDDLEWARE += ["csp.middleware.CSPMiddleware"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- Telegram (channels app, docs/telegram.md) --------------------------------------------------
# The Bot API's base URL: the tests and `make run` point it at the local simulator
# (channels/simulator.py); production refuses a simulator (config/settings/production.py).
TELEGRAM_API_BASE_URL = env("TELEGRAM_API_BASE_URL", default="https://api.telegram.org")
TELEGRAM_TIMEOUT_SECONDS = env.float("TELEGRAM_TIMEOUT_SECONDS", default=15.0)
# The key that encrypts bot tokens at rest (Fernet, 32 url-safe base64 bytes). Development and
# the tests derive one from SECRET_KEY when it is empty; production requires it.
CHANNELS_SECRET_KEY = env("CHANNELS_SECRET_KEY", default="")
# Only development and the tests may start the fake Bot API (`manage.py telegram_simulator`).
TELEGRAM_SIMULATOR_ALLOWED = False
# --- end of Telegram -----------------------------------------------------------------------------

# make bench (docs/benchmarks.md): mount the benchmark's peer views under /bench/. Only the
# benchmark's own gunicorn sets it; never in production.
BENCH_PEERS = env.bool("BENCH_PEERS", default=False)
