"""The instruments, read back through the Prometheus text format they are scraped in."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from prometheus_client import CollectorRegistry
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.transport.observer import UNREAD, Observers, TurnOutcome
from domain.events import EventType, TicketEvent
from domain.tickets import AssigneeType, Category, Ticket
from ticketflow.metrics import Metrics, counting_sink

NOW = datetime(2026, 3, 2, 9, 30)


def scrape(metrics: Metrics) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    body, content_type = metrics.exposition()
    assert content_type.startswith("text/plain; version=0.0.4")
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(body.decode())
        for sample in family.samples
    }


def fresh() -> Metrics:
    return Metrics(CollectorRegistry())


def test_turns_are_counted_by_activity_type_and_outcome() -> None:
    metrics = fresh()
    metrics.turn_finished("message", TurnOutcome.PROCESSED, 0.2)
    metrics.turn_finished("message", TurnOutcome.PROCESSED, 0.3)
    metrics.turn_finished("invoke", TurnOutcome.FAILED, 1.5)
    metrics.turn_finished(UNREAD, TurnOutcome.REFUSED, 0.001)
    metrics.turn_finished("message", TurnOutcome.DUPLICATE, 0.004)

    samples = scrape(metrics)

    def turns(kind: str, outcome: str) -> float:
        labels = (("activity_type", kind), ("outcome", outcome))
        return samples[("ticketflow_turns_total", labels)]

    assert turns("message", "processed") == 2
    assert turns("invoke", "failed") == 1
    assert turns("unread", "refused") == 1
    assert turns("message", "duplicate") == 1
    assert turns("message", "refused") == 0  # present from the start, so rate() sees a zero


def test_only_turns_that_ran_are_timed() -> None:
    metrics = fresh()
    metrics.turn_finished("message", TurnOutcome.PROCESSED, 0.2)
    metrics.turn_finished("message", TurnOutcome.FAILED, 12.0)
    metrics.turn_finished("message", TurnOutcome.REFUSED, 0.001)
    metrics.turn_finished("message", TurnOutcome.DUPLICATE, 0.001)

    samples = scrape(metrics)
    message = (("activity_type", "message"),)
    assert samples[("ticketflow_turn_duration_seconds_count", message)] == 2
    assert samples[("ticketflow_turn_duration_seconds_sum", message)] == 12.2

    def bucket(le: str) -> float:
        return samples[("ticketflow_turn_duration_seconds_bucket",
                        (("activity_type", "message"), ("le", le)))]

    assert (bucket("0.25"), bucket("5.0"), bucket("15.0"), bucket("+Inf")) == (1, 1, 2, 2)


def test_an_activity_type_nobody_defined_cannot_mint_new_series() -> None:
    metrics = fresh()
    for n in range(50):
        metrics.turn_finished(f"made-up-{n}", TurnOutcome.REFUSED, 0.0)
    kinds = {dict(labels).get("activity_type") for name, labels in scrape(metrics)
             if name == "ticketflow_turns_total"}
    assert kinds == {"message", "other"}


def test_assistant_answers_and_delivery_attempts_are_counted_within_known_outcomes() -> None:
    metrics = fresh()
    metrics.assistant_answered("answered")
    metrics.assistant_answered("no_answer")
    metrics.assistant_answered("something new")
    metrics.delivery_attempted("delivered")
    metrics.delivery_attempted("retry_later")
    metrics.delivery_attempted("exploded")

    samples = scrape(metrics)
    answers = {dict(labels)["outcome"]: value for (name, labels), value in samples.items()
               if name == "ticketflow_assistant_answers_total"}
    attempts = {dict(labels)["result"]: value for (name, labels), value in samples.items()
                if name == "ticketflow_delivery_attempts_total"}
    assert answers == {"answered": 1, "no_answer": 1, "failed": 0, "other": 1}
    assert attempts == {"delivered": 1, "retry_later": 1, "gone": 0, "rejected": 0, "other": 1}


def ticket() -> Ticket:
    return Ticket(
        id=7, ticket_number="TKT-2026-0007", title="VPN drops", category=Category.SUPPORT,
        created_by="u-1", created_at=NOW, updated_at=NOW, assignee_type=AssigneeType.USER,
    )


class RecordingSink:
    def __init__(self) -> None:
        self.recorded: list[list[TicketEvent]] = []

    async def record(self, events: list[TicketEvent]) -> None:
        self.recorded.append(events)


async def test_the_counting_sink_counts_ticket_events_and_hands_them_on() -> None:
    metrics = fresh()
    inner = RecordingSink()
    events = [
        TicketEvent(EventType.CREATED, ticket(), "u-1", NOW),
        TicketEvent(EventType.COMMENTED, ticket(), "u-1", NOW),
    ]
    connection = cast(AsyncConnection, object())  # the factory only passes it on

    await counting_sink(lambda given: inner, metrics)(connection).record(events)
    await counting_sink(None, metrics)(connection).record(events[:1])

    samples = scrape(metrics)

    def events_of(kind: str) -> float:
        return samples[("ticketflow_ticket_events_total", (("event", kind),))]

    assert events_of("ticket_created") == 2
    assert events_of("ticket_commented") == 1
    assert events_of("ticket_assigned") == 0
    assert inner.recorded == [events]


class Exploding:
    def turn_started(self, *, activity_type: str, activity_id: str | None,
                     conversation_id: str | None) -> None:
        raise RuntimeError("observer bug")

    def turn_finished(self, activity_type: str, outcome: TurnOutcome, seconds: float) -> None:
        raise RuntimeError("observer bug")


def test_an_observer_that_fails_does_not_silence_the_others() -> None:
    metrics = fresh()
    both = Observers(Exploding(), metrics)
    both.turn_started(activity_type="message", activity_id="1", conversation_id="c")
    both.turn_finished("message", TurnOutcome.PROCESSED, 0.1)
    labels = (("activity_type", "message"), ("outcome", "processed"))
    assert scrape(metrics)[("ticketflow_turns_total", labels)] == 1
