"""Network import benchmark: a 200,000-customer / ~50,000-node district through the importer.

The district is the demo district tiled (bench/big_district.py), with customers that have a
name, phone, address and position, exported as an interchange GeoPackage. Timed: reading the
file, checking and modelling it, storing it into a fresh SQLite file (one transaction), and
re-importing the same file into that database (nothing to change: every row compared).
Target: read + check + store <= 20 s.

    .venv/bin/python bench/network_import.py [--customers N] [--nodes N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.big_district import big_district
from db import Database
from db.repositories.network import NetworkRepository
from maps.interchange import export_network, load_network, read_network
from ops.network.interchange import gc_paused
from ops.network.records import Address, Customer, NetworkModel, Priority
from ops.network.validation import CheckedNetwork, check_network

TARGET_S = 20.0


def customers_for(model: NetworkModel, pairs: list[tuple[str, str]]) -> list[Customer]:
    """Customer records for (id, node) pairs, placed around their transformer."""
    rng = random.Random(7)
    at = {n.node_id: n.position for n in model.nodes}
    out = []
    for i, (customer_id, node) in enumerate(pairs):
        x, y = at[node]
        out.append(
            Customer(
                customer_id,
                f"Khách hàng {i}",
                node,
                None,
                f"09{rng.randrange(10**8):08d}",
                Address(f"Số {1 + i % 400}", f"Ấp {1 + i % 9}", "Xã Mỹ Tân", "Đồng Tháp"),
                Priority.LIFE_SUPPORT if i % 1000 == 0 else Priority.NONE,
                (x + rng.uniform(-0.001, 0.001), y + rng.uniform(-0.001, 0.001)),
            )
        )
    return out


def store(url: str, checked: CheckedNetwork) -> tuple[float, str]:
    db = Database(url)
    db.upgrade()
    started = time.perf_counter()
    with db.session() as s:
        summary = NetworkRepository(s).import_network(
            checked.network.model,
            checked.network.customers,
            source="bench.gpkg",
            imported_by="bench",
            at=datetime.now(UTC),
        )
    elapsed = time.perf_counter() - started
    db.dispose()
    return elapsed, "; ".join(
        f"{k.kind} {k.total:,} (+{k.added:,} ~{k.changed:,} -{k.removed:,})" for k in summary.kinds
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=200_000)
    parser.add_argument("--nodes", type=int, default=50_000)
    parser.add_argument("--keep", metavar="DIR", help="keep the GeoPackage and database here")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="oms-import-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    gpkg, db_file = folder / "district.gpkg", folder / "district.db"
    for f in (gpkg, db_file):
        f.unlink(missing_ok=True)

    started = time.perf_counter()
    model, pairs = big_district(args.nodes, args.customers)
    customers = customers_for(model, pairs)
    export_network(gpkg, model, customers)
    print(
        f"District: {len(model.nodes):,} nodes, {len(model.segments):,} segments, "
        f"{len(model.switches):,} switches, {len(model.transformers):,} transformers, "
        f"{len(customers):,} customers; GeoPackage {gpkg.stat().st_size / 1e6:.0f} MB "
        f"(generated and exported in {time.perf_counter() - started:.1f} s)"
    )

    t0 = time.perf_counter()
    with gc_paused():  # as load_network does
        data, report = read_network(gpkg)
        t1 = time.perf_counter()
        checked = check_network(data, report)
        t2 = time.perf_counter()
    stored, summary = store(f"sqlite:///{db_file}", checked)
    total = t2 - t0 + stored
    print(f"  read the GeoPackage      {t1 - t0:6.2f} s")
    print(f"  check and model          {t2 - t1:6.2f} s  ({checked.report.warning_count} warnings)")
    print(f"  store into fresh SQLite  {stored:6.2f} s  {summary}")
    print(f"  import total             {total:6.2f} s  (target <= {TARGET_S:.0f} s)")

    t0 = time.perf_counter()
    again = load_network(gpkg)
    restored, summary = store(f"sqlite:///{db_file}", again)
    print(
        f"  re-import, no changes    {time.perf_counter() - t0:6.2f} s  "
        f"(store {restored:.2f} s: {summary.split(';')[0]} …)"
    )
    if not args.keep:
        for f in folder.iterdir():
            f.unlink()
        folder.rmdir()
    return 0 if total <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
