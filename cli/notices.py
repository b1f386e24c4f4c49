"""Planned-work notices: `send-notices` (what is due, then stop), `export-planned`."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from cli.common import CommandError, Context, write_output


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    send = sub.add_parser(
        "send-notices", help="send the planned-interruption notices that are due, then stop"
    )
    send.set_defaults(run=send_notices)
    planned = sub.add_parser(
        "export-planned",
        help="planned interruptions from now on as iCalendar and/or the public list per day "
        "and ward (HTML for the company web page)",
    )
    planned.add_argument("--ical", metavar="FILE.ics")
    planned.add_argument("--public-list", metavar="FILE.html")
    planned.add_argument(
        "--from", dest="since", metavar="YYYY-MM-DD", help="work ending after this local day"
    )
    planned.set_defaults(run=export_planned)


def send_notices(ctx: Context) -> int:
    """Send the notice messages that are due now (as the console's scheduler does), then stop."""
    from db.notice_store import SqlDeliveryStore
    from ops.clock import SystemClock
    from ops.delivery.claimer import claimer_is_dead, claimer_name
    from ops.delivery.sending import NoticeSender
    from ops.delivery.setup import delivery_setup

    settings = ctx.settings
    profile = ctx.policy()
    db = ctx.open_database()
    setup = delivery_setup(settings, profile)
    clock = SystemClock()
    store = SqlDeliveryStore(db, setup.notices.lease)
    sender = NoticeSender(
        store, setup.channels(settings, clock), clock=clock, policy=setup.policy,
        templates=setup.templates, sender=setup.sender, claimer=claimer_name(),
        batch=setup.notices.batch_size, is_dead=claimer_is_dead,
    )  # fmt: skip
    try:
        released = sender.recover()
        report = sender.dispatch_due()
    finally:
        sender.close()
    print(
        f"sent {report.sent}, retrying {report.retrying}, failed {report.failed}, "
        f"cancelled {report.cancelled}, deferred {report.deferred} (quiet hours), late "
        f"{report.late}; {released} message(s) of a stopped console taken back"
    )
    return 0


def export_planned(ctx: Context) -> int:
    """Planned interruptions as an iCalendar file and/or the public list (HTML)."""
    from db.notice_store import NoticeBook
    from ops.notices.content import Sender
    from ops.notices.export import PUBLISHED, ical, public_list
    from ops.notices.templates import TemplateError, load_templates
    from ops.planned.records import PlanStatus
    from ops.settings import config_dir

    args, settings = ctx.args, ctx.settings
    if not (args.ical or args.public_list):
        raise CommandError("Give --ical FILE.ics, --public-list FILE.html, or both.")
    db = ctx.open_database()
    now = datetime.now(UTC)
    since = now
    if args.since:
        from ops.clock import LOCAL_TZ

        try:
            since = datetime.strptime(args.since, "%Y-%m-%d").replace(tzinfo=LOCAL_TZ)
        except ValueError:
            raise CommandError(f"--from {args.since}: give a date as YYYY-MM-DD") from None
    book = NoticeBook(db)
    plans = [
        p for p in book.plans()
        if (p.status in PUBLISHED or p.status is PlanStatus.CANCELLED) and p.ends_at > since
    ]  # fmt: skip
    areas = book.areas(plans)
    notices = settings.notices
    sender = Sender(company=settings.company_name, office=settings.office_name,
                    hotline=notices.hotline if notices else Sender().hotline)  # fmt: skip
    edited = config_dir() / "notices" / "templates"
    try:
        templates = load_templates(edited) if edited.is_dir() else load_templates()
    except TemplateError as exc:
        raise CommandError(str(exc)) from exc
    outputs: list[tuple[Path, str]] = []
    if args.ical:
        outputs.append((Path(args.ical), ical(plans, areas, sender, now)))
    if args.public_list:
        outputs.append(
            (Path(args.public_list), public_list(plans, areas, templates, sender, now, since=since))
        )
    for path, text in outputs:
        write_output(path, text)
        print(f"{path}: {len(plans)} planned interruption(s)")
    return 0
