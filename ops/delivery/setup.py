"""What sending notices needs, made from the settings: the policy, the sender, the channels.

Shared by the console's scheduler and `main.py send-notices`, so both send the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ops.clock import Clock, SystemClock
from ops.delivery.base import Channel
from ops.delivery.config import NoticeSettings
from ops.delivery.csv_export import CsvExportChannel
from ops.delivery.http_sms import HttpSmsGateway
from ops.delivery.letter_channel import LetterChannel
from ops.delivery.smtp import SmtpChannel
from ops.notices.content import Sender
from ops.notices.recipients import ChannelKind
from ops.notices.rules import NoticePolicy
from ops.notices.templates import NoticeTemplates, load_templates
from ops.policy import Policy
from ops.settings import Settings, config_dir, data_dir


@dataclass(frozen=True, slots=True)
class DeliverySetup:
    policy: NoticePolicy
    sender: Sender
    templates: NoticeTemplates
    notices: NoticeSettings
    export_folder: Path

    def channels(
        self, settings: Settings, clock: Clock | None = None
    ) -> dict[ChannelKind, Channel]:
        """A fresh set of channels (one user at a time: each dispatcher gets its own).

        E-mail and SMS only when their settings are there; a message for a channel that is
        not configured fails with a reason that says so, and is retried.
        """
        clock = clock or SystemClock()
        channels: dict[ChannelKind, Channel] = {
            ChannelKind.CSV: CsvExportChannel(self.export_folder / "csv", clock),
            ChannelKind.LETTER: LetterChannel(self.export_folder / "letters"),
        }
        if settings.smtp is not None:
            channels[ChannelKind.EMAIL] = SmtpChannel(settings.smtp, clock)
        if settings.sms_gateway is not None:
            channels[ChannelKind.SMS] = HttpSmsGateway(settings.sms_gateway)
        return channels


def delivery_setup(settings: Settings, profile: Policy) -> DeliverySetup:
    """The installation's notice policy (profile + [notices]), sender and templates.

    Templates edited by the office (`notices/templates` in the configuration folder) are
    used when there, otherwise the built-in ones.
    """
    notices = settings.notices or NoticeSettings()
    policy = notices.policy(NoticePolicy.from_profile(profile))
    sender = Sender(
        company=settings.company_name, office=settings.office_name, hotline=notices.hotline
    )
    edited = config_dir() / "notices" / "templates"
    templates = load_templates(edited) if edited.is_dir() else load_templates()
    folder = Path(notices.export_folder) if notices.export_folder else data_dir() / "notices"
    return DeliverySetup(policy, sender, templates, notices, folder)
