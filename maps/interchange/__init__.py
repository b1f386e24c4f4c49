"""Importing a network: interchange layers or a pandapower file, read, checked and modelled.

    checked = load_network(Path("district.gpkg"), mapping=Path("mapping.toml"))
    checked.network.model, checked.network.customers, checked.report.warning_lines()

Any problem with the input is an `ops.network.validation.NetworkImportError` (an
`InvalidNetworkError` with the full report when the data itself is wrong);
nothing here writes to a database.
"""

from __future__ import annotations

from pathlib import Path

from maps.interchange.mapping import DEFAULT_MAPPING, ColumnMapping, MappingError, load_mapping
from maps.interchange.writer import export_network, write_network
from ops.network.interchange import NetworkData, gc_paused
from ops.network.validation import (
    CheckedNetwork,
    Findings,
    InvalidNetworkError,
    NetworkImportError,
    ValidationReport,
    check_network,
)

__all__ = [
    "CheckedNetwork",
    "ColumnMapping",
    "MappingError",
    "export_network",
    "load_mapping",
    "load_network",
    "read_network",
    "write_network",
]


def read_network(
    path: Path, mapping: ColumnMapping | Path | None = None, crs: str | None = None
) -> tuple[NetworkData, ValidationReport]:
    """The records in a file and its file-level warnings; file-level errors raise."""
    if path.suffix.lower() == ".json" and path.is_file():
        if mapping is not None:
            raise NetworkImportError(
                "A mapping file describes GIS layers; a pandapower network needs none."
            )
        from maps.interchange.pandapower_json import read_pandapower

        data, report = read_pandapower(path, crs)
    else:
        from maps.interchange.reader import read_layers
        from maps.interchange.records import parse_layers

        if isinstance(mapping, Path):
            mapping = load_mapping(mapping)
        found = Findings()
        frames = read_layers(path, mapping or DEFAULT_MAPPING, crs, found)
        data = parse_layers(frames, mapping or DEFAULT_MAPPING, found)
        report = found.report()
    if not report.ok:
        raise InvalidNetworkError(report)
    return data, report


def load_network(
    path: Path, mapping: ColumnMapping | Path | None = None, crs: str | None = None
) -> CheckedNetwork:
    """Read, check and model a network file (see the module docstring)."""
    with gc_paused():
        data, report = read_network(path, mapping, crs)
        return check_network(data, report)
