"""The thin client against the fake Bot API: results, ok:false, HTTP errors, timeouts."""

import pytest

from channels.bot_api import BotApi, BotApiError
from tests.channels.conftest import BOT_ID, CHANNEL, TOKEN


def test_a_method_answers_its_result(fake):
    me = BotApi(TOKEN).call("getMe")
    assert me["id"] == BOT_ID and me["is_bot"] is True
    assert fake.calls[-1] == ("getMe", {})


def test_ok_false_raises_with_the_code_and_description(fake):
    fake.fail_next("getChat", 400, "Bad Request: chat not found")
    with pytest.raises(BotApiError) as caught:
        BotApi(TOKEN).call("getChat", chat_id=CHANNEL)
    assert (caught.value.code, caught.value.description) == (400, "Bad Request: chat not found")


def test_429_carries_retry_after(fake):
    fake.fail_next("sendMessage", 429, "Too Many Requests: retry after 7", retry_after=7)
    with pytest.raises(BotApiError) as caught:
        BotApi(TOKEN).call("sendMessage", chat_id=CHANNEL, text="x")
    assert (caught.value.code, caught.value.retry_after) == (429, 7)
    assert fake.sent(CHANNEL) == []


def test_an_unknown_token_is_401(fake):
    with pytest.raises(BotApiError) as caught:
        BotApi("123:short").call("getMe")
    assert caught.value.code == 401


def test_a_kicked_bot_is_403(fake):
    fake.kick_bot(CHANNEL, BOT_ID)
    with pytest.raises(BotApiError) as caught:
        BotApi(TOKEN).call("sendMessage", chat_id=CHANNEL, text="x")
    assert caught.value.code == 403 and "kicked" in caught.value.description


def test_no_server_is_code_0_and_surely_not_sent(settings):
    settings.TELEGRAM_API_BASE_URL = "http://127.0.0.1:9"
    with pytest.raises(BotApiError) as caught:
        BotApi(TOKEN, timeout=2).call("sendMessage", chat_id=1, text="x")
    assert caught.value.unreachable and caught.value.sent is False


def test_a_held_answer_times_out_and_may_have_been_sent(fake):
    release = fake.hold_next("sendMessage")
    with pytest.raises(BotApiError) as caught:
        BotApi(TOKEN, timeout=0.5).call("sendMessage", chat_id=CHANNEL, text="x")
    release.set()
    assert caught.value.unreachable and caught.value.sent is True
    assert len(fake.sent(CHANNEL)) == 1  # Telegram posted it; we never heard


def test_get_updates_and_webhook_conflict(fake):
    api = BotApi(TOKEN)
    fake.push_update(fake.private_message_update("Сәлем"))
    first = api.call("getUpdates")
    assert [u["message"]["text"] for u in first] == ["Сәлем"]
    assert api.call("getUpdates", offset=first[-1]["update_id"] + 1) == []
    api.call("setWebhook", url="https://example.invalid/hook", secret_token="s")
    with pytest.raises(BotApiError) as caught:
        api.call("getUpdates")
    assert caught.value.code == 409
