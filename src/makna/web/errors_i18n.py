"""The core's English error messages in the interface language (issue 13).

The core library speaks English (its errors are one line on the command line). Where the workbench
shows such a line, :func:`translate_error` matches it against the patterns below and gives the
translated message with the same names and numbers filled in; a message without a pattern stays as
the core wrote it. The msgids are in the catalogues like every other interface text.
"""

from __future__ import annotations

import re

from ..access import PERMISSION_TEXTS, ROLES
from ..server.invitations import DEAD_LINK_MESSAGES
from .i18n import translations

__all__ = ["PATTERNS", "MESSAGES", "translate_error", "translate_note", "unit_label", "key_refusal", "KEY_REFUSAL",
           "NOTE_PARTS"]

PATTERNS: tuple[tuple[str, str], ...] = (
    (r"unknown code '[^']*': '(?P<name>[^']*)' was deleted by (?P<actor>\S+); .*",
     "code %(name)s was deleted by %(actor)s: the codebook changed since this page read it; reload the page"),
    (r"unknown code '[^']*': '(?P<name>[^']*)' was merged into '(?P<target>[^']*)' by (?P<actor>\S+); .*",
     "code %(name)s was merged into '%(target)s' by %(actor)s: the codebook changed since this page read it; "
     "reload the page"),
    (r"unknown code '[^']*': '(?P<name>[^']*)' was split into (?P<parts>.+) by (?P<actor>\S+); .*",
     "code %(name)s was split into %(parts)s by %(actor)s: the codebook changed since this page read it; reload the "
     "page"),
    (r"segment '(?P<segment>[^']*)' is not coded with '(?P<code>[^']*)': nothing split",
     "segment %(segment)s is not coded with '%(code)s': nothing was split"),
    (r"search '(?P<text>.*)' finds none of the codings of '(?P<code>[^']*)': nothing split",
     "the search '%(text)s' finds none of the codings of '%(code)s': nothing was split"),
    (r"segment '(?P<segment>[^']*)' is chosen for both '(?P<a>[^']*)' and '(?P<b>[^']*)': nothing split",
     "segment %(segment)s is chosen for both '%(a)s' and '%(b)s': nothing was split"),
    (r"(?P<n>\d+) coding\(s\) of '(?P<code>[^']*)' are chosen for no new code: .*",
     "%(n)s coding(s) of '%(code)s' are chosen for no new code: choose them, or keep the code: nothing was split"),
    (r"a new code cannot go under '(?P<code>[^']*)' when it is removed .*",
     "a new code cannot go under '%(code)s' when it is deleted: nothing was split"),
    (r"new code '(?P<code>[^']*)': choose its codings .*", "new code '%(code)s': choose its codings"),
    (r"new code '(?P<code>[^']*)' is named twice", "new code '%(code)s' is named twice"),
    (r"code '(?P<name>[^']*)' was changed by (?P<actor>\S+) since you read it \(now version (?P<now>\d+), your "
     r"copy is version (?P<mine>\w+)\); .*",
     "code %(name)s was changed by %(actor)s since you read it (now version %(now)s, your copy is version "
     "%(mine)s): nothing was saved; reload it and make your change again"),
    (r"case '(?P<name>[^']*)' was changed by (?P<actor>\S+) since you read it \(now version (?P<now>\d+), your "
     r"copy is version (?P<mine>\w+)\); .*",
     "case %(name)s was changed by %(actor)s since you read it (now version %(now)s, your copy is version "
     "%(mine)s): nothing was saved; reload it and make your change again"),
    (r"this coding carries a memo by (?P<actor>.+): removing it would delete that memo; .*",
     "this coding carries a memo by %(actor)s: removing it would delete that memo; ask them to move or delete it "
     "first (nothing was removed)"),
    (r"unknown memo '(?P<name>[^']*)'.*", "unknown memo %(name)s: it was deleted meanwhile; reload the page"),
    (r"no turn of speaker '(?P<name>[^']*)' in .*",
     "no turn of speaker %(name)s in these sources: nothing was removed"),
    (r"type the participant's speaker label again to confirm the withdrawal",
     "type the participant's speaker label again to confirm the withdrawal"),
    (r"her turns are de-identified: .*\(type the passphrase of the project's key, which this server keeps, in the "
     r"form\)", "her turns are de-identified: type the passphrase of the project's key, which this server keeps, so "
     "that her originals leave it too"),
    (r"(her turns are de-identified: .*|a passphrase was given, but )\(?this server keeps no key of this project: .*",
     "this server keeps no key of this project: its administrator starts it with 'makna server run --key-dir DIR' and "
     "de-identifies on the De-identify page; a project de-identified on the command line is withdrawn there (makna "
     "sources withdraw SPEAKER --purge --key FILE)"),
    (r"wrong passphrase, or the key file has been altered", "wrong passphrase, or the key file has been altered"),
    (r"her turns are de-identified: .*", "her turns are de-identified: withdraw her on the command line with the "
     "project's key (makna sources withdraw SPEAKER --purge --key FILE), so that her originals leave it too"),
    (r"unknown code '(?P<name>[^']*)'.*", "unknown code %(name)s"),
    (r"unknown case '(?P<name>[^']*)'.*", "unknown case %(name)s"),
    (r"unknown coder '(?P<name>[^']*)'.*", "unknown coder %(name)s"),
    (r"unknown attribute '(?P<name>[^']*)'.*", "unknown attribute %(name)s"),
    (r"unknown source '(?P<name>[^']*)'.*", "unknown source %(name)s"),
    (r"attribute '(?P<name>[^']*)': '(?P<value>[^']*)' is not a valid (?P<type>\w+)",
     "attribute %(name)s: %(value)s is not a valid %(type)s"),
    (r"choose the first coder before comparing with a second one",
     "choose the first coder before comparing with a second one"),
    (r"attribute '(?P<name>[^']*)': choose a value to compare with",
     "attribute %(name)s: choose a value to compare with"),
    (r"no code to compare: .*", "no code to compare: the compared coders applied no code in the chosen sources"),
    (r"no source was coded by two or more of the compared coders.*",
     "no source was coded by two or more of the compared coders: nothing to compare"),
    (r"the compared sources hold no (?P<unit>\w+) units", "the compared sources hold no %(unit)s units"),
    # why a source was left out of an agreement (makna.agreement.project_units), after its name
    (r"coded by (?P<name>.+) only", "coded by %(name)s only"),
    (r"no compared coder coded it", "no compared coder coded it"),
    # what an importer left out or assumed (makna.importers: ImportedText.notes), shown after an upload
    (r"the page header \((?P<n>\d+) characters\) is not imported: .*",
     "the page header (%(n)s characters) is not imported: copy what it says into the body if the transcript "
     "needs it (and de-identify it there)"),
    (r"the page footer \((?P<n>\d+) characters\) is not imported: .*",
     "the page footer (%(n)s characters) is not imported: copy what it says into the body if the transcript "
     "needs it (and de-identify it there)"),
    (r"left out (?P<n>\d+) comment\(s\) of the document \((?P<size>\d+) characters\): .*",
     "left out %(n)s comment(s) of the document (%(size)s characters): copy what they say into the body if the "
     "transcript needs it (and de-identify it there)"),
    (r"left out (?P<n>\d+) footnote\(s\) of the document \((?P<size>\d+) characters\): .*",
     "left out %(n)s footnote(s) of the document (%(size)s characters): copy what they say into the body if the "
     "transcript needs it (and de-identify it there)"),
    (r"left out (?P<n>\d+) endnote\(s\) of the document \((?P<size>\d+) characters\): .*",
     "left out %(n)s endnote(s) of the document (%(size)s characters): copy what they say into the body if the "
     "transcript needs it (and de-identify it there)"),
    (r"WhatsApp dates are ambiguous \(no day over 12\): read as day/month",
     "WhatsApp dates are ambiguous (no day over 12): read as day/month"),
    (r"left out (?P<n>\d+) WhatsApp system line\(s\)", "left out %(n)s WhatsApp system line(s)"),
    (r"(?P<n>\d+) attached file name\(s\) replaced by their kind .*",
     "%(n)s attached file name(s) replaced by their kind ([photo], [file] ...): a name holds the date and time it "
     "was sent or a document's title"),
    (r"left out the Telegram chat's title \(the page header\)", "left out the Telegram chat's title (the page header)"),
    (r"left out the Telegram chat's name", "left out the Telegram chat's name"),
    (r"left out (?P<n>\d+) Telegram service message\(s\)", "left out %(n)s Telegram service message(s)"),
    (r"read (?P<n>\d+) Telegram export pages in order", "read %(n)s Telegram export pages in order"),
    (r"(?P<n>\d+) Telegram message\(s\) continue a sender on an earlier page: .*",
     "%(n)s Telegram message(s) continue a sender on an earlier page: import the export's folder or .zip to keep "
     "its pages together"),
    (r"(?P<n>\d+) Telegram message\(s\) without a readable date, kept without a timestamp.*",
     "%(n)s Telegram message(s) without a readable date, kept without a timestamp"),
    (r"decoded as (?P<encoding>[\w-]+)", "decoded as %(encoding)s"),
    # what a survey import chose and assumed (makna.importers.survey), shown after an upload
    (r"id column: none \(respondent-N\)", "id column: none (respondent-N)"),
    (r"id column: (?P<column>.+)", "id column: %(column)s"),
    (r"open answers: (?P<columns>.+)", "open answers: %(columns)s"),
    (r"attributes: none", "attributes: none"),
    (r"attributes: (?P<columns>.+)", "attributes: %(columns)s"),
    (r"read the first sheet, '(?P<sheet>.*)'", "read the first sheet, '%(sheet)s'"),
    (r"(?P<n>\d+) formula cell\(s\): their saved values were read, no formula was evaluated",
     "%(n)s formula cell(s): their saved values were read, no formula was evaluated"),
    (r"(?P<n>\d+) row\(s\) with no open answer left out", "%(n)s row(s) with no open answer left out"),
    (r"cells separated by (?P<delimiter>.+)", "cells separated by %(delimiter)s"),
    (r"(?P<file>.+): not a survey \((?P<why>.*)\)", "%(file)s: not a survey (%(why)s)"),
    # the survey's columns chosen on the import page (teamtrust25; the CLI's --survey-id / --survey-answers)
    (r"(?P<file>.+): (?P<option>--survey-id|--survey-answers) (?P<wanted>.+): no such column "
     r"\(columns: (?P<columns>.*)\)",
     "%(file)s: %(option)s %(wanted)s: no such column (columns: %(columns)s)"),
    (r"the survey's id and answer columns need exactly one survey file \(\.csv or \.xlsx\) in the upload",
     "the survey's id and answer columns need exactly one survey file (.csv or .xlsx) in the upload"),
    (r"the open answers' columns: name at least one column", "the open answers' columns: name at least one column"),
    (r"left out the e-mail's headers \((?P<names>[A-Za-z, ]+)\): copy a line into the text if it is needed",
     "left out the e-mail's headers (%(names)s): copy a line into the text if it is needed"),
    (r"read the e-mail's HTML part \(it has no plain-text part\)",
     "read the e-mail's HTML part (it has no plain-text part)"),
    (r"left out (?P<n>\d+) attachment\(s\) of the e-mail: import each file on its own",
     "left out %(n)s attachment(s) of the e-mail: import each file on its own"),
    (r"threshold (?P<value>.*): expected a share of the unit in \(0, 1\]",
     "threshold %(value)s: expected a share of the unit in (0, 1]"),
    (r"a threshold does not apply to character units", "a threshold does not apply to character units"),
    (r"threshold '(?P<value>.*)': not a number", "threshold %(value)s: not a number"),
    (r"segment \S+ was coded by '(?P<name>[^']*)': only that coder may change or remove it.*",
     "this coding was made by %(name)s: only that coder may change or remove it"),
    (r"a coding duplicates an existing one.*", "this coding exists already (same span, code and coder)"),
    (r"the changed coding duplicates an existing one.*", "this coding exists already (same span, code and coder)"),
    (r"span (?P<start>\d+):(?P<end>\d+) is outside.*", "span %(start)s:%(end)s is outside the source"),
    (r"code '(?P<name>[^']*)' exists already", "code %(name)s exists already"),
    (r"nothing to undo.*", "nothing to undo"),
    (r"nothing to redo.*", "nothing to redo"),
    (r"the key file (?P<path>.+) is inside the project's folder (?P<folder>.+): whoever gets a copy of the folder "
     r"gets the key", "the key file %(path)s is inside the project's folder %(folder)s: whoever gets a copy of the "
     "folder gets the key"),
    (r"the key file (?P<path>.+) is in (?P<folder>.+), which is synced or versioned with the project: every copy "
     r"of it holds the key", "the key file %(path)s is in %(folder)s, which is synced or versioned with the "
     "project: every copy of it holds the key"),
    (r"the key passphrase is shorter than (?P<n>\d+) characters",
     "the key passphrase is shorter than %(n)s characters"),
    (r"(?P<n>\d+) field value\(s\) added or edited since the last scan were left as they are \((?P<fields>.*)\): "
     r"run 'makna deid scan' to review them", "%(n)s field value(s) added or edited since the last scan were left as "
     "they are (%(fields)s): scan again to review them"),
    # why an uploaded file was not imported (the importers' messages: the file's name first)
    (r"(?P<file>.+?): the file is empty", "%(file)s: the file is empty"),
    (r"(?P<file>.+?): a codebook file is (?P<suffixes>[.\w, ]+)", "%(file)s: a codebook file is %(suffixes)s"),
    (r"(?P<file>.+?): a cases file is (?P<suffixes>[.\w, ]+)", "%(file)s: a cases file is %(suffixes)s"),
    (r"(?P<file>.+?): the content is not base64", "%(file)s: the content is not base64"),
    (r"the request's body is over the (?P<limit>[\d,]+)-byte limit of (?P<path>\S+)",
     "the request's body is over the %(limit)s-byte limit of %(path)s"),
    (r"(?P<file>.+?): (?P<size>[\d,]+) bytes is over the (?P<limit>[\d,]+)-byte limit for one file",
     "%(file)s: %(size)s bytes is over the %(limit)s-byte limit for one file"),
    (r"(?P<file>.+?): unsupported file type (?P<suffix>'[^']*') \(supported: (?P<supported>.*)\)",
     "%(file)s: unsupported file type %(suffix)s (supported: %(supported)s)"),
    (r"(?P<file>.+?): an old Word \.doc file: .*",
     "%(file)s: an old Word .doc file: save it as .docx (Word or LibreOffice) and import that"),
    (r"(?P<file>.+?): a Works document: .*", "%(file)s: a Works document: save it as .docx and import that"),
    (r"(?P<file>.+?): an Apple Pages file: .*", "%(file)s: an Apple Pages file: export it as .docx and import that"),
    (r"(?P<file>.+?): no text found in the file", "%(file)s: no text found in the file"),
    (r"(?P<file>.+?): the text is empty", "%(file)s: no text found in the file"),
    (r"(?P<file>.+?): looks like a binary file, not text .*", "%(file)s: looks like a binary file, not text"),
    (r"(?P<file>.+?): not UTF-8 and no other text encoding fits; .*",
     "%(file)s: not UTF-8 and no other text encoding fits: save it as UTF-8 and import again"),
    (r"(?P<file>.+?): looks like (?P<encoding>\S+) but does not decode as it; .*",
     "%(file)s: looks like %(encoding)s but does not decode as it: save it as UTF-8 and import again"),
    (r"(?P<file>.+?): (?:starts with a|declares charset) .* but is not valid .*",
     "%(file)s: not valid in the text encoding it declares: save it as UTF-8 and import again"),
    (r"(?P<file>.+?): the PDF has no pages", "%(file)s: the PDF has no pages"),
    (r"(?P<file>.+?): the PDF has no text layer .*",
     "%(file)s: the PDF has no text layer (a scan?): run OCR on it first and import the result"),
    (r"(?P<file>.+?): the PDF is encrypted.*",
     "%(file)s: the PDF is encrypted: save a copy without a password and import that"),
    (r"(?P<file>.+?): a WhatsApp chat export without any message",
     "%(file)s: a WhatsApp chat export without any message"),
    (r"(?P<file>.+?): a Telegram chat export without any message",
     "%(file)s: a Telegram chat export without any message"),
    (r"(?P<file>.+?): a \.zip is read only when it holds a Telegram chat export .*",
     "%(file)s: a .zip is read only when it holds a Telegram chat export (messages.html); unpack it and import "
     "its files"),
    (r"(?P<file>.+?): no subtitle cues with text found .*", "%(file)s: no subtitle cues with text found"),
    (r"(?P<file>.+?): line (?P<line>\d+): (?:not a cue timing line|a cue time has more than) .*",
     "%(file)s: line %(line)s: not a valid subtitle timing line"),
    (r"(?P<file>.+?): cannot be read whole, so not imported .*", "%(file)s: cannot be read whole, so not imported"),
    (r"(?P<file>.+?): not a valid HTML document \((?P<why>.*)\)", "%(file)s: not a valid HTML document (%(why)s)"),
    (r"(?P<file>.+?): not a valid (?P<kind>.+?) \((?P<why>.*)\)", "%(file)s: not a valid %(kind)s (%(why)s)"),
    (r"(?P<file>.+?): identical to source '(?P<source>.*)', imported already",
     "%(file)s: identical to source %(source)s, imported already"),
    (r"(?P<file>.+?): the same text as source '(?P<source>.*)', imported already",
     "%(file)s: the same text as source %(source)s, imported already"),
    (r"(?P<file>.+?): a source with this name exists already.*", "%(file)s: a source with this name exists already"),
    (r"upload '(?P<file>.*)': not a usable file name", "upload %(file)s: not a usable file name"),
    (r"no files in the upload \(field 'files'\)", "no files in the upload"),
    (r"the upload is over the (?P<limit>[\d,]+)-byte limit: .*",
     "the upload is over the %(limit)s-byte limit: import fewer or smaller files at a time"),
    (r"the key passphrase is easy to guess \(common words, names, dates or patterns\): use four or more unrelated "
     r"words", "the key passphrase is easy to guess (common words, names, dates or patterns): use four or more "
     "unrelated words"),
)
_ROLE = "|".join(ROLES)
#: A refusal for want of a role (:mod:`makna.access`): the role names and what the permission allows
#: are translated too (``role``, ``need``, ``what``).
PATTERNS += (
    (rf"'(?P<name>[^']*)' is a (?P<role>{_ROLE}) of this project: (?P<what>.+) needs the (?P<need>{_ROLE}) role",
     "%(name)s is a %(role)s of this project: %(what)s needs the %(need)s role"),
    (rf"'(?P<name>[^']*)' is not a member of this project: (?P<what>.+) needs the (?P<need>{_ROLE}) role",
     "%(name)s is not a member of this project: %(what)s needs the %(need)s role"),
)
#: The team server's invitations and accounts (:mod:`makna.server.invitations`, :mod:`makna.server.registry`)
#: and where a web apply keeps the key (:mod:`makna.server.keys`).
PATTERNS += (
    (rf"'(?P<name>[^']*)' is (?P<role>{_ROLE}) of '(?P<project>[^']*)' and cannot invite someone as "
     rf"(?P<need>{_ROLE}):.*",
     "%(name)s is %(role)s of '%(project)s' and cannot invite someone as %(need)s: an invitation grants at most "
     "its maker's own role"),
    (r"'(?P<name>[^']*)' may not invite to project '(?P<project>[^']*)':.*",
     "%(name)s may not invite to project '%(project)s': that needs the owner or manager role there, or a server "
     "administrator"),
    *((re.escape(message), message) for message in DEAD_LINK_MESSAGES),
    (r"the two passwords differ.*", "the two passwords differ: type the same password twice"),
    (r"invitation (?P<id>\w+) is used already", "invitation %(id)s is used already: someone joined with it"),
    (r"invitation (?P<id>\w+) is revoked already", "invitation %(id)s is revoked already"),
    (r"invitation (?P<id>\w+) is expired already", "invitation %(id)s has expired already"),
    (r"expiry '(?P<value>[^']*)': give a number and a unit.*",
     "expiry '%(value)s': give a number and a unit, such as 7d (days), 12h, 30m or 2w"),
    (r"inviting and seeing invitations needs the owner or manager role.*",
     "inviting and seeing invitations needs the owner or manager role (or a server administrator)"),
    (r"user '(?P<name>[^']*)' exists already", "user %(name)s exists already: choose another name, or log in "
     "with it to join"),
    (r"the password is too short: use at least (?P<n>\d+) characters",
     "the password is too short: use at least %(n)s characters"),
    (r"user name '(?P<name>[^']*)': use 1 to 64 letters.*",
     "user name %(name)s: use 1 to 64 letters, digits, '.', '@', '_' or '-', starting with a letter or digit"),
    (r"on a team server the key file goes to the key folder.*",
     "on a team server the key file goes to the key folder its administrator set: leave the key file's path out"),
    (r"this team server has no key folder.*",
     "this team server has no key folder, so it cannot keep a key: ask its administrator to start it with "
     "--key-dir, or apply with 'makna deid apply' on the command line"),
)
#: An import into a project de-identified already (:mod:`makna.import_hints`, trial15).
PATTERNS += (
    (r"this project was de-identified, but the (?P<n>\d+) source\(s\) just imported are not: .*",
     "this project was de-identified, but the %(n)s source(s) just imported are not: they hold every name and number "
     "as written, for anyone who reads or codes them. Scan them on the De-identify page, review, then apply. Until "
     "then coders and viewers do not see them, and reports, exports and coders' copies are refused"),
)
#: Sources held for de-identification (:mod:`makna.holds`).
PATTERNS += (
    (r".* is refused while (?P<n>\d+) source\(s\) imported after the de-identification are held, .*",
     "this is refused while %(n)s source(s) imported after the de-identification are held, not de-identified yet: "
     "scan, review and apply them on the De-identify page, or a manager releases one that names no one on its page"),
    (r"give the reason for releasing it .*", "give the reason for releasing it"),
    (r"source '(?P<name>[^']*)' is not held for de-identification: nothing to release",
     "source %(name)s is not held for de-identification: nothing to release"),
)
#: De-identification's refusals to apply (:mod:`makna.privacy.project_apply`).
PATTERNS += (
    (r"confirmed identifiers occur again, unreviewed, in (?P<where>.+): they are pending review now: .*",
     "confirmed identifiers occur again, unreviewed, in %(where)s: they are pending review now: accept or reject "
     "them, then apply again"),
    (r"confirmed identifiers occur again, unreviewed, in (?P<where>.+): run 'makna deid scan' and review them first",
     "confirmed identifiers occur again, unreviewed, in %(where)s: scan again and review them first"),
    (r"nothing to de-identify: (?P<n>\d+) field value\(s\) were added or edited since the last scan: .*",
     "nothing to de-identify: %(n)s field value(s) were added or edited since the last scan: scan again and "
     "review them"),
    (r"nothing to de-identify: every source is de-identified", "nothing to de-identify: every source is de-identified"),
)
#: Coding rounds' refusals (:mod:`makna.rounds`).
PATTERNS += (
    (r"'(?P<name>[^']*)' may not open a round \(a manager's task\)",
     "%(name)s may not open a round (a manager's task)"),
    (r"only the round's manager \((?P<manager>[^)]*)\) may close round '(?P<round>[^']*)'",
     "only the round's manager (%(manager)s) may close round '%(round)s'"),
    (r"only the round's manager \((?P<manager>[^)]*)\) may build its consensus",
     "only the round's manager (%(manager)s) may build its consensus"),
)
#: Codebook and cases files put in from the browser (:mod:`makna.codebook`, :mod:`makna.cases`): their
#: refusals and the notes of what an import did (:func:`translate_note`).
PATTERNS += (
    (r"code key '(?P<key>[^']*)': use 1-200 characters without spaces or slashes \(e\.g\. exp\.neg\.fraud\)",
     "code key '%(key)s': use 1-200 characters without spaces or slashes (e.g. exp.neg.fraud)"),
    (r"colour '(?P<color>[^']*)': use #RRGGBB \(e\.g\. #E15759\)", "colour '%(color)s': use #RRGGBB (e.g. #E15759)"),
    (r"a code name cannot be empty", "a code name cannot be empty"),
    (r"code '(?P<key>[^']*)': its parent '(?P<parent>[^']*)' does not exist; .*",
     "code '%(key)s': its parent '%(parent)s' does not exist; add it first or put the code under another"),
    (r"(?P<file>.+?): not valid YAML \((?P<why>.*)\)", "%(file)s: not valid YAML (%(why)s)"),
    (r"(?P<file>.+?): expected a mapping with a 'codes' list", "%(file)s: expected a mapping with a 'codes' list"),
    (r"(?P<file>.+?): unsupported format (?P<fmt>.*) \(expected (?P<expected>.*)\)",
     "%(file)s: unsupported format %(fmt)s (expected %(expected)s)"),
    (r"(?P<file>.+?): (?P<where>.+?): 'children' must be a list", "%(file)s: %(where)s: 'children' must be a list"),
    (r"(?P<file>.+?): (?P<where>.+?): each code needs a 'key'", "%(file)s: %(where)s: each code needs a 'key'"),
    (r"(?P<file>.+?): code key '(?P<key>[^']*)' appears twice", "%(file)s: code key '%(key)s' appears twice"),
    (r"(?P<file>.+?): code id (?P<id>\S+) appears twice", "%(file)s: code id %(id)s appears twice"),
    (r"(?P<file>.+?): code '(?P<key>[^']*)': 'keywords' must be a list",
     "%(file)s: code '%(key)s': 'keywords' must be a list"),
    (r"(?P<file>.+?): cannot read as a UTF-8 YAML codebook.*", "%(file)s: cannot read as a UTF-8 YAML codebook"),
    (r"(?P<file>.+?): 'attributes' and 'cases' must be lists", "%(file)s: 'attributes' and 'cases' must be lists"),
    (r"(?P<file>.+?): each attribute needs a 'name'", "%(file)s: each attribute needs a 'name'"),
    (r"(?P<file>.+?): attribute '(?P<attr>[^']*)': unknown type '(?P<type>[^']*)' \(use (?P<types>.*)\)",
     "%(file)s: attribute '%(attr)s': unknown type '%(type)s' (use %(types)s)"),
    (r"(?P<file>.+?): attribute '(?P<attr>[^']*)' exists with type (?P<type>\w+), not (?P<other>\w+)",
     "%(file)s: attribute '%(attr)s' exists with type %(type)s, not %(other)s"),
    (r"(?P<file>.+?): each case needs a 'name'", "%(file)s: each case needs a 'name'"),
    (r"(?P<file>.+?): a case needs a name", "%(file)s: a case needs a name"),
    (r"(?P<file>.+?): case '(?P<case>[^']*)': 'values' must map attributes to values",
     "%(file)s: case '%(case)s': 'values' must map attributes to values"),
    (r"(?P<file>.+?): case '(?P<case>[^']*)': 'sources' must be a list of source names",
     "%(file)s: case '%(case)s': 'sources' must be a list of source names"),
    (r"(?P<file>.+?): case '(?P<case>[^']*)': unknown attribute '(?P<attr>[^']*)' \(define it .*",
     "%(file)s: case '%(case)s': unknown attribute '%(attr)s' (define it under 'attributes' in the file, or on the "
     "cases page)"),
    (r"(?P<file>.+?): a cases CSV needs a 'name' column", "%(file)s: a cases CSV needs a 'name' column"),
    (r"(?P<file>.+?): not a valid YAML cases file \((?P<why>\w+)\)", "%(file)s: not a valid YAML cases file (%(why)s)"),
    (r"(?P<file>.+?): expected a mapping with 'attributes' and 'cases' lists",
     "%(file)s: expected a mapping with 'attributes' and 'cases' lists"),
    (r"attribute (?P<attr>.+) \((?P<type>\w+)\) defined", "attribute %(attr)s (%(type)s) defined"),
)
PATTERNS += (  # de-identification claims in an imported .qdpx (makna.privacy.claims)
    (r"Warning: (?P<n>\d+) source\(s\) carried a de-identification claim that was not verified.*",
     "%(n)s source(s) carried a de-identification claim that was not verified: they are imported as not "
     "de-identified and will be scanned"),
    (r"source '(?P<name>[^']*)' carries no unverified de-identification claim",
     "source %(name)s carries no unverified de-identification claim"),
    (r"source '(?P<name>[^']*)' is de-identified already", "source %(name)s is de-identified already"),
    (r"Accepted the de-identification claim of (?P<source>.*): (?P<n>\d+) surrogate\(s\), mode (?P<mode>\w+)\.",
     "Accepted the de-identification claim of %(source)s: %(n)s surrogate(s), mode %(mode)s."),
    (r"claimed surrogate", "claimed surrogate"),
)
PATTERNS += (  # after an apply (makna.privacy.project_apply): a source's name still holds a replaced identifier
    (r"the name of source '(?P<name>.*)' contains a replaced identifier \((?P<types>[A-Z_, ]+)\): .*",
     "the name of source %(name)s contains a replaced identifier (%(types)s): scan again on this page and review "
     "it, or rename the source"),
)
PATTERNS += (  # a manager holds a source for de-identification by hand (makna.holds)
    (r"source '(?P<name>.*)' is held for de-identification already: .*",
     "source %(name)s is held for de-identification already: apply its de-identification (De-identify page), or "
     "release it when it names no one"),
    (r"give the reason for holding it .*", "give the reason for holding it"),
)
#: The parts of a note on a changed case (``NAME: description, umur 43 -> 44, linked s1``).
NOTE_PARTS = ("description", "(none)", "linked %(source)s")
_TRANSLATED = ("role", "need", "what")
_COMPILED = tuple((re.compile(p), m) for p, m in PATTERNS)

