import json

import pytest

from bot.transport.storable_text import might_hold_unstorable_text, storable


@pytest.mark.parametrize(("body", "cleaned"), [
    (rb'{"text": "printer\u0000 jams"}', {"text": "printer jams"}),
    (rb'{"text": "jams \ud83d on 3"}', {"text": "jams \ufffd on 3"}),
    (rb'{"text": "jams \uDE00"}', {"text": "jams \ufffd"}),
    (rb'{"text": "ok \ud83d\ude00"}', {"text": "ok \U0001f600"}),
    (rb'{"value": {"ti\u0000tle": ["a\u0000", {"b": "\udbff"}]}, "n": 4}',
     {"value": {"title": ["a", {"b": "\ufffd"}]}, "n": 4}),
])
def test_an_escape_no_column_stores_is_cleaned_and_the_rest_kept(
    body: bytes, cleaned: object
) -> None:
    assert might_hold_unstorable_text(body)
    assert storable(json.loads(body)) == cleaned


@pytest.mark.parametrize("body", [
    rb'{"text": "printer jams \u00e9 \u200b"}',
    '{"text": "caf\u00e9 \U0001f600"}'.encode(),
    rb'{"text": "C:\\ud\\u0001"}',
])
def test_a_body_without_such_escapes_is_not_walked(body: bytes) -> None:
    assert not might_hold_unstorable_text(body)


def test_a_written_backslash_u_is_text_and_kept() -> None:
    body = rb'{"text": "type \\u0000 to mean NUL"}'
    assert storable(json.loads(body)) == {"text": "type \\u0000 to mean NUL"}
