"""The bot's storage ports, held against their fakes: e-tags, conversations, links, receipts."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from domain.chat import ConversationKind, ConversationRef, DocumentWrite, TeamsIdentity
from domain.errors import StaleDocument
from domain.ports import (
    ActivityReceipts,
    ConversationRefRepository,
    StateDocuments,
    UserLinkRepository,
)
from tests.unit.fakes import (
    FakeActivityReceipts,
    FakeConversationRefs,
    FakeStateDocuments,
    FakeUserLinks,
)

T0 = datetime(2026, 6, 1, 12, 0)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


async def test_a_document_gets_a_new_e_tag_on_every_write() -> None:
    documents: StateDocuments = FakeStateDocuments()
    first = await documents.write({"conv/alex": DocumentWrite({"step": 1})})
    second = await documents.write({"conv/alex": DocumentWrite({"step": 2}, first["conv/alex"])})
    assert first["conv/alex"] != second["conv/alex"]
    stored = await documents.read(["conv/alex", "conv/missing"])
    assert list(stored) == ["conv/alex"]
    assert (stored["conv/alex"].document, stored["conv/alex"].e_tag) == (
        {"step": 2}, second["conv/alex"])


async def test_a_write_from_an_old_e_tag_is_refused_and_writes_nothing() -> None:
    documents: StateDocuments = FakeStateDocuments()
    old = await documents.write({"a": DocumentWrite({"v": 1}), "b": DocumentWrite({"v": 1})})
    await documents.write({"a": DocumentWrite({"v": 2})})
    with pytest.raises(StaleDocument) as stale:
        await documents.write({"b": DocumentWrite({"v": 3}, old["b"]),
                               "a": DocumentWrite({"v": 3}, old["a"])})
    assert stale.value.key == "a"
    stored = await documents.read(["a", "b"])
    assert (stored["a"].document, stored["b"].document) == ({"v": 2}, {"v": 1})


async def test_a_star_overwrites_whatever_is_stored() -> None:
    documents: StateDocuments = FakeStateDocuments()
    await documents.write({"a": DocumentWrite({"v": 1})})
    await documents.write({"a": DocumentWrite({"v": 2}, "*")})
    assert (await documents.read(["a"]))["a"].document == {"v": 2}


async def test_a_deleted_document_is_gone_and_deleting_twice_is_fine() -> None:
    documents: StateDocuments = FakeStateDocuments()
    await documents.write({"a": DocumentWrite({"v": 1})})
    await documents.delete(["a", "never-there"])
    await documents.delete(["a"])
    assert await documents.read(["a"]) == {}


def _ref(conversation_id: str, kind: ConversationKind, *, at: datetime, user_id: str | None = None,
         msteams_team_id: str | None = None, channel_id: str | None = None) -> ConversationRef:
    return ConversationRef(conversation_id, kind, "https://smba.trafficmanager.net/emea/",
                           {"conversation": {"id": conversation_id}}, tenant_id="t1",
                           msteams_team_id=msteams_team_id, channel_id=channel_id, user_id=user_id,
                           updated_at=at)


async def test_the_bot_posts_to_the_latest_personal_chat_and_the_named_channel() -> None:
    refs: ConversationRefRepository = FakeConversationRefs()
    P, C = ConversationKind.PERSONAL, ConversationKind.CHANNEL
    await refs.upsert(_ref("a:old", P, at=T0, user_id="user-1"))
    await refs.upsert(_ref("a:new", P, at=T0 + timedelta(days=1), user_id="user-1"))
    await refs.upsert(
        _ref("19:general", C, at=T0, msteams_team_id="team-1", channel_id="19:general")
    )
    personal = await refs.personal_for("user-1")
    channel = await refs.channel("team-1", "19:general")
    assert personal is not None and personal.conversation_id == "a:new"
    assert channel is not None and channel.conversation_id == "19:general"
    assert await refs.personal_for("user-2") is None
    await refs.remove("a:new")
    assert await refs.get("a:new") is None
    again = await refs.personal_for("user-1")
    assert again is not None and again.conversation_id == "a:old"


async def test_a_teams_identity_links_to_one_user_at_a_time() -> None:
    links: UserLinkRepository = FakeUserLinks()
    alex = TeamsIdentity("t1", "29:alex", "aad-alex")
    await links.link(alex, "user-1")
    assert await links.user_for(alex) == "user-1"
    assert await links.user_for(TeamsIdentity("t2", "29:alex")) is None
    await links.link(alex, "user-2")
    assert await links.user_for(alex) == "user-2"
    assert await links.identities_of("user-1") == []
    assert await links.identities_of("user-2") == [alex]


async def test_an_activity_is_acted_on_once_unless_its_turn_failed() -> None:
    clock = Clock()
    receipts: ActivityReceipts = FakeActivityReceipts(clock=clock)
    assert await receipts.claim("act-1", "conv-1") is True
    assert await receipts.claim("act-1", "conv-1") is False
    await receipts.release("act-1")
    assert await receipts.claim("act-1", "conv-1") is True


async def test_old_receipts_are_forgotten() -> None:
    clock = Clock()
    receipts: ActivityReceipts = FakeActivityReceipts(clock=clock)
    await receipts.claim("old", None)
    clock.now = T0 + timedelta(hours=2)
    await receipts.claim("new", None)
    assert await receipts.forget_older_than(T0 + timedelta(hours=1)) == 1
    assert await receipts.claim("old", None) is True
    assert await receipts.claim("new", None) is False