KEY_REFUSAL = ("keep the key apart from the project (e.g. /home/me/keys/study.key) with a passphrase of four or "
               "more unrelated words, or tick \u201cApply anyway\u201d")
"""What the workbench says after the reasons it refuses a key file (``makna deid apply`` says --force)."""
UNIT_LABELS = ("turn %(n)s (%(speaker)s)", "turn %(n)s", "sentence %(n)s", "paragraph %(n)s", "document",
               "characters")
MESSAGES: tuple[str, ...] = (tuple(dict.fromkeys(m for _, m in PATTERNS)) + UNIT_LABELS + (KEY_REFUSAL,)
                             + PERMISSION_TEXTS + NOTE_PARTS)
_UNIT = re.compile(r"^(?P<kind>turn|sentence|paragraph) (?P<n>\d+)(?: \((?P<speaker>.*)\))?$")


def translate_error(message: str, lang: str) -> str:
    """``message`` (a core error) in ``lang`` when a pattern knows it, else as it is (in English: always
    as the core wrote it, which says more than the pattern's short form)."""
    if lang == "en":
        return message
    tr = translations(lang)
    for pattern, msgid in _COMPILED:
        m = pattern.fullmatch(message.strip())
        if m:
            return tr.gettext(msgid) % {k: repr(v) if k == "name" else tr.gettext(v) if k in _TRANSLATED
                                        else ", ".join(tr.gettext(t) for t in v.split(", ")) if k == "types" else v
                                        for k, v in m.groupdict().items()}
    return message


