"""The network: `export-map`, `import-network`, `affected`."""

from __future__ import annotations

import argparse
import json
import time
from datetime import UTC, datetime
from pathlib import Path

from cli.common import CommandError, Context, write_output


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = sub.add_parser("export-map", help="write the map as a self-contained offline HTML")
    export.add_argument("--out", required=True, metavar="FILE.html")
    export.set_defaults(run=export_map)

    imp = sub.add_parser(
        "import-network",
        help="import or re-import the network: a GeoPackage, a folder or .zip of GeoJSON or "
        "Shapefile layers (docs/network-interchange.md), or a pandapower .json",
    )
    imp.add_argument("path", metavar="PATH")
    imp.add_argument("--mapping", metavar="FILE", help="column mapping (TOML) for other names")
    imp.add_argument("--crs", metavar="EPSG:XXXX", help="coordinate system of layers without one")
    imp.set_defaults(run=import_network)

    affected = sub.add_parser(
        "affected", help="who loses supply if a device opens, all else as now"
    )
    affected.add_argument("device", metavar="DEVICE_ID")
    affected.add_argument("--json", action="store_true", help="print JSON (device, customers, …)")
    affected.set_defaults(run=print_affected)


def export_map(ctx: Context) -> int:
    from db.board import load_board
    from maps import build_map_html, map_state

    db = ctx.open_database(create_demo=True)
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
        language=ctx.args.lang or ctx.settings.language,
    )
    out = Path(ctx.args.out)
    write_output(out, html, create_folder=True)
    print(f"Map written to {out} ({len(html) / 1e6:.1f} MB)")
    return 0


def import_network(ctx: Context) -> int:
    import getpass

    from db import DatabaseError
    from db.repositories.network import NetworkRepository
    from maps.interchange import load_network
    from ops.network.validation import NetworkImportError

    args = ctx.args
    db = ctx.open_database()
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


def print_affected(ctx: Context) -> int:
    from db.repositories.network import NetworkRepository
    from ops.network.tracing import Topology, UnknownElementError

    device: str = ctx.args.device
    db = ctx.open_database()
    with db.session() as s:
        repo = NetworkRepository(s)
        model, customers = repo.load_model(), repo.customer_nodes()
    try:
        lost = Topology(model, customers).lost_by_opening([device])
    except UnknownElementError as exc:
        raise CommandError(f"{exc}: give a switch, segment or transformer id") from exc
    if ctx.args.json:
        print(json.dumps({
            "device": device, "customers": lost.customers,
            "transformers": len(lost.transformers), "customer_ids": sorted(lost.customer_ids),
        }, ensure_ascii=False))  # fmt: skip
    else:
        print(f"Opening {device} (all else as now): {lost.customers:,} customers and "
              f"{len(lost.transformers):,} transformers lose supply.")  # fmt: skip
    return 0
