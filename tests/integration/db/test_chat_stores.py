"""The bot's own tables behind their ports: state documents, conversations, links, receipts."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from db.repositories.activity_receipts import SqlActivityReceipts
from db.repositories.bot_state import SqlStateDocuments
from db.repositories.conversation_refs import SqlConversationRefs
from db.repositories.user_links import SqlUserLinks
from domain.chat import ConversationKind, ConversationRef, DocumentWrite, TeamsIdentity
from domain.errors import StaleDocument
from tests.integration.builders import insert_user

WRITERS = 8
START = datetime(2025, 3, 1, 9, 0, 0)
TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
SERVICE_URL = "https://smba.trafficmanager.net/emea/"


def clock_at(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


# --- state documents -------------------------------------------------------------------


@pytest.fixture
def documents(engine: AsyncEngine) -> SqlStateDocuments:
    return SqlStateDocuments(engine)


async def test_reading_returns_only_the_keys_that_are_stored(documents: SqlStateDocuments) -> None:
    await documents.write({"conversation/a": DocumentWrite({"turns": 1})})

    found = await documents.read(["conversation/a", "conversation/unknown"])

    assert list(found) == ["conversation/a"]
    assert found["conversation/a"].document == {"turns": 1}
    assert await documents.read([]) == {}


async def test_every_write_gets_a_new_e_tag(documents: SqlStateDocuments) -> None:
    first = await documents.write({"k": DocumentWrite({"n": 1})})
    second = await documents.write({"k": DocumentWrite({"n": 2}, expected_e_tag=first["k"])})
    third = await documents.write({"k": DocumentWrite({"n": 3}, expected_e_tag="*")})

    assert len({first["k"], second["k"], third["k"]}) == 3
    stored = (await documents.read(["k"]))["k"]
    assert stored.document == {"n": 3}
    assert stored.e_tag == third["k"]


async def test_a_write_with_the_stored_e_tag_replaces_the_document(
    documents: SqlStateDocuments,
) -> None:
    e_tag = (await documents.write({"k": DocumentWrite({"n": 1})}))["k"]

    await documents.write({"k": DocumentWrite({"n": 2, "extra": True}, expected_e_tag=e_tag)})

    assert (await documents.read(["k"]))["k"].document == {"n": 2, "extra": True}


async def test_a_stale_e_tag_raises_and_nothing_in_the_batch_is_written(
    documents: SqlStateDocuments,
) -> None:
    old = (await documents.write({"k": DocumentWrite({"n": 1})}))["k"]
    current = (await documents.write({"k": DocumentWrite({"n": 2}, expected_e_tag=old)}))["k"]

    with pytest.raises(StaleDocument) as raised:
        await documents.write(
            {
                "a-new-key": DocumentWrite({"written": True}),
                "k": DocumentWrite({"n": 3}, expected_e_tag=old),
                "z-new-key": DocumentWrite({"written": True}, expected_e_tag="*"),
            }
        )

    assert raised.value.key == "k"
    stored = await documents.read(["a-new-key", "k", "z-new-key"])
    assert list(stored) == ["k"]
    assert stored["k"].document == {"n": 2}
    assert stored["k"].e_tag == current


async def test_an_e_tag_for_a_key_that_is_not_stored_is_stale(
    documents: SqlStateDocuments,
) -> None:
    e_tag = (await documents.write({"k": DocumentWrite({"n": 1})}))["k"]
    await documents.delete(["k"])

    with pytest.raises(StaleDocument):
        await documents.write({"k": DocumentWrite({"n": 2}, expected_e_tag=e_tag)})
    with pytest.raises(StaleDocument):
        await documents.write({"never-stored": DocumentWrite({"n": 1}, expected_e_tag="made-up")})

    assert await documents.read(["k", "never-stored"]) == {}


async def test_a_wildcard_overwrites_whatever_is_stored(documents: SqlStateDocuments) -> None:
    await documents.write({"k": DocumentWrite({"n": 1})})

    await documents.write({"k": DocumentWrite({"n": 9}, expected_e_tag="*")})

    assert (await documents.read(["k"]))["k"].document == {"n": 9}


async def test_of_concurrent_writers_holding_the_same_e_tag_exactly_one_wins(
    engine: AsyncEngine,
) -> None:
    e_tag = (await SqlStateDocuments(engine).write({"k": DocumentWrite({"writer": None})}))["k"]

    async def write_as(writer: int) -> str | None:
        try:
            written = await SqlStateDocuments(engine).write(
                {"k": DocumentWrite({"writer": writer}, expected_e_tag=e_tag)}
            )
        except StaleDocument:
            return None
        return written["k"]

    outcomes = await asyncio.gather(*(write_as(writer) for writer in range(WRITERS)))

    winners = [writer for writer, outcome in enumerate(outcomes) if outcome is not None]
    assert len(winners) == 1
    stored = (await SqlStateDocuments(engine).read(["k"]))["k"]
    assert stored.document == {"writer": winners[0]}
    assert stored.e_tag == outcomes[winners[0]]


async def test_concurrent_unconditional_writers_of_a_new_key_all_succeed(
    engine: AsyncEngine,
) -> None:
    async def write_as(writer: int) -> str:
        written = await SqlStateDocuments(engine).write({"new": DocumentWrite({"writer": writer})})
        return written["new"]

    e_tags = await asyncio.gather(*(write_as(writer) for writer in range(WRITERS)))

    stored = (await SqlStateDocuments(engine).read(["new"]))["new"]
    last = e_tags.index(stored.e_tag)
    assert stored.document == {"writer": last}


async def test_json_documents_round_trip(documents: SqlStateDocuments) -> None:
    document = {
        "title": "Imprimante bloquée — 打印机卡纸 — الطابعة 🖨️",
        "nested": {"list": [1, 2.5, None, True, False, {"deep": ["a", {"deeper": "é"}]}]},
        "empty": {"dict": {}, "list": []},
        "quotes": 'She said "hi" \\ then left',
        "big": 2**53,
        "negative": -0.125,
    }
    await documents.write({"k": DocumentWrite(document)})

    assert (await documents.read(["k"]))["k"].document == document


async def test_deleting_removes_only_the_named_keys(documents: SqlStateDocuments) -> None:
    await documents.write({key: DocumentWrite({"key": key}) for key in ("a", "b", "c")})

    await documents.delete(["a", "c", "unknown"])
    await documents.delete([])

    assert list(await documents.read(["a", "b", "c"])) == ["b"]


# --- conversation references -------------------------------------------------------------


def personal(conversation_id: str, user_id: str | None, at: datetime) -> ConversationRef:
    return ConversationRef(
        conversation_id=conversation_id,
        kind=ConversationKind.PERSONAL,
        service_url=SERVICE_URL,
        reference={"conversation": {"id": conversation_id}, "bot": {"id": "28:bot"}},
        tenant_id=TENANT,
        user_id=user_id,
        updated_at=at,
    )


def channel(conversation_id: str, at: datetime) -> ConversationRef:
    return ConversationRef(
        conversation_id=conversation_id,
        kind=ConversationKind.CHANNEL,
        service_url=SERVICE_URL,
        reference={"conversation": {"id": conversation_id, "isGroup": True}},
        tenant_id=TENANT,
        msteams_team_id="19:team@thread.tacv2",
        channel_id="19:general@thread.tacv2",
        updated_at=at,
    )


async def test_a_conversation_reference_is_stored_and_read_back(engine: AsyncEngine) -> None:
    user = await insert_user(engine)
    refs = SqlConversationRefs(engine)
    ref = personal("a:1personal", user, START)

    await refs.upsert(ref)

    assert await refs.get("a:1personal") == ref
    assert await refs.get("a:unknown") is None


async def test_each_turn_refreshes_the_reference_and_keeps_what_the_turn_did_not_know(
    engine: AsyncEngine,
) -> None:
    user = await insert_user(engine)
    refs = SqlConversationRefs(engine)
    await refs.upsert(personal("a:1personal", user, START))

    later = START + timedelta(hours=1)
    moved = ConversationRef(
        conversation_id="a:1personal",
        kind=ConversationKind.PERSONAL,
        service_url="https://smba.trafficmanager.net/amer/",
        reference={"conversation": {"id": "a:1personal"}, "serviceUrl": "amer"},
        updated_at=later,
    )
    await refs.upsert(moved)

    stored = await refs.get("a:1personal")
    assert stored is not None
    assert stored.service_url == "https://smba.trafficmanager.net/amer/"
    assert stored.reference == {"conversation": {"id": "a:1personal"}, "serviceUrl": "amer"}
    assert stored.updated_at == later
    assert (stored.user_id, stored.tenant_id) == (user, TENANT)


async def test_a_removed_conversation_is_gone(engine: AsyncEngine) -> None:
    refs = SqlConversationRefs(engine)
    await refs.upsert(personal("a:1personal", None, START))

    await refs.remove("a:1personal")
    await refs.remove("a:never-there")

    assert await refs.get("a:1personal") is None


async def test_a_removed_channel_takes_its_threads_and_nothing_else(engine: AsyncEngine) -> None:
    refs = SqlConversationRefs(engine)
    channel, other = "19:help_desk@thread.tacv2", "19:helpXdesk@thread.tacv2"
    for conversation_id in (channel, f"{channel};messageid=17", other, f"{other};messageid=3"):
        await refs.upsert(ConversationRef(conversation_id, ConversationKind.CHANNEL,
                                          "https://smba.test", {}, msteams_team_id="19:team",
                                          channel_id=conversation_id.split(";")[0]))

    await refs.remove(channel)

    assert await refs.get(channel) is None
    assert await refs.get(f"{channel};messageid=17") is None
    assert await refs.get(other) is not None and await refs.get(f"{other};messageid=3")


async def test_a_removed_team_takes_its_channels_and_threads_and_nothing_else(
    engine: AsyncEngine,
) -> None:
    refs = SqlConversationRefs(engine)
    team_channels = ["19:team", "19:printers", "19:printers;messageid=5"]
    for conversation_id in team_channels:
        await refs.upsert(ConversationRef(conversation_id, ConversationKind.CHANNEL,
                                          "https://smba.test", {}, msteams_team_id="19:team",
                                          channel_id=conversation_id.split(";")[0]))
    await refs.upsert(ConversationRef("19:other", ConversationKind.CHANNEL, "https://smba.test",
                                      {}, msteams_team_id="19:other", channel_id="19:other"))
    await refs.upsert(personal("a:1personal", None, START))

    removed = await refs.remove_team("19:team")

    assert sorted(removed) == sorted(team_channels)
    assert [await refs.get(c) for c in team_channels] == [None, None, None]
    assert await refs.get("19:other") is not None and await refs.get("a:1personal") is not None
    assert await refs.remove_team("19:team") == []


async def test_a_user_is_reached_in_their_most_recent_personal_chat(engine: AsyncEngine) -> None:
    user, other = await insert_user(engine), await insert_user(engine)
    refs = SqlConversationRefs(engine)
    await refs.upsert(personal("a:old", user, START))
    await refs.upsert(personal("a:new", user, START + timedelta(days=1)))
    await refs.upsert(personal("a:other", other, START + timedelta(days=2)))
    group = ConversationRef(
        conversation_id="19:group@thread.v2", kind=ConversationKind.GROUPCHAT,
        service_url=SERVICE_URL, reference={}, user_id=user, updated_at=START + timedelta(days=3),
    )
    await refs.upsert(group)

    found = await refs.personal_for(user)

    assert found is not None and found.conversation_id == "a:new"
    assert await refs.personal_for(await insert_user(engine)) is None


async def test_a_channel_is_reached_at_its_root_rather_than_in_a_thread(
    engine: AsyncEngine,
) -> None:
    refs = SqlConversationRefs(engine)
    await refs.upsert(channel("19:general@thread.tacv2", START))
    thread = "19:general@thread.tacv2;messageid=1700000000000"
    await refs.upsert(channel(thread, START + timedelta(days=1)))

    found = await refs.channel("19:team@thread.tacv2", "19:general@thread.tacv2")

    assert found is not None and found.conversation_id == "19:general@thread.tacv2"
    assert await refs.channel("19:team@thread.tacv2", "19:random@thread.tacv2") is None


# --- user links ----------------------------------------------------------------------------


async def test_a_linked_teams_user_is_recognised(engine: AsyncEngine) -> None:
    user = await insert_user(engine)
    links = SqlUserLinks(engine)
    identity = TeamsIdentity(tenant_id=TENANT, teams_user_id="29:abc", aad_object_id="aad-1")

    await links.link(identity, user)

    assert await links.user_for(identity) == user
    assert await links.user_for(TeamsIdentity(tenant_id=TENANT, teams_user_id="29:zzz")) is None


async def test_an_unknown_teams_id_falls_back_to_the_object_id_in_the_same_tenant(
    engine: AsyncEngine,
) -> None:
    user = await insert_user(engine)
    links = SqlUserLinks(engine)
    await links.link(TeamsIdentity(TENANT, "29:from-bot-one", "aad-1"), user)

    assert await links.user_for(TeamsIdentity(TENANT, "29:from-bot-two", "aad-1")) == user
    assert await links.user_for(TeamsIdentity("another-tenant", "29:from-bot-two", "aad-1")) is None
    assert await links.user_for(TeamsIdentity(TENANT, "29:from-bot-two", None)) is None


async def test_linking_again_re_points_the_identity_and_keeps_its_object_id(
    engine: AsyncEngine,
) -> None:
    first, second = await insert_user(engine), await insert_user(engine)
    links = SqlUserLinks(engine)
    await links.link(TeamsIdentity(TENANT, "29:abc", "aad-1"), first)

    await links.link(TeamsIdentity(TENANT, "29:abc", None), second)

    assert await links.user_for(TeamsIdentity(TENANT, "29:abc")) == second
    assert await links.identities_of(second) == [TeamsIdentity(TENANT, "29:abc", "aad-1")]
    assert await links.identities_of(first) == []


async def test_a_user_has_every_identity_linked_to_them(engine: AsyncEngine) -> None:
    user = await insert_user(engine)
    links = SqlUserLinks(engine)
    work = TeamsIdentity(TENANT, "29:work", "aad-1")
    guest = TeamsIdentity("partner-tenant", "29:guest", None)
    await links.link(work, user)
    await links.link(guest, user)

    assert await links.identities_of(user) == [work, guest]


# --- activity receipts ---------------------------------------------------------------------


async def test_an_activity_is_claimed_once(engine: AsyncEngine) -> None:
    receipts = SqlActivityReceipts(engine)

    assert await receipts.claim("1700000000001", "a:1personal") is True
    assert await receipts.claim("1700000000001", "a:1personal") is False
    assert await receipts.claim("1700000000002", None) is True


async def test_of_concurrent_claims_of_one_activity_exactly_one_succeeds(
    engine: AsyncEngine,
) -> None:
    claims = await asyncio.gather(
        *(SqlActivityReceipts(engine).claim("resent", "a:1personal") for _ in range(WRITERS))
    )

    assert sorted(claims) == [False] * (WRITERS - 1) + [True]


async def test_a_released_claim_can_be_claimed_again(engine: AsyncEngine) -> None:
    receipts = SqlActivityReceipts(engine)
    await receipts.claim("failed-turn", None)

    await receipts.release("failed-turn")
    await receipts.release("never-claimed")

    assert await receipts.claim("failed-turn", None) is True


async def test_old_receipts_are_forgotten_and_counted(engine: AsyncEngine) -> None:
    for hours_ago, activity_id in ((48, "two-days"), (25, "a-day"), (1, "an-hour")):
        at = START - timedelta(hours=hours_ago)
        await SqlActivityReceipts(engine, clock=clock_at(at)).claim(activity_id, None)
    receipts = SqlActivityReceipts(engine, clock=clock_at(START))

    assert await receipts.forget_older_than(START - timedelta(hours=24)) == 2
    assert await receipts.forget_older_than(START - timedelta(hours=24)) == 0
    assert await receipts.claim("two-days", None) is True
    assert await receipts.claim("an-hour", None) is False
