"""Outage-operations console: the entry point and composition root.

python main.py                      open the console window
python main.py seed-demo            create or refresh the demo district
python main.py export-map --out F   write the map as one offline HTML file
python main.py import-network PATH  import or re-import the network (GIS layers or pandapower)
python main.py --help               every command (they live in cli/, one module per group)

Only this module joins the command line to the console (Qt): the window, and the PDF printer
the reports use.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import cli

if TYPE_CHECKING:
    from ops.reports.document import ReportDocument


def open_console(ctx: cli.Context) -> int:
    """The window on the chosen database (the demo district on the embedded file's first start)."""
    policy = ctx.policy()
    db = ctx.open_database(create_demo=True)
    from console.app import run_console

    return run_console(db, language=ctx.args.lang or ctx.settings.language, policy=policy)


def write_pdf(doc: ReportDocument, out: Path) -> int:
    """A report as PDF through Qt's printer (no window); its pages."""
    from console.reports.printing import ensure_gui_application
    from console.reports.printing import write_pdf as print_pdf

    ensure_gui_application()
    return print_pdf(doc, out)


def main(argv: Sequence[str] | None = None) -> int:
    with cli.closed_pipe_ends_quietly():
        args = cli.parse(argv)
        logging.basicConfig(
            level=logging.DEBUG if args.verbose else logging.INFO,
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        )
        if not args.verbose:
            logging.getLogger("alembic").setLevel(logging.WARNING)
        return cli.run(args, args.run or open_console, write_pdf=write_pdf)


if __name__ == "__main__":
    sys.exit(main())
