"""`seed-demo`: the demo district, for training and trying the console out."""

from __future__ import annotations

import argparse

from cli.common import CommandError, Context, seed_demo_district


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    seed = sub.add_parser("seed-demo", help="create or refresh the demo district database")
    seed.add_argument("--force", action="store_true", help="replace even a non-demo database")
    seed.set_defaults(run=seed_demo)


def seed_demo(ctx: Context) -> int:
    db = ctx.open_database()
    site = db.site_settings()
    if site and site.get("is_demo") != "1" and not ctx.args.force:
        raise CommandError(
            "This database holds a real district (it is not marked as demo data); seed-demo "
            "would replace it. Give --force if that is really what you want."
        )
    seed_demo_district(db)
    return 0
