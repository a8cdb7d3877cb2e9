"""A local fake of the Telegram Bot API: an HTTP server in a thread of this process.

The tests start one per test (tests/channels/conftest.py: `fake_bot_api`) and point
`settings.TELEGRAM_API_BASE_URL` at `.base_url`; `make run` starts one beside the app
(`manage.py telegram_simulator`, development settings only) and the pages say "simulator".
It answers the documented JSON (`{"ok": true, "result": …}` or
`{"ok": false, "error_code": …, "description": …, "parameters": {"retry_after": …}}`, with the
same HTTP status) for every method the product uses:

getMe, getChat, getChatMember, getChatMemberCount, sendMessage, sendPhoto, sendVideo,
sendMediaGroup, deleteMessage, editMessageText, editMessageCaption, getUpdates, setWebhook,
deleteWebhook, getWebhookInfo.

State is in memory: bots (any well-formed token "<digits>:<35 characters>" is a bot whose id is
the digits, unless revoked), chats with their member counts, the bot's membership in each chat
(administrator with posting and deleting rights unless a test says otherwise), the messages
posted, and a queue of updates. Tests steer it with `fail_next` (one `ok:false` answer: 400,
401, 403 kicked, 429 with retry_after …), `hold_next` (the method takes effect, then its answer
waits, as when a worker dies mid-request), `kick_bot`, `set_member_count`, `push_update`.

A small control API for the development simulator lives under `/_control/` on the same server
(`SimulatorControl`): it pushes comments and messages and changes member counts, so `make run`
can show the inbox and the figures without the internet.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlparse

import requests

TOKEN_RE = re.compile(r"^(\d{3,20}):[A-Za-z0-9_-]{30,}$")
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024

# A ready-made token and channel for the development simulator and the browser journey: the
# simulator's own public demo value, not a secret (hence the nosec).
DEMO_TOKEN = "7000000001:SIMULATOR_demo_token_not_a_real_bot_0001"  # nosec B105
DEMO_CHANNEL = {
    "id": -1001000000001,
    "title": "Kasipodaq (simulator)",
    "username": "kasipodaq_demo",
}
DEMO_GROUP = {
    "id": -1001000000002,
    "title": "Kasipodaq discussion (simulator)",
    "username": "kasipodaq_demo_chat",
}


@dataclass
class _Failure:
    error_code: int
    description: str
    retry_after: int | None = None


@dataclass
class _Chat:
    id: int
    type: str
    title: str
    username: str | None = None
    member_count: int = 0
    linked_chat_id: int | None = None
    # bot id → ChatMember fields; absent → the default (administrator with rights)
    bots: dict[int, dict[str, Any]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "type": self.type, "title": self.title}
        if self.username:
            out["username"] = self.username
        if self.linked_chat_id:
            out["linked_chat_id"] = self.linked_chat_id
        return out


class ApiFailure(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None):
        self.code, self.description, self.retry_after = code, description, retry_after


DEFAULT_ADMIN_RIGHTS = {
    "status": "administrator",
    "can_be_edited": False,
    "can_manage_chat": True,
    "can_post_messages": True,
    "can_edit_messages": True,
    "can_delete_messages": True,
    "can_invite_users": True,
    "can_change_info": False,
    "can_restrict_members": True,
    "can_promote_members": False,
    "is_anonymous": False,
}


class FakeBotApi:
    """`fake = FakeBotApi().start()`; `fake.base_url`; … `fake.stop()`."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, now=time.time) -> None:
        self.host, self.port = host, port
        self.now = now
        self.lock = threading.RLock()
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.chats: dict[int, _Chat] = {}
        self.messages: dict[int, dict[int, dict[str, Any]]] = {}
        self.revoked: set[str] = set()
        self.webhooks: dict[int, dict[str, Any]] = {}
        self.updates: list[dict[str, Any]] = []  # each carries "_bot": bot id or None
        self.confirmed: dict[int, int] = {}
        self._failures: dict[str, list[_Failure]] = {}
        self._holds: dict[str, threading.Event] = {}
        self._held = threading.Event()
        self._message_ids = itertools.count(101)
        self._update_ids = itertools.count(500001)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # Running ----------------------------------------------------------------------------------

    def start(self) -> FakeBotApi:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                fake._handle(self)

            def do_POST(self) -> None:
                fake._handle(self)

        self._server = ThreadingHTTPServer((self.host, self.port), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="fake-bot-api", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        for event in self._holds.values():
            event.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def serve_forever(self) -> None:
        """For `manage.py telegram_simulator`: run in the foreground until interrupted."""
        self.start()
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def __enter__(self) -> FakeBotApi:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    # Steering (tests) -------------------------------------------------------------------------

    def add_chat(
        self,
        chat_id: int,
        title: str,
        username: str | None = None,
        *,
        type: str = "channel",  # noqa: A002 - Telegram's field name
        member_count: int = 0,
        linked_chat_id: int | None = None,
    ) -> dict[str, Any]:
        with self.lock:
            chat = _Chat(chat_id, type, title, username, member_count, linked_chat_id)
            self.chats[chat_id] = chat
            self.messages.setdefault(chat_id, {})
            return chat.as_dict()

    def set_member_count(self, chat_id: int, n: int) -> None:
        with self.lock:
            self._chat(chat_id).member_count = n

    def set_bot_member(self, chat_id: int, bot_id: int, status: str, **rights: Any) -> None:
        """The bot's ChatMember in the chat: "administrator" (with rights), "member", "left",
        "kicked"."""
        with self.lock:
            member = dict(DEFAULT_ADMIN_RIGHTS) if status == "administrator" else {}
            member.update(rights, status=status)
            self._chat(chat_id).bots[bot_id] = member

    def kick_bot(self, chat_id: int, bot_id: int) -> None:
        self.set_bot_member(chat_id, bot_id, "kicked", until_date=0)

    def revoke_token(self, token: str) -> None:
        with self.lock:
            self.revoked.add(token)

    def fail_next(
        self, method: str, error_code: int, description: str, retry_after: int | None = None
    ) -> None:
        """The next call of `method` answers ok:false (and takes no effect)."""
        with self.lock:
            self._failures.setdefault(method, []).append(
                _Failure(error_code, description, retry_after)
            )

    def hold_next(self, method: str) -> threading.Event:
        """The next call of `method` takes effect, then waits for the returned event to be set
        before answering (`wait_held()` tells when it is waiting)."""
        event = threading.Event()
        with self.lock:
            self._holds[method] = event
            self._held.clear()
        return event

    def wait_held(self, timeout: float = 10.0) -> bool:
        return self._held.wait(timeout)

    def push_update(self, update: dict[str, Any], token: str | None = None) -> dict[str, Any]:
        """Queue an update for getUpdates (for every bot, or only the bot of `token`)."""
        with self.lock:
            update = dict(update)
            update.setdefault("update_id", next(self._update_ids))
            update["_bot"] = self._bot_id(token) if token else None
            self.updates.append(update)
            return {k: v for k, v in update.items() if k != "_bot"}

    def post_webhook(self, url: str, secret: str = "", token: str | None = None) -> list[int]:
        """Deliver the queued updates (of every bot or of `token`'s) to `url` as Telegram does
        (POST JSON, header X-Telegram-Bot-Api-Secret-Token); return the HTTP statuses. Updates
        answered 2xx are confirmed."""
        bot = self._bot_id(token) if token else None
        statuses = []
        with self.lock:
            pending = [u for u in self.updates if bot is None or u["_bot"] in (None, bot)]
        for update in pending:
            body = {k: v for k, v in update.items() if k != "_bot"}
            response = requests.post(
                url,
                json=body,
                headers={"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {},
                timeout=10,
            )
            statuses.append(response.status_code)
            if 200 <= response.status_code < 300:
                with self.lock:
                    self.updates = [u for u in self.updates if u is not update]
        return statuses

    def sent(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """The messages posted (not deleted), oldest first."""
        with self.lock:
            chats = [chat_id] if chat_id is not None else list(self.messages)
            return [
                m
                for c in chats
                for m in sorted(self.messages.get(c, {}).values(), key=lambda m: m["message_id"])
            ]

    def method_calls(self, method: str) -> list[dict[str, Any]]:
        with self.lock:
            return [params for name, params in self.calls if name == method]

    # Update builders ---------------------------------------------------------------------------

    def comment_update(
        self,
        group_id: int,
        text: str,
        *,
        user: dict[str, Any] | None = None,
        reply_to_message_id: int | None = None,
        channel_post: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """A comment in a channel's discussion group: a message in the group replying to the
        channel post's automatic forward (or to `reply_to_message_id`)."""
        user = user or {"id": 9001, "is_bot": False, "first_name": "Aigerim", "username": "aigerim"}
        with self.lock:
            group = self._chat(group_id)
            message: dict[str, Any] = {
                "message_id": next(self._message_ids),
                "date": int(self.now()),
                "chat": group.as_dict(),
                "from": user,
                "text": text,
            }
        if channel_post is not None:
            message["reply_to_message"] = {
                "message_id": channel_post.get("forward_id", reply_to_message_id or 1),
                "date": channel_post["date"],
                "chat": group.as_dict(),
                "is_automatic_forward": True,
                "sender_chat": channel_post["chat"],
                "forward_from_chat": channel_post["chat"],
                "forward_from_message_id": channel_post["message_id"],
                "text": channel_post.get("text", channel_post.get("caption", "")),
            }
        elif reply_to_message_id is not None:
            message["reply_to_message"] = {
                "message_id": reply_to_message_id,
                "date": int(self.now()),
                "chat": group.as_dict(),
            }
        return {"message": message}

    def private_message_update(
        self, text: str, *, user: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """A person writing to the bot directly."""
        user = user or {"id": 9002, "is_bot": False, "first_name": "Daulet", "username": "daulet"}
        return {
            "message": {
                "message_id": next(self._message_ids),
                "date": int(self.now()),
                "chat": {
                    "id": user["id"],
                    "type": "private",
                    "first_name": user.get("first_name", ""),
                    **({"username": user["username"]} if user.get("username") else {}),
                },
                "from": user,
                "text": text,
            }
        }

    # Serving ----------------------------------------------------------------------------------

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        parsed = urlparse(request.path)
        length = int(request.headers.get("Content-Length") or 0)
        body = request.rfile.read(length) if length else b""
        if parsed.path.startswith("/_control/"):
            status, payload = self._control(parsed.path[len("/_control/") :], body)
            return self._answer(request, status, payload)
        match = re.match(r"^/bot([^/]+)/([A-Za-z]+)$", parsed.path)
        if not match:
            return self._answer(
                request, 404, {"ok": False, "error_code": 404, "description": "Not Found"}
            )
        token, method = match.groups()
        params = dict(parse_qsl(parsed.query))
        files: dict[str, str] = {}
        content_type = request.headers.get("Content-Type", "")
        if body and content_type.startswith("application/json"):
            params.update(json.loads(body))
        elif body and content_type.startswith("multipart/form-data"):
            message = BytesParser(policy=HTTP).parsebytes(
                b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
            )
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                filename = part.get_filename()
                if filename:
                    files[name] = filename
                else:
                    value = part.get_content()
                    params[name] = value if isinstance(value, str) else value.decode()
        elif body:
            params.update(parse_qsl(body.decode()))
        recorded = dict(params)
        if files:
            recorded["_files"] = files
        with self.lock:
            self.calls.append((method, recorded))
            failure = (
                (self._failures.get(method) or [None]).pop(0)
                if self._failures.get(method)
                else None
            )
            hold = self._holds.pop(method, None)
        if failure is not None:
            return self._fail(request, failure.error_code, failure.description, failure.retry_after)
        try:
            result = self._dispatch(token, method, params, files)
        except ApiFailure as error:
            return self._fail(request, error.code, error.description, error.retry_after)
        if hold is not None:
            self._held.set()
            hold.wait(60)
        return self._answer(request, 200, {"ok": True, "result": result})

    def _fail(self, request, code: int, description: str, retry_after: int | None) -> None:
        payload: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
        if retry_after is not None:
            payload["parameters"] = {"retry_after": retry_after}
        self._answer(request, code, payload)

    @staticmethod
    def _answer(request: BaseHTTPRequestHandler, status: int, payload: Any) -> None:
        data = json.dumps(payload).encode()
        try:
            request.send_response(status)
            request.send_header("Content-Type", "application/json")
            request.send_header("Content-Length", str(len(data)))
            request.end_headers()
            request.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client died while we answered (a killed worker)

    # The API ----------------------------------------------------------------------------------

    def _bot_id(self, token: str) -> int:
        match = TOKEN_RE.match(token or "")
        if not match or token in self.revoked:
            raise ApiFailure(401, "Unauthorized")
        return int(match.group(1))

    def _chat(self, chat_id: Any) -> _Chat:
        with self.lock:
            if isinstance(chat_id, str) and chat_id.startswith("@"):
                for chat in self.chats.values():
                    if chat.username and chat.username.lower() == chat_id[1:].lower():
                        return chat
                raise ApiFailure(400, "Bad Request: chat not found")
            try:
                return self.chats[int(chat_id)]
            except (KeyError, ValueError, TypeError):
                raise ApiFailure(400, "Bad Request: chat not found") from None

    def _member(self, chat: _Chat, bot_id: int) -> dict[str, Any]:
        return chat.bots.get(bot_id, DEFAULT_ADMIN_RIGHTS)

    def _reachable(self, chat: _Chat, bot_id: int) -> dict[str, Any]:
        member = self._member(chat, bot_id)
        kind = "channel" if chat.type == "channel" else "group"
        if member["status"] == "kicked":
            raise ApiFailure(403, f"Forbidden: bot was kicked from the {kind} chat")
        if member["status"] == "left":
            raise ApiFailure(403, f"Forbidden: bot is not a member of the {kind} chat")
        return member

    def _can_post(self, chat: _Chat, bot_id: int) -> None:
        member = self._reachable(chat, bot_id)
        if chat.type == "channel" and not (
            member["status"] in ("administrator", "creator") and member.get("can_post_messages")
        ):
            raise ApiFailure(400, "Bad Request: need administrator rights in the channel chat")

    def _new_message(self, chat: _Chat, **content: Any) -> dict[str, Any]:
        message = {
            "message_id": next(self._message_ids),
            "date": int(self.now()),
            "chat": chat.as_dict(),
            **({"sender_chat": chat.as_dict()} if chat.type == "channel" else {}),
            **content,
        }
        self.messages.setdefault(chat.id, {})[message["message_id"]] = message
        return message

    @staticmethod
    def _text(params: dict[str, Any], key: str, limit: int, *, required: bool) -> str:
        text = str(params.get(key) or "")
        if required and not text.strip():
            raise ApiFailure(400, "Bad Request: message text is empty")
        if len(text) > limit:
            raise ApiFailure(
                400,
                "Bad Request: message is too long"
                if key == "text"
                else "Bad Request: message caption is too long",
            )
        return text

    def _media(self, value: Any, files: dict[str, str], field_name: str) -> str:
        if field_name in files:
            return f"file-{files[field_name]}"
        if isinstance(value, str) and value.startswith("attach://"):
            name = value[len("attach://") :]
            if name not in files:
                raise ApiFailure(400, f"Bad Request: file '{name}' not found in the request")
            return f"file-{files[name]}"
        if not value:
            raise ApiFailure(400, f"Bad Request: there is no {field_name} in the request")
        return str(value)

    def _dispatch(
        self, token: str, method: str, params: dict[str, Any], files: dict[str, str]
    ) -> Any:
        bot_id = self._bot_id(token)
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            raise ApiFailure(404, "Not Found: method not found")
        with self.lock:
            return handler(bot_id, token, params, files)

    def _m_getMe(self, bot_id, token, params, files):
        return {
            "id": bot_id,
            "is_bot": True,
            "first_name": "Simulator bot",
            "username": f"sim{bot_id}_bot",
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    def _m_getChat(self, bot_id, token, params, files):
        chat = self._chat(params.get("chat_id"))
        self._reachable(chat, bot_id)
        return chat.as_dict()

    def _m_getChatMember(self, bot_id, token, params, files):
        chat = self._chat(params.get("chat_id"))
        self._reachable(chat, bot_id)
        user_id = int(params.get("user_id") or 0)
        if user_id == bot_id:
            member = dict(self._member(chat, bot_id))
            member["user"] = self._m_getMe(bot_id, token, {}, {})
            return member
        return {"status": "member", "user": {"id": user_id, "is_bot": False, "first_name": "?"}}

    def _m_getChatMemberCount(self, bot_id, token, params, files):
        chat = self._chat(params.get("chat_id"))
        self._reachable(chat, bot_id)
        return chat.member_count

    def _m_sendMessage(self, bot_id, token, params, files):
        chat = self._chat(params.get("chat_id"))
        self._can_post(chat, bot_id)
        text = self._text(params, "text", TEXT_LIMIT, required=True)
        return self._new_message(chat, text=text)

    def _m_sendPhoto(self, bot_id, token, params, files):
        chat = self._chat(params.get("chat_id"))
        self._can_post(chat, bot_id)
        caption = self._text(params, "caption", CAPTION_LIMIT, required=False)
        file_id = self._media(params.get("photo"), files, "photo")
        extra = {"caption": caption} if caption else {}
        return self._new_message(
            chat,
            photo=[{"file_id": file_id, "file_unique_id": file_id, "width": 1280, "height": 720}],
            **extra,
        )

    def _m_sendVideo(self, bot_id, token, params, files):
        chat = self._chat(params.get("chat_id"))
        self._can_post(chat, bot_id)
        caption = self._text(params, "caption", CAPTION_LIMIT, required=False)
        file_id = self._media(params.get("video"), files, "video")
        extra = {"caption": caption} if caption else {}
        return self._new_message(
            chat,
            video={
                "file_id": file_id,
                "file_unique_id": file_id,
                "width": 1280,
                "height": 720,
                "duration": 10,
            },
            **extra,
        )

    def _m_sendMediaGroup(self, bot_id, token, params, files):
        chat = self._chat(params.get("chat_id"))
        self._can_post(chat, bot_id)
        media = params.get("media")
        if isinstance(media, str):
            media = json.loads(media)
        if not isinstance(media, list) or not 2 <= len(media) <= 10:
            raise ApiFailure(400, "Bad Request: wrong number of media in the album")
        group_id = str(next(self._message_ids) * 1000)
        out = []
        for item in media:
            caption = self._text(item, "caption", CAPTION_LIMIT, required=False)
            kind = item.get("type")
            if kind not in ("photo", "video"):
                raise ApiFailure(400, "Bad Request: unsupported media type in the album")
            file_id = self._media(item.get("media"), files, "media")
            content: dict[str, Any] = {"media_group_id": group_id}
            if kind == "photo":
                content["photo"] = [{"file_id": file_id, "file_unique_id": file_id}]
            else:
                content["video"] = {"file_id": file_id, "file_unique_id": file_id}
            if caption:
                content["caption"] = caption
            out.append(self._new_message(chat, **content))
        return out

    def _m_deleteMessage(self, bot_id, token, params, files):
        chat = self._chat(params.get("chat_id"))
        member = self._reachable(chat, bot_id)
        message_id = int(params.get("message_id") or 0)
        if message_id not in self.messages.get(chat.id, {}):
            raise ApiFailure(400, "Bad Request: message to delete not found")
        if not member.get("can_delete_messages") and not member.get("can_post_messages"):
            raise ApiFailure(400, "Bad Request: message can't be deleted")
        del self.messages[chat.id][message_id]
        return True

    def _edit(self, bot_id, params, key: str, limit: int):
        chat = self._chat(params.get("chat_id"))
        self._can_post(chat, bot_id)
        message_id = int(params.get("message_id") or 0)
        message = self.messages.get(chat.id, {}).get(message_id)
        if message is None:
            raise ApiFailure(400, "Bad Request: message to edit not found")
        value = self._text(params, key, limit, required=key == "text")
        if message.get(key) == value:
            raise ApiFailure(400, "Bad Request: message is not modified")
        message[key] = value
        message["edit_date"] = int(self.now())
        return message

    def _m_editMessageText(self, bot_id, token, params, files):
        return self._edit(bot_id, params, "text", TEXT_LIMIT)

    def _m_editMessageCaption(self, bot_id, token, params, files):
        return self._edit(bot_id, params, "caption", CAPTION_LIMIT)

    def _m_getUpdates(self, bot_id, token, params, files):
        if self.webhooks.get(bot_id, {}).get("url"):
            raise ApiFailure(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use "
                "deleteWebhook to delete the webhook first",
            )
        offset = int(params.get("offset") or 0)
        if offset:
            self.confirmed[bot_id] = max(self.confirmed.get(bot_id, 0), offset)
        start = self.confirmed.get(bot_id, 0)
        limit = int(params.get("limit") or 100)
        mine = [
            {k: v for k, v in u.items() if k != "_bot"}
            for u in self.updates
            if u["_bot"] in (None, bot_id) and u["update_id"] >= start
        ]
        return mine[:limit]

    def _m_setWebhook(self, bot_id, token, params, files):
        url = str(params.get("url") or "")
        if url and not url.startswith(("https://", "http://")):
            raise ApiFailure(400, "Bad Request: bad webhook: An HTTPS URL must be provided")
        self.webhooks[bot_id] = {
            "url": url,
            "secret_token": params.get("secret_token") or "",
            "allowed_updates": params.get("allowed_updates") or [],
        }
        return True

    def _m_deleteWebhook(self, bot_id, token, params, files):
        self.webhooks.pop(bot_id, None)
        if params.get("drop_pending_updates"):
            self.updates = [u for u in self.updates if u["_bot"] not in (bot_id,)]
        return True

    def _m_getWebhookInfo(self, bot_id, token, params, files):
        hook = self.webhooks.get(bot_id, {})
        pending = sum(1 for u in self.updates if u["_bot"] in (None, bot_id))
        return {
            "url": hook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": pending,
        }

    # The development control API ----------------------------------------------------------------

    def _control(self, action: str, body: bytes) -> tuple[int, Any]:
        try:
            data = json.loads(body or b"{}")
            if action == "state":
                with self.lock:
                    return 200, {
                        "chats": [
                            c.as_dict() | {"member_count": c.member_count}
                            for c in self.chats.values()
                        ],
                        "messages": self.sent(),
                    }
            if action == "set_member_count":
                self.set_member_count(int(data["chat_id"]), int(data["count"]))
                return 200, {"ok": True}
            if action == "comment":
                update = self.comment_update(
                    int(data["group_id"]),
                    str(data["text"]),
                    reply_to_message_id=data.get("reply_to_message_id"),
                    user=data.get("user"),
                )
                return 200, self.push_update(update)
            if action == "private_message":
                return 200, self.push_update(
                    self.private_message_update(str(data["text"]), user=data.get("user"))
                )
            if action == "push_update":
                return 200, self.push_update(data["update"], data.get("token"))
        except (KeyError, ValueError, TypeError, ApiFailure) as error:
            return 400, {"ok": False, "description": repr(error)}
        return 404, {"ok": False, "description": "unknown control action"}

    def seed_demo(self, *, member_count: int = 1200) -> None:
        """The development simulator's channel and its discussion group."""
        self.add_chat(
            DEMO_CHANNEL["id"],
            DEMO_CHANNEL["title"],
            DEMO_CHANNEL["username"],
            member_count=member_count,
            linked_chat_id=DEMO_GROUP["id"],
        )
        self.add_chat(
            DEMO_GROUP["id"],
            DEMO_GROUP["title"],
            DEMO_GROUP["username"],
            type="supergroup",
            member_count=member_count // 10,
            linked_chat_id=DEMO_CHANNEL["id"],
        )


class SimulatorControl:
    """Drives a running simulator (the development one) from the app or a shell."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")

    def _post(self, action: str, **data: Any) -> Any:
        response = requests.post(f"{self.base_url}/_control/{action}", json=data, timeout=5)
        response.raise_for_status()
        return response.json()

    def state(self) -> dict[str, Any]:
        return self._post("state")

    def set_member_count(self, chat_id: int, count: int) -> None:
        self._post("set_member_count", chat_id=chat_id, count=count)

    def comment(
        self,
        group_id: int,
        text: str,
        reply_to_message_id: int | None = None,
        user: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        return self._post(
            "comment",
            group_id=group_id,
            text=text,
            reply_to_message_id=reply_to_message_id,
            user=user,
        )

    def private_message(self, text: str, user: dict[str, Any] | None = None) -> dict[str, Any]:
        return self._post("private_message", text=text, user=user)

    def push_update(self, update: dict[str, Any], token: str | None = None) -> dict[str, Any]:
        return self._post("push_update", update=update, token=token)


def is_simulator_url(url: str) -> bool:
    """A loopback Bot API address is the simulator (the real API is https://api.telegram.org)."""
    host = urlparse(url).hostname or ""
    return host in ("127.0.0.1", "localhost", "::1") or host.startswith("127.")


def in_use() -> bool:
    """The pages label everything "simulator" while the app talks to one."""
    from django.conf import settings

    return bool(settings.TELEGRAM_SIMULATOR_ALLOWED) and is_simulator_url(
        settings.TELEGRAM_API_BASE_URL
    )


def iter_chats(fake: FakeBotApi) -> Iterable[dict[str, Any]]:
    with fake.lock:
        return [c.as_dict() for c in fake.chats.values()]
