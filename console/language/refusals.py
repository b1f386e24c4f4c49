"""A domain refusal in the dispatcher's language, from its message shape and its values.

A refusal carries the English shape of its message (`"outage {reference} is {status}"`) and
the values that fill it (`ops.errors`). The console translates the shape (context "Refusal"
in resources/translations/console_vi.ts) and fills it with the values written in the
interface language (`ops.wording.refusals`: statuses, roles and deadline kinds by their
labels, times as `HH:MM dd/mm`). English shows the shape as it is.

`SHAPES` lists every shape the services and repositories raise, so that lupdate puts each
in the translation file; tests/gui/test_refusals.py holds every raise site to this list and
every entry to a finished translation. A new refusal: write its shape literally at the raise
site with its values as keywords, add the shape here, run scripts/update_translations.sh and
translate it.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from console.language.translators import interface_language
from ops.errors import DomainError
from ops.wording.refusals import render

_LISTED = (
    QT_TRANSLATE_NOOP("Refusal", "{code} is not a cause category of the policy profile"),
    QT_TRANSLATE_NOOP("Refusal", "the cause of outage {reference} is {cause} already"),
    QT_TRANSLATE_NOOP(
        "Refusal",
        "a password needs at least {min_length} characters, not only digits, and not the user name",
    ),
    QT_TRANSLATE_NOOP("Refusal", "an account needs a user name"),
    QT_TRANSLATE_NOOP("Refusal", "administrators cannot take their own rights away"),
    QT_TRANSLATE_NOOP("Refusal", "administrators cannot disable their own account"),
    QT_TRANSLATE_NOOP(
        "Refusal",
        "{username} is the last active administrator: make another account administrator first",
    ),
    QT_TRANSLATE_NOOP("Refusal", "no account {username}"),
    QT_TRANSLATE_NOOP("Refusal", "the present password is not right"),
    QT_TRANSLATE_NOOP("Refusal", "the account {username} is disabled"),
    QT_TRANSLATE_NOOP("Refusal", "a {role} may not {permission}"),
    QT_TRANSLATE_NOOP("Refusal", "latitude and longitude must be numbers"),
    QT_TRANSLATE_NOOP("Refusal", "position 0,0 (the tracker has no GPS fix)"),
    QT_TRANSLATE_NOOP(
        "Refusal",
        "latitude {lat}, longitude {lon} is outside Vietnam (latitude "
        "{lat_min}–{lat_max}, longitude {lon_min}–{lon_max})",
    ),
    QT_TRANSLATE_NOOP("Refusal", "{crew} has a newer position already ({at}); enter a later time"),
    QT_TRANSLATE_NOOP("Refusal", "a position reported for {at} lies in the future"),
    QT_TRANSLATE_NOOP("Refusal", "crew {crew_id} does not exist"),
    QT_TRANSLATE_NOOP("Refusal", "vehicle {vehicle} is no longer {crew}'s; read the file again"),
    QT_TRANSLATE_NOOP(
        "Refusal",
        "crew id {quoted} must be 1-32 letters, digits, dots, dashes or underscores",
    ),
    QT_TRANSLATE_NOOP("Refusal", "crew {crew_id} needs a name of at most {max} characters"),
    QT_TRANSLATE_NOOP("Refusal", "{crew} names the same shift twice"),
    QT_TRANSLATE_NOOP("Refusal", "the phone number {phone} of {whose} is not a phone number"),
    QT_TRANSLATE_NOOP(
        "Refusal",
        "{whose} works a shift starting {start}, which is not one of {starts}",
    ),
    QT_TRANSLATE_NOOP("Refusal", "another crew is already named {name} ({crew_id})"),
    QT_TRANSLATE_NOOP("Refusal", "crew id {crew_id} is already in use"),
    QT_TRANSLATE_NOOP("Refusal", "{crew} is retired already"),
    QT_TRANSLATE_NOOP("Refusal", "release {crew} from its outages before retiring it"),
    QT_TRANSLATE_NOOP("Refusal", "a member of {crew} has no name"),
    QT_TRANSLATE_NOOP("Refusal", "outage {reference} is {status}"),
    QT_TRANSLATE_NOOP("Refusal", "{crew} is already assigned to outage {reference}"),
    QT_TRANSLATE_NOOP("Refusal", "{crew} is not assigned to outage {reference}"),
    QT_TRANSLATE_NOOP("Refusal", "release {crew} from its outages to make it free"),
    QT_TRANSLATE_NOOP("Refusal", "assign {crew} to an outage first"),
    QT_TRANSLATE_NOOP("Refusal", "outage {reference} is {status}: no ETR to give"),
    QT_TRANSLATE_NOOP("Refusal", "an ETR must lie in the future"),
    QT_TRANSLATE_NOOP(
        "Refusal",
        "plan {reference} is {plan_status}, only a draft can be approved",
    ),
    QT_TRANSLATE_NOOP("Refusal", "plan {reference} starts in the past: move its window first"),
    QT_TRANSLATE_NOOP("Refusal", "the new window starts in the past"),
    QT_TRANSLATE_NOOP(
        "Refusal",
        "plan {reference} is {plan_status}: it cannot be reported finished",
    ),
    QT_TRANSLATE_NOOP(
        "Refusal",
        "plan {reference}: the first notice cannot meet the lead time (short "
        "{shortfall}); the window touches {periods}. Give an override reason to go on.",
    ),
    QT_TRANSLATE_NOOP(
        "Refusal",
        "plan {reference} is {plan_status}: only an approved plan can change",
    ),
    QT_TRANSLATE_NOOP(
        "Refusal",
        "plan {reference}: the window touches {periods}. Give an override reason to go on.",
    ),
    QT_TRANSLATE_NOOP(
        "Refusal",
        "plan {reference}: the first notice cannot meet the lead time (short "
        "{shortfall}). Give an override reason to go on.",
    ),
    QT_TRANSLATE_NOOP("Refusal", "device operations must be applied in time order"),
    QT_TRANSLATE_NOOP("Refusal", "{device} is not a switching device"),
    QT_TRANSLATE_NOOP("Refusal", "{device} is already open"),
    QT_TRANSLATE_NOOP("Refusal", "{device} is already closed"),
    QT_TRANSLATE_NOOP("Refusal", "the log opens {device}, but it is not open now"),
    QT_TRANSLATE_NOOP("Refusal", "outage {outage_id} does not exist"),
    QT_TRANSLATE_NOOP(
        "Refusal",
        "outage {reference} was changed by someone else; look at its present state and try again",
    ),
    QT_TRANSLATE_NOOP(
        "Refusal",
        "crew {crew} was changed by someone else; look at its present state and try again",
    ),
    QT_TRANSLATE_NOOP(
        "Refusal",
        "that time is in the future; field reports are entered after the fact",
    ),
    QT_TRANSLATE_NOOP(
        "Refusal",
        "a journal entry cannot record something that has not happened yet",
    ),
    QT_TRANSLATE_NOOP("Refusal", "a {kind} entry needs text"),
    QT_TRANSLATE_NOOP(
        "Refusal",
        "a correction names the entry it corrects, and only a correction does",
    ),
    QT_TRANSLATE_NOOP("Refusal", "a journal entry needs the user who entered it"),
    QT_TRANSLATE_NOOP(
        "Refusal",
        "an outage that is {current} cannot become {new} (allowed next: {allowed})",
    ),
    QT_TRANSLATE_NOOP("Refusal", "an outage can be closed only with its cause"),
    QT_TRANSLATE_NOOP("Refusal", "cancelling an outage needs a reason"),
    QT_TRANSLATE_NOOP(
        "Refusal",
        "a crew that is {current} cannot become {new} (allowed next: {allowed})",
    ),
    QT_TRANSLATE_NOOP(
        "Refusal",
        "an outage that is {current} cannot become {new} (allowed next: none)",
    ),
    QT_TRANSLATE_NOOP("Refusal", "journal entry {entry_id} does not exist"),
    QT_TRANSLATE_NOOP("Refusal", "breach reasons are recorded on outages"),
    QT_TRANSLATE_NOOP("Refusal", "the {deadline} deadline is {state}, not breached"),
    QT_TRANSLATE_NOOP("Refusal", "only opening and closing change the model"),
    QT_TRANSLATE_NOOP("Refusal", "confirm outage {reference} before switching for it"),
    QT_TRANSLATE_NOOP("Refusal", "release the crews of outage {reference} first ({crews})"),
    QT_TRANSLATE_NOOP("Refusal", "no network element {element}"),
    QT_TRANSLATE_NOOP("Refusal", "plan {reference} was changed by someone else: reload it"),
    QT_TRANSLATE_NOOP("Refusal", "planned interruption {plan_id} does not exist"),
    QT_TRANSLATE_NOOP("Refusal", "the user name {username} is taken"),
    QT_TRANSLATE_NOOP("Refusal", "account {username} was changed by someone else"),
    QT_TRANSLATE_NOOP(
        "Refusal",
        "{device} was operated by someone else; look at its present state",
    ),
    QT_TRANSLATE_NOOP("Refusal", "no switching device {device}"),
    QT_TRANSLATE_NOOP("Refusal", "position file refused, nothing recorded: {problems}"),
    QT_TRANSLATE_NOOP("Refusal", "and {n} more"),
    QT_TRANSLATE_NOOP("Refusal", "the file is empty (expected a header line)"),
    QT_TRANSLATE_NOOP(
        "Refusal",
        "line 1: the header must name vehicle (or crew_id), latitude, longitude and "
        "timestamp; it is {header}",
    ),
    QT_TRANSLATE_NOOP("Refusal", "line {line}: {fields} fields, the header has {expected}"),
    QT_TRANSLATE_NOOP("Refusal", "line {line}: {problem}"),
    QT_TRANSLATE_NOOP("Refusal", "no vehicle or crew named"),
    QT_TRANSLATE_NOOP("Refusal", "latitude {lat} / longitude {lon} is not a number"),
    QT_TRANSLATE_NOOP("Refusal", "{key}: {problem}"),
    QT_TRANSLATE_NOOP("Refusal", "{key}: timestamp {timestamp} is not an ISO 8601 time"),
    QT_TRANSLATE_NOOP("Refusal", "{key}: timestamp {timestamp} is in the future"),
    QT_TRANSLATE_NOOP("Refusal", "line {line}: unknown crew {key}"),
    # Refused by the console itself.
    QT_TRANSLATE_NOOP("Refusal", "{file} is the console's database, not a position file"),
    QT_TRANSLATE_NOOP("Refusal", "{file} is not UTF-8 text ({reason})"),
)

SHAPES: tuple[str, ...] = tuple(str(shape) for shape in _LISTED)


def refusal_text(refusal: DomainError | str) -> str:
    """What the dispatcher reads, in the interface language.

    A bare message (a refusal made before shapes, or text from elsewhere) is shown as it is."""
    if isinstance(refusal, str):
        return refusal
    shape = QCoreApplication.translate("Refusal", refusal.shape)
    return render(shape, _translated(refusal.params), interface_language())


def _translated(params: Mapping[str, object]) -> dict[str, object]:
    """The values, with a refusal inside a refusal (a file's bad lines) translated too."""
    out: dict[str, object] = {}
    for name, value in params.items():
        if isinstance(value, DomainError):
            out[name] = _inner(value)
        elif isinstance(value, tuple) and value and all(isinstance(v, DomainError) for v in value):
            out[name] = "; ".join(_inner(v) for v in value)
        else:
            out[name] = value
    return out


def _inner(refusal: DomainError) -> str:
    """A refusal as part of a sentence: no full stop, no capital (unless a name starts it)."""
    text = refusal_text(refusal).rstrip(".")
    starts_with_a_value = QCoreApplication.translate("Refusal", refusal.shape).startswith("{")
    return text if starts_with_a_value or not text else text[0].lower() + text[1:]
