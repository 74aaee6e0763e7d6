"""E-mail messages saved as ``.eml`` (Outlook's, Thunderbird's and Apple Mail's "Save as", RFC 5322).

An informant who writes back instead of talking is a source too. The message's body is read: its
plain-text part, else its HTML part as :mod:`makna.importers.html` reads a page, each decoded from its
transfer encoding (quoted-printable, base64) and charset. The headers (``From``, ``To``, ``Cc``,
``Date``, ``Subject``) are left out, with a note naming which: they name the sender and the recipients
by name and address; copy a line into the text if the analysis needs it. Attachments are left out with
a note that counts them (never their file names). A file that is no e-mail message (no ``From``,
``Date`` or ``Subject`` header) is refused with one line.
"""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage, MIMEPart
from pathlib import Path

from ..errors import ImportFormatError
from ..text import normalize_text
from ._base import ImportedText, register

__all__ = ["MEDIA_TYPE", "read_eml"]

MEDIA_TYPE = "message/rfc822"
_HEADERS = ("From", "To", "Cc", "Date", "Subject")


def _part_text(part: MIMEPart) -> str:
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):  # an unknown charset, a broken encoding
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else ""
    return content if isinstance(content, str) else ""


def _body(message: EmailMessage) -> tuple[str, bool]:
    """The message's text and whether it came from an HTML part."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return "", False
    if part.get_content_subtype() == "html":
        from .html import html_to_text

        return html_to_text(_part_text(part)), True
    return _part_text(part), False


@register(".eml")
def read_eml(path: Path, data: bytes) -> ImportedText:
    """Read an ``.eml`` message's body (see the module documentation)."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage):  # (the default policy always builds an EmailMessage)
        raise ImportFormatError(f"{path}: not an e-mail message")
    present = [name for name in _HEADERS if name in message]  # (not parsed: a broken Date is still present)
    if not any(name in present for name in ("From", "Date", "Subject")):
        raise ImportFormatError(f"{path}: not an e-mail message (no From, Date or Subject header)")
    try:
        text, from_html = _body(message)
        attachments = sum(1 for _ in message.iter_attachments())
    except (ValueError, OverflowError, LookupError, TypeError, IndexError) as exc:  # a broken MIME structure
        raise ImportFormatError(f"{path}: not a readable e-mail message ({type(exc).__name__})") from None
    lines = [line.rstrip() for line in normalize_text(text).split("\n")]
    notes = [f"left out the e-mail's headers ({', '.join(present)}): copy a line into the text if it is needed"]
    if from_html:
        notes.append("read the e-mail's HTML part (it has no plain-text part)")
    if attachments:
        notes.append(f"left out {attachments} attachment(s) of the e-mail: import each file on its own")
    return ImportedText(text="\n".join(lines).strip("\n"), media_type=MEDIA_TYPE, notes=notes)
