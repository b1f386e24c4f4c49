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
from datetime import UTC, datetime
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
        db.upgrade()
    except (DatabaseError, SchemaTooNewError) as exc:
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
    from ops.validation import NetworkImportError

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
    from ops.tracing import Topology, UnknownElementError

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

    back = sub.add_parser("backup", help="a consistent copy of the embedded SQLite database")
    back.add_argument("file", metavar="FILE")
    back.set_defaults(handler=cmd_backup)
    rest = sub.add_parser("restore", help="replace the SQLite database with a backup")
    rest.add_argument("file", metavar="FILE")
    rest.set_defaults(handler=cmd_restore)
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
