"""Who holds a claim on outbox messages: this process, named so that another process on the
same machine can tell whether the holder is still alive."""

from __future__ import annotations

import os
import secrets
import socket


def claimer_name(host: str | None = None, pid: int | None = None) -> str:
    """ "host:pid:token" (at most 64 characters); the token tells two lives of one pid apart."""
    host = (host or socket.gethostname() or "host")[:40]
    return f"{host}:{pid if pid is not None else os.getpid()}:{secrets.token_hex(4)}"


def claimer_is_dead(claimer: str, host: str | None = None) -> bool:
    """True only when the claimer is a process of this machine that no longer runs.

    A claimer on another machine, or a pid that runs (perhaps reused by another program), is
    not known to be dead: its rows wait for the lease to run out instead.
    """
    name, sep, rest = claimer.rpartition(":")[0].rpartition(":")
    if not sep or name != (host or socket.gethostname() or "host")[:40]:
        return False
    try:
        pid = int(rest)
    except ValueError:
        return False
    if pid <= 0 or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # it runs, as another user
    return False
