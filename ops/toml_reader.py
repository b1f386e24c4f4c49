"""The one way the program reads a TOML table it is configured by (settings, policy profiles,
blackout calendars): typed readers that refuse a `true` for a number, errors that name the
file and the key, and every key nobody asked for reported as unknown.

A table is read key by key, then `done()`; a key the program did not ask for is a misspelling
until proven otherwise. Two ways of naming a key in a message: settings tables say
`settings.toml [smtp] 'port' must be…`, policy files say `gb.toml: etr.road_factor: must be…`.
"""

from __future__ import annotations

import tomllib
from datetime import date, datetime, time, timedelta
from difflib import get_close_matches
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")


class ConfigError(ValueError):
    """A configuration file the program cannot use; the message names the file and the key."""


def load_toml(path: Path, error: type[ConfigError], what: str = "the file") -> dict[str, Any]:
    """The parsed file, or `error` naming the file and what is wrong with it."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path}: cannot read {what}: not valid TOML ({exc})") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path}: cannot read {what} ({exc})") from exc


class TomlTable:
    """One TOML table, read key by key; keys nobody asked for are reported by `done()`."""

    def __init__(
        self,
        data: object,
        source: str | Path,
        error: type[ConfigError] = ConfigError,
        *,
        where: str = "",
        quoted: bool = False,
    ) -> None:
        """`source` names the file (and the table, "settings.toml [smtp]"); `where` is the
        dotted path of a nested table ("etr."); `quoted` names keys 'so' instead of dotted."""
        self.source, self.error, self.where, self.quoted = str(source), error, where, quoted
        if not isinstance(data, dict):
            raise error(f"{self.source}: {where.rstrip('.') or 'the file'} must be a table")
        self.data: dict[str, Any] = data
        self.seen: set[str] = set()

    @classmethod
    def of_file(
        cls, path: Path, error: type[ConfigError], what: str = "the file", *, quoted: bool = False
    ) -> TomlTable:
        """The top table of a TOML file."""
        return cls(load_toml(path, error, what), path, error, quoted=quoted)

    def fail(self, key: str, problem: str) -> ConfigError:
        if self.quoted:
            return self.error(f"{self.source}: {self.where}'{key}' {problem}")
        return self.error(f"{self.source}: {self.where}{key}: {problem}")

    def __contains__(self, key: str) -> bool:
        return key in self.data

    def raw(self, key: str, default: object = None) -> Any:
        self.seen.add(key)
        return self.data.get(key, default)

    def _value(self, key: str, what: str, default: object) -> Any:
        self.seen.add(key)
        if key in self.data:
            return self.data[key]
        if default is None:
            near = get_close_matches(key, [k for k in self.data if k not in self.seen], 1)
            hint = f"; is {near[0]!r} a misspelling? (an unknown key)" if near else ""
            raise self.fail(key, f"is missing (expected {what}){hint}" if self.quoted else
                            f"missing (expected {what}){hint}")  # fmt: skip
        return default

    def wrong(self, key: str, what: str, value: object) -> ConfigError:
        verb = "must be" if self.quoted else "expected"
        return self.fail(key, f"{verb} {what}, found {value!r}")

    def text(self, key: str, default: str | None = None, *, empty: bool = False) -> str:
        value = self._value(key, "text", default)
        if not isinstance(value, str):
            raise self.wrong(key, "text", value)
        if not empty and not value.strip():
            raise self.fail(key, "must not be empty")
        return value

    def optional_text(self, key: str) -> str | None:
        """Text if the key is there, else None."""
        if key not in self.data:
            self.seen.add(key)
            return None
        return self.text(key, empty=True)

    def number(
        self,
        key: str,
        *,
        low: float | None = None,
        high: float | None = None,
        above: float | None = None,
        whole: bool = False,
        default: float | None = None,
        what: str = "a number",
    ) -> float:
        """A number (never a `true`: bool is an int in Python) within the bounds given."""
        value = self._value(key, what, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.wrong(key, what, value)
        if whole and value != int(value):
            if what != "a number":
                raise self.wrong(key, what, value)
            raise self.fail(key, "must be a whole number")
        outside = (
            (low is not None and value < low)
            or (high is not None and value > high)
            or (above is not None and value <= above)
        )
        if outside:
            if what != "a number":
                raise self.wrong(key, what, value)
            if low is not None and high is not None:
                raise self.fail(key, f"must be between {low:g} and {high:g}, found {value:g}")
            bound = f"at least {low:g}" if low is not None else f"above {above:g}"
            raise self.fail(key, f"must be {bound}, found {value:g}")
        return float(value)

    def whole(self, key: str, **bounds: Any) -> int:
        return int(self.number(key, whole=True, **bounds))

    def hours(self, key: str, *, default: float | None = None) -> timedelta:
        """A duration written in hours, up to a year."""
        return timedelta(hours=self.number(key, low=0.0, high=24 * 365, default=default))

    def flag(self, key: str, default: bool | None = None) -> bool:
        value = self._value(key, "true or false", default)
        if not isinstance(value, bool):
            raise self.wrong(key, "true or false", value)
        return value

    def choice(self, key: str, enum: type[E], default: E | None = None) -> E:
        value = self._value(key, "text", None if default is None else default.value)
        if isinstance(value, str) and value in enum._value2member_map_:
            return enum(value)
        allowed = ", ".join(e.value for e in enum)
        raise self.fail(key, f"must be one of {allowed}, found {value!r}")

    def numbers(self, key: str, *, above: float, what: str) -> tuple[float, ...]:
        value = self._value(key, what, ())
        if not isinstance(value, list) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) and v > above for v in value
        ):
            raise self.wrong(key, what, value)
        return tuple(float(v) for v in value)

    def texts(self, key: str, what: str = "a list of text") -> list[str]:
        value = self._value(key, what, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.wrong(key, what, value)
        return value

    def text_table(self, key: str) -> dict[str, str]:
        value = self._value(key, "a table of text values", {})
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise self.wrong(key, "a table of text values", value)
        return dict(value)

    def day(self, key: str, default: date | None = None, *, what: str = "a date") -> date:
        value = self._value(key, what, default)
        if not isinstance(value, date) or isinstance(value, datetime):
            raise self.wrong(key, what, value)
        return value

    def clock(self, key: str) -> time:
        value = self.text(key)
        try:
            return time.fromisoformat(value)
        except ValueError:
            raise self.wrong(key, "a time like 21:00", value) from None

    def table(self, key: str, *, required: bool = True) -> TomlTable | None:
        self.seen.add(key)
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.fail(key, "missing (expected a table)")
            return None
        if not isinstance(value, dict):
            raise self.fail(key, "expected a table")
        return self._nested(
            value, f"{self.where}[{key}] " if self.quoted else f"{self.where}{key}."
        )

    def tables(self, key: str) -> list[TomlTable]:
        self.seen.add(key)
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(key, f"expected a list of tables ([[{key}]])")
        where = "{}{} {}: " if self.quoted else "{}{}[{}]."
        return [self._nested(v, where.format(self.where, key, i + 1 if self.quoted else i))
                for i, v in enumerate(value)]  # fmt: skip

    def _nested(self, value: dict[str, Any], where: str) -> TomlTable:
        return TomlTable(value, self.source, self.error, where=where, quoted=self.quoted)

    def done(self, what: str = "key") -> None:
        """Refuse the keys nobody asked for, all of them named."""
        unknown = sorted(set(self.data) - self.seen)
        if not unknown:
            return
        if not self.quoted and len(unknown) == 1:
            raise self.fail(unknown[0], f"unknown {what} (misspelt?)")
        known = ", ".join(sorted(self.seen))
        raise self.error(
            f"{self.source}: {self.where}unknown {what}(s) {', '.join(unknown)} (misspelt?); "
            f"known: {known}"
        )
