"""The channels' guards without Rasa (components/channels.py); the running channels are tested in
tests/integration/test_reliability.py."""
from __future__ import annotations

import asyncio
from typing import List, Optional

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from components.channels import (
    MAX_MESSAGE_CHARS,
    SOMETHING_WENT_WRONG,
    TOO_LONG_ANSWER,
    in_language,
    TOO_MANY,
    BadRequest,
    PendingLimit,
    guarded,
    read_rest_body,
)
from veileder import input_check

JSON = "application/json"


@pytest.mark.parametrize("content_type, body, status", [
    (JSON, b"", 400),
    (JSON, b"{not json", 400),
    (JSON, b'{"sender": "a", "message": "\xff"}', 400),
    ("text/plain", b'{"sender": "a", "message": "hei"}', 415),
    (None, b'{"sender": "a", "message": "hei"}', 415),
    (JSON, b"[]", 400),
    (JSON, b'"hei"', 400),
    (JSON, b'{"sender": "a", "message": 123}', 400),
    (JSON, b'{"sender": "a", "message": null}', 400),
    (JSON, b'{"sender": "a"}', 400),
    (JSON, b'{"message": "hei"}', 400),
    (JSON, b'{"sender": "", "message": "hei"}', 400),
    (JSON, b'{"sender": 7, "message": "hei"}', 400),
    (JSON, ('{"sender": "%s", "message": "hei"}' % ("a" * 129)).encode(), 400),
    (JSON, b'{"sender": "a", "message": "hei", "metadata": []}', 400),
])
def test_an_unreadable_rest_request_is_refused(content_type, body, status):
    with pytest.raises(BadRequest) as refused:
        read_rest_body(content_type, body)
    assert refused.value.status == status


@pytest.mark.parametrize("content_type, body", [
    (JSON, b'{"sender": "a", "message": "hei"}'),
    ("application/json; charset=utf-8", b'{"sender": "a", "message": ""}'),
    ("Application/JSON", b'{"sender": "a", "message": "x", "metadata": {"k": 1}}'),
])
def test_a_readable_rest_request(content_type, body):
    assert read_rest_body(content_type, body)["sender"] == "a"


class Dialogue:
    """Rasa's place: records what it gets, says ``answers`` or raises ``error``."""

    def __init__(self, answers: List[str] = (), error: Optional[Exception] = None,
                 gate: Optional[asyncio.Event] = None) -> None:
        self.answers, self.error, self.gate = list(answers), error, gate
        self.heard: List[str] = []

    async def __call__(self, message: UserMessage) -> None:
        self.heard.append(message.text)
        if self.gate is not None:
            await self.gate.wait()
        if self.error is not None:
            raise self.error
        for answer in self.answers:
            await message.output_channel.send_response(message.sender_id, {"text": answer})


def say(handler, text, sender: str = "s") -> List[str]:
    out = CollectingOutputChannel()
    asyncio.run(handler(UserMessage(text, out, sender)))
    return [m["text"] for m in out.messages]


@pytest.mark.parametrize("text, answers, error, heard, said", [
    ("Når er fristen?", ["16. april"], None, ["Når er fristen?"], ["16. april"]),
    ("Når er fristen?", [], None, ["Når er fristen?"], [SOMETHING_WENT_WRONG("nb")]),
    ("Når er fristen?", [], RuntimeError("database"), ["Når er fristen?"],
     [SOMETHING_WENT_WRONG("nb")]),
    ("Kva er fristen?", [], None, ["Kva er fristen?"], [SOMETHING_WENT_WRONG("nn")]),
    ("What is the deadline?", [], None, ["What is the deadline?"], [SOMETHING_WENT_WRONG("en")]),
    ("/restart", [], None, ["/restart"], []),                        # Rasa's silent intents
    ("/drop_table", ["svar"], None, ["drop table"], ["svar"]),      # the intent guard
    ("a" * (MAX_MESSAGE_CHARS + 1), ["svar"], None, [], [in_language(TOO_LONG_ANSWER, "nb")]),
    ("kva er fristen " * 200, ["svar"], None, [], [in_language(TOO_LONG_ANSWER, "nn")]),
    ("a" * MAX_MESSAGE_CHARS, ["svar"], None, ["a" * MAX_MESSAGE_CHARS], ["svar"]),
    ("hva\x00 er\x07\tfristen?\n", ["svar"], None, ["hva er\tfristen?"], ["svar"]),
])
def test_guarded(text, answers, error, heard, said):
    dialogue = Dialogue(answers, error)
    assert say(guarded(dialogue), text) == said
    assert dialogue.heard == heard


def test_the_channels_preset_chooses_the_language_of_a_guard_answer():
    out = CollectingOutputChannel()
    asyncio.run(guarded(Dialogue([], None))(UserMessage("ok", out, "s", metadata={"lang": "en"})))
    assert [m["text"] for m in out.messages] == [SOMETHING_WENT_WRONG("en")]


def test_the_overlong_answer_is_the_input_guards():
    assert TOO_LONG_ANSWER == input_check.ANSWERS[input_check.TOO_LONG]
    assert MAX_MESSAGE_CHARS == input_check.MAX_CHARS


def test_a_sender_with_too_many_messages_waiting_is_told_to_wait():
    async def burst():
        gate = asyncio.Event()
        dialogue = Dialogue(["svar"], gate=gate)
        handler = guarded(dialogue, PendingLimit(limit=2))
        outs = [CollectingOutputChannel() for _ in range(4)]
        tasks = [asyncio.ensure_future(handler(UserMessage("hei", out, "s"))) for out in outs]
        other = CollectingOutputChannel()
        tasks.append(asyncio.ensure_future(handler(UserMessage("hei", other, "t"))))
        await asyncio.sleep(0.01)
        gate.set()
        await asyncio.gather(*tasks)
        return [[m["text"] for m in out.messages] for out in outs + [other]]

    assert asyncio.run(burst()) == [["svar"], ["svar"], [TOO_MANY("nb")], [TOO_MANY("nb")], ["svar"]]


def test_pending_limit():
    limit = PendingLimit(limit=1)
    assert [limit.acquire("a"), limit.acquire("a"), limit.acquire("b")] == [True, False, True]
    limit.release("a")
    assert limit.acquire("a") is True
