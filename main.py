"""Outage-operations console: the composition root and the command line.

python main.py                      open the console window
python main.py seed-demo            create or refresh the demo district
python main.py export-map --out F   write the map as one offline HTML file
python main.py import-network PATH  import or re-import the network (GIS layers or pandapower)
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ops import __version__
from ops.settings import Settings, SettingsError, load_settings, resolve_database_url

if TYPE_CHECKING:
    from db import Database

log = logging.getLogger("console")


class CommandError(Exception):
    """A problem the person at the command line can fix; printed without a traceback."""


def _open_database(url: str, *, is_default: bool, create_demo: bool) -> Database:
    from db import Database, DatabaseError
    from db.migrate import SchemaTooNewError

    try:
        db = Database(url)
    except DatabaseError as exc:
        raise CommandError(str(exc)) from exc
    try:
        db.upgrade()
    except (DatabaseError, SchemaTooNewError) as exc:
        db.dispose()
        raise CommandError(str(exc)) from exc
    if create_demo and is_default and not db.site_settings():
        print("First start: creating the demo district (a few seconds)…", file=sys.stderr)
        _seed(db)
    return db


def _seed(db: Database) -> None:
    from db.seed import DEMO_ACCOUNTS, DEMO_PASSWORD, seed_demo
    from ops.demo import generate_demo_district

    started = time.perf_counter()
    now = datetime.now(UTC)
    district = generate_demo_district(now)
    seed_demo(db, district, at=now)
    print(
        f"Demo district written: {district.name}, {len(district.customers):,} customers, "
        f"{len(district.network.transformers):,} transformers, {len(district.outages)} outages "
        f"({time.perf_counter() - started:.1f} s).",
        file=sys.stderr,
    )
    accounts = ", ".join(f"{name} ({role.value})" for name, _, role in DEMO_ACCOUNTS)
    print(f"Demo accounts, password {DEMO_PASSWORD}: {accounts}.", file=sys.stderr)


def cmd_gui(args: argparse.Namespace, settings: Settings) -> int:
    url, is_default = resolve_database_url(args.db, settings)
    from ops.policy import BUILTIN_POLICIES, PolicyError, load_profile
    from ops.settings import config_dir

    try:  # a utility's own profiles live in the configuration folder, beside the built-in ones
        policy = load_profile(
            settings.policy_profile, (BUILTIN_POLICIES, config_dir() / "policies")
        )
    except PolicyError as exc:
        raise CommandError(f"policy profile '{settings.policy_profile}': {exc}") from exc
    db = _open_database(url, is_default=is_default, create_demo=True)
    from console.app import run_console

    return run_console(db, language=args.lang or settings.language, policy=policy)


def cmd_seed_demo(args: argparse.Namespace, settings: Settings) -> int:
    url, is_default = resolve_database_url(args.db, settings)
    db = _open_database(url, is_default=is_default, create_demo=False)
    site = db.site_settings()
    if site and site.get("is_demo") != "1" and not args.force:
        raise CommandError(
            "This database holds a real district (it is not marked as demo data); seed-demo "
            "would replace it. Give --force if that is really what you want."
        )
    _seed(db)
    return 0


def cmd_export_map(args: argparse.Namespace, settings: Settings) -> int:
    from db.board import load_board
    from maps import build_map_html, map_state

    url, is_default = resolve_database_url(args.db, settings)
    db = _open_database(url, is_default=is_default, create_demo=True)
    board = load_board(db, datetime.now(UTC))
    if not board.network.segments:
        raise CommandError("The database holds no network yet: nothing to draw.")
    state = map_state(board.network, board.outages, board.crews)
    html = build_map_html(
        board.network,
        state,
        title=board.site.district_name or "Outage map",
        demo=board.site.is_demo,
        center=board.site.center,
        bridge=False,
    )
    out = Path(args.out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".part")
        tmp.write_text(html, encoding="utf-8")
        tmp.replace(out)  # never leave a half-written map behind
    except OSError as exc:
        raise CommandError(f"Cannot write {out}: {exc.strerror or exc}") from exc
    print(f"Map written to {out} ({len(html) / 1e6:.1f} MB)")
    return 0


def cmd_import_network(args: argparse.Namespace, settings: Settings) -> int:
    import getpass

    from db import DatabaseError
    from db.repositories.network import NetworkRepository
    from maps.interchange import load_network
    from ops.network.validation import NetworkImportError

    url, is_default = resolve_database_url(args.db, settings)
    db = _open_database(url, is_default=is_default, create_demo=False)
    path = Path(args.path)
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no login name in some containers and services
        user = "unknown"
    started = time.perf_counter()
    try:
        checked = load_network(path, Path(args.mapping) if args.mapping else None, args.crs)
        with db.session() as s:
            summary = NetworkRepository(s).import_network(
                checked.network.model,
                checked.network.customers,
                source=str(path.resolve()),
                imported_by=user,
                at=datetime.now(UTC),
                warnings=checked.report.warning_count,
            )
    except (NetworkImportError, DatabaseError) as exc:
        raise CommandError(str(exc)) from exc
    print(f"Imported {path} into {db.description} ({time.perf_counter() - started:.1f} s):")
    print("\n".join(f"  {line}" for line in summary.lines()))
    if checked.report.warnings:
        print(f"{checked.report.warning_count:,} warning(s):")
        print("\n".join(f"  {line}" for line in checked.report.warning_lines()))
    return 0


def cmd_affected(args: argparse.Namespace, settings: Settings) -> int:
    from db.repositories.network import NetworkRepository
    from ops.network.tracing import Topology, UnknownElementError

    url, is_default = resolve_database_url(args.db, settings)
    db = _open_database(url, is_default=is_default, create_demo=False)
    with db.session() as s:
        repo = NetworkRepository(s)
        model, customers = repo.load_model(), repo.customer_nodes()
    try:
        lost = Topology(model, customers).lost_by_opening([args.device])
    except UnknownElementError as exc:
        raise CommandError(f"{exc}: give a switch, segment or transformer id") from exc
    if args.json:
        print(json.dumps({
            "device": args.device, "customers": lost.customers,
            "transformers": len(lost.transformers), "customer_ids": sorted(lost.customer_ids),
        }, ensure_ascii=False))  # fmt: skip
    else:
        print(f"Opening {args.device} (all else as now): {lost.customers:,} customers and "
              f"{len(lost.transformers):,} transformers lose supply.")  # fmt: skip
    return 0


def cmd_backup(args: argparse.Namespace, settings: Settings) -> int:
    from db.backup import BackupError, backup

    url, _ = resolve_database_url(args.db, settings)
    try:
        written = backup(url, Path(args.file))
    except BackupError as exc:
        raise CommandError(str(exc)) from exc
    print(f"Backup written to {written}")
    return 0


def cmd_restore(args: argparse.Namespace, settings: Settings) -> int:
    from db.backup import BackupError, restore

    url, _ = resolve_database_url(args.db, settings)
    try:
        kept = restore(url, Path(args.file))
    except BackupError as exc:
        raise CommandError(str(exc)) from exc
    print(f"Restored {args.file}; the previous content is kept in {kept}")
    return 0


def cmd_import_interruptions(args: argparse.Namespace, settings: Settings) -> int:
    from db.repositories.reliability import DuplicateInterruptions, ReliabilityRepository
    from ops.reliability import InvalidInterruptionsFile, read_interruptions_csv

    path = Path(args.file)
    try:
        records = read_interruptions_csv(path)
    except InvalidInterruptionsFile as exc:
        raise CommandError(f"{path}: {exc}") from exc
    except OSError as exc:
        raise CommandError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    url, is_default = resolve_database_url(args.db, settings)
    db = _open_database(url, is_default=is_default, create_demo=False)
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


def cmd_reliability(args: argparse.Namespace, settings: Settings) -> int:
    from db.repositories.reliability import period_report_with_trend
    from ops.policy import BUILTIN_POLICIES, PolicyError, load_profile
    from ops.reliability import Method, MissingCustomerCount, ReliabilitySettings
    from ops.settings import config_dir

    first, last = args.from_date, args.to_date
    if last < first:
        raise CommandError(f"--to {last} is before --from {first}")
    if args.customers_served is not None and args.customers_served <= 0:
        raise CommandError("--customers-served must be a positive whole number")
    try:
        policy = load_profile(
            settings.policy_profile, (BUILTIN_POLICIES, config_dir() / "policies")
        )
    except PolicyError as exc:
        raise CommandError(f"policy profile '{settings.policy_profile}': {exc}") from exc
    rules = ReliabilitySettings(
        excluded_categories=policy.excluded_causes,
        include_planned=not args.exclude_planned,
        momentary_limit=policy.momentary_limit,
        zone=policy.zone,
    )
    url, is_default = resolve_database_url(args.db, settings)
    db = _open_database(url, is_default=is_default, create_demo=False)
    now = datetime.now(UTC)
    try:
        with db.session() as s:
            report, trend = period_report_with_trend(
                s, Method(args.method), first, last, rules,
                now=now, customers_served=args.customers_served,
            )  # fmt: skip
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
        _write_text(Path(args.out), text + "\n")
        print(f"Reliability report written to {args.out}")
        return 0
    from ops.reports import reliability_document, write_xlsx

    doc = reliability_document(
        report, company=settings.company_name, office=settings.office_name, printed_at=now,
        feeder_trend=trend,
    )  # fmt: skip
    out = Path(args.out or f"reliability-{first}-{last}-{args.method}.{args.format}")
    try:
        if args.format == "xlsx":
            write_xlsx(doc, out)
            print(f"Reliability report written to {out}")
        else:
            from console.reports.printing import ensure_gui_application, write_pdf

            ensure_gui_application()
            pages = write_pdf(doc, out)
            print(f"Reliability report written to {out} ({pages} pages)")
    except OSError as exc:
        raise CommandError(f"Cannot write {out}: {exc.strerror or exc}") from exc
    return 0


def _write_text(out: Path, text: str) -> None:
    try:
        tmp = out.with_name(out.name + ".part")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(out)
    except OSError as exc:
        raise CommandError(f"Cannot write {out}: {exc.strerror or exc}") from exc


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-01-31") from None


def cmd_migrate(args: argparse.Namespace, settings: Settings) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from db import Database, DatabaseError
    from db.engine import describe
    from db.migrate import SchemaTooNewError, current_revision
    from db.roles import RoleError, grant_console_role

    url, _ = resolve_database_url(args.db, settings)
    try:
        db = Database(url)
    except DatabaseError as exc:
        raise CommandError(str(exc)) from exc
    try:
        before = current_revision(db.engine)
        changed = db.upgrade()
        after = current_revision(db.engine)
        grants = grant_console_role(db.engine, args.grant_to) if args.grant_to else []
    except (DatabaseError, SchemaTooNewError, RoleError) as exc:
        raise CommandError(str(exc)) from exc
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise CommandError(f"{describe(url)}: {reason}") from exc
    finally:
        db.dispose()
    state = f"upgraded from {before or 'empty'} to {after}" if changed else f"at {after} already"
    print(f"{describe(url)}: schema {state}")
    if grants:
        tables = sum(" ON TABLE " in statement for statement in grants)
        print(f"Role {args.grant_to}: SELECT, INSERT, UPDATE, DELETE on {tables - 1} tables, "
              "SELECT on alembic_version, USAGE on the sequences; nothing else.")  # fmt: skip
    return 0


def cmd_send_notices(args: argparse.Namespace, settings: Settings) -> int:
    """Send the notice messages that are due now (as the console's scheduler does), then stop."""
    from db.notice_store import SqlDeliveryStore
    from ops.clock import SystemClock
    from ops.delivery.claimer import claimer_is_dead, claimer_name
    from ops.delivery.sending import NoticeSender
    from ops.delivery.setup import delivery_setup
    from ops.policy import BUILTIN_POLICIES, PolicyError, load_profile
    from ops.settings import config_dir

    try:
        profile = load_profile(
            settings.policy_profile, (BUILTIN_POLICIES, config_dir() / "policies")
        )
    except PolicyError as exc:
        raise CommandError(f"policy profile '{settings.policy_profile}': {exc}") from exc
    url, is_default = resolve_database_url(args.db, settings)
    db = _open_database(url, is_default=is_default, create_demo=False)
    setup = delivery_setup(settings, profile)
    clock = SystemClock()
    store = SqlDeliveryStore(db, setup.notices.lease)
    dispatcher = NoticeSender(
        store, setup.channels(settings, clock), clock=clock, policy=setup.policy,
        templates=setup.templates, sender=setup.sender, claimer=claimer_name(),
        batch=setup.notices.batch_size, is_dead=claimer_is_dead,
    )  # fmt: skip
    try:
        released = dispatcher.recover()
        report = dispatcher.dispatch_due()
    finally:
        dispatcher.close()
    print(
        f"sent {report.sent}, retrying {report.retrying}, failed {report.failed}, "
        f"cancelled {report.cancelled}, deferred {report.deferred} (quiet hours), late "
        f"{report.late}; {released} message(s) of a stopped console taken back"
    )
    return 0


def cmd_export_planned(args: argparse.Namespace, settings: Settings) -> int:
    """Planned interruptions as an iCalendar file and/or the public list (HTML)."""
    from db.notice_store import NoticeBook
    from ops.notices.content import Sender
    from ops.notices.export import PUBLISHED, ical, public_list
    from ops.notices.templates import TemplateError, load_templates
    from ops.planned.records import PlanStatus
    from ops.settings import config_dir

    if not (args.ical or args.public_list):
        raise CommandError("Give --ical FILE.ics, --public-list FILE.html, or both.")
    url, is_default = resolve_database_url(args.db, settings)
    db = _open_database(url, is_default=is_default, create_demo=False)
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
    outputs = []
    if args.ical:
        outputs.append((Path(args.ical), ical(plans, areas, sender, now).encode("utf-8")))
    if args.public_list:
        page = public_list(plans, areas, templates, sender, now, since=since)
        outputs.append((Path(args.public_list), page.encode("utf-8")))
    for path, data in outputs:
        try:
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_bytes(data)
            tmp.replace(path)
        except OSError as exc:
            raise CommandError(f"Cannot write {path}: {exc.strerror or exc}") from exc
        print(f"{path}: {len(plans)} planned interruption(s)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Outage-operations console for distribution dispatch offices.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL (default: $OMS_DATABASE_URL, the settings file, or the embedded "
        "SQLite file), e.g. postgresql+psycopg://user@host/outages",
    )
    parser.add_argument("--lang", choices=("vi", "en"), help="interface language (default vi)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    parser.set_defaults(handler=cmd_gui)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    seed = sub.add_parser("seed-demo", help="create or refresh the demo district database")
    seed.add_argument("--force", action="store_true", help="replace even a non-demo database")
    seed.set_defaults(handler=cmd_seed_demo)

    export = sub.add_parser("export-map", help="write the map as a self-contained offline HTML")
    export.add_argument("--out", required=True, metavar="FILE.html")
    export.set_defaults(handler=cmd_export_map)

    imp = sub.add_parser(
        "import-network",
        help="import or re-import the network: a GeoPackage, a folder or .zip of GeoJSON or "
        "Shapefile layers (docs/network-interchange.md), or a pandapower .json",
    )
    imp.add_argument("path", metavar="PATH")
    imp.add_argument("--mapping", metavar="FILE", help="column mapping (TOML) for other names")
    imp.add_argument("--crs", metavar="EPSG:XXXX", help="coordinate system of layers without one")
    imp.set_defaults(handler=cmd_import_network)

    affected = sub.add_parser(
        "affected", help="who loses supply if a device opens, all else as now"
    )
    affected.add_argument("device", metavar="DEVICE_ID")
    affected.add_argument("--json", action="store_true", help="print JSON (device, customers, …)")
    affected.set_defaults(handler=cmd_affected)

    hist = sub.add_parser(
        "import-interruptions",
        help="import interruptions from a previous system (CSV: interruption_id, start, end, "
        "customers, planned, cause, feeder, device, operations); all rows or none",
    )
    hist.add_argument("file", metavar="FILE.csv")
    hist.set_defaults(handler=cmd_import_interruptions)

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
    rel.set_defaults(handler=cmd_reliability)

    migrate = sub.add_parser(
        "migrate", help="upgrade the schema as its owner; optionally grant the consoles' role"
    )
    migrate.add_argument(
        "--db", metavar="OWNER_URL", default=argparse.SUPPRESS,
        help="the database as its owner role (default: as for the console)",
    )  # fmt: skip
    migrate.add_argument(
        "--grant-to", metavar="ROLE",
        help="PostgreSQL role the consoles connect as: SELECT/INSERT/UPDATE/DELETE on the "
        "tables and USAGE on the sequences, nothing else (docs/postgresql.md)",
    )  # fmt: skip
    migrate.set_defaults(handler=cmd_migrate)

    back = sub.add_parser("backup", help="a consistent copy of the embedded SQLite database")
    back.add_argument("file", metavar="FILE")
    back.set_defaults(handler=cmd_backup)
    rest = sub.add_parser("restore", help="replace the SQLite database with a backup")
    rest.add_argument("file", metavar="FILE")
    rest.set_defaults(handler=cmd_restore)
    send = sub.add_parser(
        "send-notices", help="send the planned-interruption notices that are due, then stop"
    )
    send.set_defaults(handler=cmd_send_notices)
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
    planned.set_defaults(handler=cmd_export_planned)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not args.verbose:
        logging.getLogger("alembic").setLevel(logging.WARNING)
    handler: Callable[[argparse.Namespace, Settings], int] = args.handler
    try:
        return handler(args, load_settings())
    except (CommandError, SettingsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
