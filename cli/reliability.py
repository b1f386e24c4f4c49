"""Reliability indices: `import-interruptions` (a previous system's history), `reliability`."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, date, datetime
from pathlib import Path

from cli.common import CommandError, Context, write_output


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    hist = sub.add_parser(
        "import-interruptions",
        help="import interruptions from a previous system (CSV: interruption_id, start, end, "
        "customers, planned, cause, feeder, device, operations); all rows or none",
    )
    hist.add_argument("file", metavar="FILE.csv")
    hist.set_defaults(run=import_interruptions)

    rel = sub.add_parser("reliability", help="reliability indices of a period (VN or IEEE 1366)")
    rel.add_argument("--from", dest="from_date", type=_day, required=True, metavar="DATE")
    rel.add_argument("--to", dest="to_date", type=_day, required=True, metavar="DATE",
                     help="last day, included")  # fmt: skip
    rel.add_argument("--method", choices=("vn", "ieee1366"), default="vn")
    rel.add_argument("--customers-served", type=int, metavar="N",
                     help="customers served in the period (default: monthly counts)")  # fmt: skip
    rel.add_argument("--exclude-planned", action="store_true", help="leave planned outages out")
    rel.add_argument("--format", choices=("json", "pdf", "xlsx"), required=True)
    rel.add_argument("--out", metavar="FILE", help="output file (json: stdout without it)")
    rel.set_defaults(run=reliability_report)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-01-31") from None


def import_interruptions(ctx: Context) -> int:
    from db.repositories.reliability import DuplicateInterruptions, ReliabilityRepository
    from ops.reliability import InvalidInterruptionsFile, read_interruptions_csv

    path = Path(ctx.args.file)
    try:
        records = read_interruptions_csv(path)
    except InvalidInterruptionsFile as exc:
        raise CommandError(f"{path}: {exc}") from exc
    except OSError as exc:
        raise CommandError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    db = ctx.open_database()
    now = datetime.now(UTC)
    try:
        with db.session() as s:
            summary = ReliabilityRepository(s).import_interruptions(
                records, batch=f"{now:%Y%m%dT%H%M%S} {path.name}"[:64], at=now
            )
    except DuplicateInterruptions as exc:
        raise CommandError(str(exc)) from exc
    span = (
        f", starting {summary.first_start:%Y-%m-%d} to {summary.last_start:%Y-%m-%d} (UTC)"
        if summary.first_start and summary.last_start
        else ""
    )
    print(f"Imported {summary.interruptions:,} interruptions from {path}{span}.")
    return 0


def reliability_report(ctx: Context) -> int:
    from db.repositories.reliability import period_report_with_trend
    from ops.reliability import Method, MissingCustomerCount, ReliabilitySettings

    args, settings = ctx.args, ctx.settings
    first: date = args.from_date
    last: date = args.to_date
    served: int | None = args.customers_served
    if last < first:
        raise CommandError(f"--to {last} is before --from {first}")
    if served is not None and served <= 0:
        raise CommandError("--customers-served must be a positive whole number")
    policy = ctx.policy()
    rules = ReliabilitySettings(
        excluded_categories=policy.excluded_causes,
        include_planned=not args.exclude_planned,
        momentary_limit=policy.momentary_limit,
        zone=policy.zone,
    )
    db = ctx.open_database()
    now = datetime.now(UTC)
    try:
        with db.session() as s:
            report, trend = period_report_with_trend(
                s, Method(args.method), first, last, rules, now=now, customers_served=served
            )
    except MissingCustomerCount as exc:
        months = ", ".join(str(m) for m in exc.months)
        raise CommandError(
            f"No customer count for {months}: no monthly snapshot, and the network has no "
            "customers to count. Give --customers-served N."
        ) from exc
    if args.format == "json":
        text = json.dumps(report.to_json_dict(), ensure_ascii=False, indent=2)
        if not args.out:
            print(text)
            return 0
        write_output(Path(args.out), text + "\n")
        print(f"Reliability report written to {args.out}")
        return 0
    from ops.reports import reliability_document, write_xlsx

    doc = reliability_document(
        report, company=settings.company_name, office=settings.office_name, printed_at=now,
        feeder_trend=trend, language=ctx.args.lang or settings.language,
    )  # fmt: skip
    out = Path(args.out or f"reliability-{first}-{last}-{args.method}.{args.format}")
    try:
        if args.format == "xlsx":
            write_xlsx(doc, out)
            print(f"Reliability report written to {out}")
        else:
            pages = ctx.write_pdf(doc, out)
            print(f"Reliability report written to {out} ({pages} pages)")
    except OSError as exc:
        raise CommandError(f"Cannot write {out}: {exc.strerror or exc}") from exc
    return 0
