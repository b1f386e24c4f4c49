"""Two writers at once: the database decides who wins, never the last one silently."""

from __future__ import annotations

import os
import threading
import time
from dataclasses import replace

import pytest

from db import Database, DatabaseError
from db.actions import run_action
from db.store import SqlStore
from ops.errors import StaleEdit
from ops.stores import Changes
from tests.db.store_helpers import a_draft


def test_of_two_sessions_on_one_version_the_first_update_wins(any_demo_db: Database) -> None:
    db = any_demo_db
    with db.session() as first, db.session() as second:
        mine, theirs = SqlStore(first).outages.get(5), SqlStore(second).outages.get(5)
        assert mine is not None and theirs is not None and mine.version == theirs.version
        SqlStore(first).outages.update(replace(mine, cause="A"), expected_version=mine.version)
        first.commit()
        with pytest.raises(StaleEdit):
            SqlStore(second).outages.update(
                replace(theirs, cause="B"), expected_version=theirs.version
            )
    with db.session() as s:
        assert SqlStore(s).outages.get(5) == replace(mine, cause="A", version=mine.version + 1)


def test_a_second_update_waiting_for_the_first_one_is_refused_when_it_commits(
    any_demo_db: Database,
) -> None:
    db = any_demo_db
    with db.session() as s:
        seen = SqlStore(s).outages.get(5)
    assert seen is not None
    outcome: list[object] = []

    def second_writer() -> None:
        try:
            with db.session() as s:
                SqlStore(s).outages.update(replace(seen, cause="B"), expected_version=seen.version)
            outcome.append("written")
        except StaleEdit as exc:
            outcome.append(exc)

    with db.session() as s:
        SqlStore(s).outages.update(replace(seen, cause="A"), expected_version=seen.version)
        thread = threading.Thread(target=second_writer)
        thread.start()  # it waits for this transaction's lock (PostgreSQL row, SQLite file)
        time.sleep(0.2)
    thread.join(timeout=15)
    assert len(outcome) == 1 and isinstance(outcome[0], StaleEdit)
    with db.session() as s:
        assert SqlStore(s).outages.get(5).cause == "A"  # type: ignore[union-attr]


def test_outages_added_at_once_get_different_references(any_demo_db: Database) -> None:
    db = any_demo_db
    rounds, threads = 6, 3
    barrier = threading.Barrier(threads)
    references: list[str] = []
    errors: list[BaseException] = []

    def add() -> None:
        try:
            for _ in range(rounds):
                barrier.wait(timeout=15)  # every round, all threads add together
                with db.session() as s:  # no turn-taking here: the counter row alone decides
                    references.append(SqlStore(s).outages.add(a_draft()).reference)
        except BaseException as exc:
            errors.append(exc)
            barrier.abort()

    workers = [threading.Thread(target=add) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=60)
    assert errors == []
    assert sorted(references) == [f"SC-2026-{n:04d}" for n in range(657, 657 + rounds * threads)]


def test_actions_take_turns(any_demo_db: Database) -> None:
    """An action starts on a state no other action is still changing (both backends)."""
    db = any_demo_db
    first_inside, first_may_finish = threading.Event(), threading.Event()
    order: list[str] = []

    def first(store: SqlStore) -> Changes:
        order.append("first in")
        first_inside.set()
        assert first_may_finish.wait(timeout=15)
        order.append("first out")
        return Changes()

    def second(store: SqlStore) -> Changes:
        order.append("second in")
        return Changes()

    one = threading.Thread(target=lambda: run_action(db, first, workstation="A"))
    two = threading.Thread(target=lambda: run_action(db, second, workstation="B"))
    one.start()
    assert first_inside.wait(timeout=15)
    two.start()
    time.sleep(0.2)  # long enough for the second to get in, if it could
    assert order == ["first in"]
    first_may_finish.set()
    one.join(timeout=15)
    two.join(timeout=15)
    assert order == ["first in", "first out", "second in"]


def test_on_postgresql_an_action_waits_for_its_turn_a_bounded_time(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rather than hang behind a workstation that is stuck in an action, give up and say so."""
    from tests.postgres import create_database

    db = Database(create_database(postgres_url, f"turn_{os.getpid()}"))
    db.upgrade()
    monkeypatch.setattr("db.repositories.change_log.TURN_WAIT_S", 0.3)

    def stuck(store: SqlStore) -> Changes:  # another action starts while this one holds
        return run_action(db, lambda _: Changes(), workstation="B")

    started = time.monotonic()
    with pytest.raises(DatabaseError, match="busy with another workstation"):
        run_action(db, stuck, workstation="A")
    assert time.monotonic() - started < 5
    db.dispose()
