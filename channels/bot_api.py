"""A thin client of the Telegram Bot API (https://core.telegram.org/bots/api).

Why not python-telegram-bot, pyTelegramBotAPI or aiogram (docs/telegram.md, "The client"): the
product calls about a dozen methods synchronously from views and Celery tasks; those libraries
are asynchronous frameworks (PTB ≥ 20, aiogram) or carry their own polling loops and threads,
and all of them would sit between us and the three things this integration must control
exactly: the base URL (a setting, so tests and `make run` talk to the local simulator), the
timeouts, and the raw `ok:false` answer (`error_code`, `description`,
`parameters.retry_after`), which decides whether a send is retried, waits or needs a person.
Every Bot API method is one HTTPS POST of JSON (or multipart for files) answering
`{"ok": true, "result": …}`, which is all this module does.
"""

from __future__ import annotations

from typing import Any

import requests
from django.conf import settings


class BotApiError(Exception):
    """An `ok:false` answer, an HTTP error or no answer at all.

    `code` is Telegram's `error_code` (400, 401, 403, 404, 429 …), or 0 when the API could not
    be reached (timeout, refused connection): then nobody knows whether the request took
    effect. `retry_after` (seconds) comes with 429 "Too Many Requests"."""

    def __init__(
        self, code: int, description: str, retry_after: int | None = None, *, sent: bool = True
    ) -> None:
        super().__init__(f"{code}: {description}")
        self.code = code
        self.description = description
        self.retry_after = retry_after
        # False when the request surely never reached Telegram (connection refused): safe to
        # try again without risking a second post.
        self.sent = sent

    @property
    def unreachable(self) -> bool:
        return self.code == 0


class BotApi:
    """`BotApi(token).call("getMe")` → the method's `result`, or BotApiError."""

    def __init__(self, token: str, base_url: str | None = None, timeout: float | None = None):
        self.token = token
        self.base_url = (base_url or settings.TELEGRAM_API_BASE_URL).rstrip("/")
        self.timeout = timeout or settings.TELEGRAM_TIMEOUT_SECONDS

    def url(self, method: str) -> str:
        return f"{self.base_url}/bot{self.token}/{method}"

    def call(self, method: str, files: dict[str, Any] | None = None, **params: Any) -> Any:
        """POST the method with its parameters (JSON, or multipart form fields when `files`
        carries uploads as {field: (name, bytes_or_file, content_type)})."""
        params = {k: v for k, v in params.items() if v is not None}
        try:
            if files:
                import json

                data = {
                    k: (json.dumps(v) if isinstance(v, dict | list | bool) else str(v))
                    for k, v in params.items()
                }
                response = requests.post(
                    self.url(method), data=data, files=files, timeout=self.timeout
                )
            else:
                response = requests.post(self.url(method), json=params, timeout=self.timeout)
        except requests.ConnectionError as error:
            # Refused before anything was sent, or cut off after: we cannot tell, except for a
            # refused connection (nothing reached Telegram).
            refused = isinstance(getattr(error, "args", [None])[0], Exception) and (
                "refused" in str(error).lower() or "Failed to establish" in str(error)
            )
            raise BotApiError(0, "Telegram could not be reached", sent=not refused) from error
        except requests.Timeout as error:
            raise BotApiError(0, "Telegram did not answer in time") from error
        except requests.RequestException as error:
            raise BotApiError(
                0, f"Telegram could not be reached: {type(error).__name__}"
            ) from error
        try:
            payload = response.json()
        except ValueError:
            raise BotApiError(
                response.status_code or 0, f"Unexpected answer (HTTP {response.status_code})"
            ) from None
        if not isinstance(payload, dict) or not payload.get("ok"):
            payload = payload if isinstance(payload, dict) else {}
            parameters = payload.get("parameters") or {}
            raise BotApiError(
                int(payload.get("error_code") or response.status_code or 0),
                str(payload.get("description") or f"HTTP {response.status_code}"),
                retry_after=parameters.get("retry_after"),
            )
        return payload.get("result")