def translate_note(note: str, lang: str) -> str:
    """A note of a codebook or cases import in ``lang``: a pattern's, or a changed case's
    (``NAME: description, ATTRIBUTE OLD -> NEW, linked SOURCE``) part by part."""
    done = translate_error(note, lang)
    if done != note or lang == "en":
        return done
    m = _CASE_NOTE.fullmatch(note)
    if m is None:
        return note
    tr = translations(lang)
    parts = []
    for part in m["parts"].split(", "):
        linked = re.fullmatch(r"linked (?P<source>.+)", part)
        if linked:
            parts.append(tr.gettext("linked %(source)s") % {"source": linked["source"]})
        elif part == "description":
            parts.append(tr.gettext("description"))
        else:
            parts.append(part.replace("(none)", tr.gettext("(none)")))
    return f"{m['case']}: {', '.join(parts)}"


_CASE_NOTE = re.compile(r"(?P<case>[^:]+): (?P<parts>(?:description|linked .+|.+ -> .+)(?:, .+)?)")


def unit_label(label: str, lang: str) -> str:
    """An agreement unit's label (``turn 6 (I)``, ``sentence 3``, ``document``) in ``lang``."""
    tr = translations(lang)
    m = _UNIT.match(label)
    if m is None:
        return tr.gettext(label) if label in UNIT_LABELS else label
    if m["kind"] == "turn":
        if m["speaker"] is not None:
            return tr.gettext("turn %(n)s (%(speaker)s)") % {"n": m["n"], "speaker": m["speaker"]}
        return tr.gettext("turn %(n)s") % {"n": m["n"]}
    return tr.gettext(f"{m['kind']} %(n)s") % {"n": m["n"]}


def key_refusal(risks: list[str], lang: str) -> str:
    """Why the workbench refuses a key file (the reasons of
    :func:`makna.privacy.project_apply.key_risks`) and what to do, in ``lang``."""
    return "; ".join(translate_error(r, lang) for r in risks) + ": " + translations(lang).gettext(KEY_REFUSAL)
