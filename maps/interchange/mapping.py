"""Column mapping: a utility's own layer names, field names and codes, in a TOML file.

    [layers]                      # interchange layer = the layer's name in the data
    switches = "THIET_BI_DONG_CAT"
    [fields.switches]             # interchange column = the column's name in the data
    switch_id = "MA_TB"
    [codes.kind]                  # device kind = the codes the data uses for it
    recloser = ["REC", "RECLOSER"]
    [codes.normal_open]
    open = ["MO"]
    closed = ["DONG"]

A `[codes.X]` table replaces the built-in codes for X (so a utility whose "1" means closed
is not misread); see resources/interchange/mapping-example.toml for every key.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from maps.interchange.schema import BY_NAME
from ops.network.records import AreaClass, DeviceKind, Priority
from ops.network.validation import NetworkImportError
from ops.toml_reader import ConfigError


class MappingError(NetworkImportError, ConfigError):
    """The mapping file cannot be used as it is."""


def normalise_code(value: object) -> str:
    """A code as compared: trimmed, case-folded, spaces and hyphens as underscores, 1.0 as 1."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"[\s\-]+", "_", str(value).strip().casefold())


def _default_codes(enum: type[StrEnum]) -> dict[str, str]:
    return {normalise_code(member.value): member.value for member in enum}


OPEN_CODES = frozenset({"1", "true", "yes", "open"})
CLOSED_CODES = frozenset({"0", "false", "no", "closed"})


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Where the interchange layers and columns are in one utility's data, and its codes."""

    layers: Mapping[str, str] = field(default_factory=dict)
    fields: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    kinds: Mapping[str, str] = field(default_factory=lambda: _default_codes(DeviceKind))
    priorities: Mapping[str, str] = field(default_factory=lambda: _default_codes(Priority))
    area_classes: Mapping[str, str] = field(default_factory=lambda: _default_codes(AreaClass))
    open_codes: frozenset[str] = OPEN_CODES
    closed_codes: frozenset[str] = CLOSED_CODES
    encoding: str | None = None  # of Shapefile text, when no .cpg file says
    crs: str | None = None  # of layers that have none (the command line's --crs wins)
    source: str = "the built-in names"

    def layer_name(self, layer: str) -> str:
        return self.layers.get(layer, layer)

    def column_name(self, layer: str, column: str) -> str:
        return self.fields.get(layer, {}).get(column, column)


DEFAULT_MAPPING = ColumnMapping()
_TOP_KEYS = {"layers", "fields", "codes", "encoding", "crs"}
_CODE_TABLES: dict[str, type[StrEnum] | None] = {
    "kind": DeviceKind,
    "priority": Priority,
    "area_class": AreaClass,
    "normal_open": None,
}


def load_mapping(path: Path) -> ColumnMapping:
    """Read and check a mapping file; every mistake in it is a `MappingError` naming the key."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise MappingError(f"Cannot read the mapping file {path}: {exc.strerror or exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise MappingError(f"The mapping file {path} is not valid TOML: {exc}") from exc
    return parse_mapping(raw, str(path))


def parse_mapping(raw: Mapping[str, Any], source: str) -> ColumnMapping:
    def fail(text: str) -> MappingError:
        return MappingError(f"Mapping file {source}: {text}")

    unknown = set(raw) - _TOP_KEYS
    if unknown:
        raise fail(f"unknown key(s) {sorted(unknown)}; known: {sorted(_TOP_KEYS)}")
    layers = _string_table(raw.get("layers", {}), "[layers]", fail)
    for layer in layers:
        if layer not in BY_NAME:
            raise fail(f"[layers] {layer!r} is not an interchange layer ({', '.join(BY_NAME)})")
    fields_raw = raw.get("fields", {})
    if not isinstance(fields_raw, dict):
        raise fail("[fields] must be a table of tables, e.g. [fields.switches]")
    fields: dict[str, dict[str, str]] = {}
    for layer, table in fields_raw.items():
        schema = BY_NAME.get(layer)
        if schema is None:
            raise fail(f"[fields.{layer}]: {layer!r} is not an interchange layer")
        fields[layer] = _string_table(table, f"[fields.{layer}]", fail)
        for column in fields[layer]:
            if column not in schema.columns:
                raise fail(
                    f"[fields.{layer}] {column!r} is not a column of {layer} "
                    f"({', '.join(schema.columns)})"
                )
    codes_raw = raw.get("codes", {})
    if not isinstance(codes_raw, dict):
        raise fail("[codes] must be a table of tables, e.g. [codes.kind]")
    for name in codes_raw:
        if name not in _CODE_TABLES:
            raise fail(f"[codes.{name}] is not a coded column ({', '.join(_CODE_TABLES)})")
    mapping = ColumnMapping(layers=layers, fields=fields, source=source)
    kinds = _codes(codes_raw.get("kind"), DeviceKind, "kind", fail) or mapping.kinds
    priorities = _codes(codes_raw.get("priority"), Priority, "priority", fail)
    areas = _codes(codes_raw.get("area_class"), AreaClass, "area_class", fail)
    open_codes, closed_codes = mapping.open_codes, mapping.closed_codes
    if "normal_open" in codes_raw:
        states = _codes(codes_raw["normal_open"], _State, "normal_open", fail) or {}
        open_codes = frozenset(c for c, v in states.items() if v == _State.OPEN)
        closed_codes = frozenset(c for c, v in states.items() if v == _State.CLOSED)
    for key in ("encoding", "crs"):
        if key in raw and not isinstance(raw[key], str):
            raise fail(f"{key} must be a string")
    return ColumnMapping(
        layers=layers,
        fields=fields,
        kinds=kinds,
        priorities=priorities or mapping.priorities,
        area_classes=areas or mapping.area_classes,
        open_codes=open_codes,
        closed_codes=closed_codes,
        encoding=raw.get("encoding"),
        crs=raw.get("crs"),
        source=source,
    )


class _State(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


def _string_table(table: object, where: str, fail: Any) -> dict[str, str]:
    if not isinstance(table, dict):
        raise fail(f"{where} must be a table of names")
    for key, value in table.items():
        if not isinstance(value, str) or not value:
            raise fail(f"{where} {key} must be a non-empty string, not {value!r}")
    return dict(table)


def _codes(table: object, enum: type[StrEnum], name: str, fail: Any) -> dict[str, str] | None:
    if table is None:
        return None
    if not isinstance(table, dict):
        raise fail(f"[codes.{name}] must be a table: value = [codes…]")
    known = {m.value for m in enum}
    out: dict[str, str] = {}
    for value, codes in table.items():
        if value not in known:
            raise fail(f"[codes.{name}] {value!r} is not one of {', '.join(sorted(known))}")
        for code in codes if isinstance(codes, list) else [codes]:
            if not isinstance(code, str | int | float) or isinstance(code, bool):
                raise fail(f"[codes.{name}] {value}: codes are strings or numbers, not {code!r}")
            key = normalise_code(code)
            if out.get(key, value) != value:
                raise fail(f"[codes.{name}] code {code!r} is given for both {out[key]} and {value}")
            out[key] = value
    return out
