"""Invented Telegram Desktop HTML export pages for the importer tests and the fuzzer (fictional people,
numbers in the fictional ranges). The markup follows what Telegram Desktop writes ("Export chat
history", HTML): a page wrapper, a header with the chat's title, a history of ``div.message``."""

from __future__ import annotations

import html
import io
import zipfile
from pathlib import Path

HEAD = """<!DOCTYPE html>
<html>
 <head>
  <meta charset="utf-8"/>
<title>Exported Data</title>
  <meta content="width=device-width, initial-scale=1.0" name="viewport"/>
  <link href="css/style.css" rel="stylesheet"/>
  <script src="js/script.js" type="text/javascript"></script>
 </head>
 <body onload="CheckLocation();">
  <div class="page_wrap">
   <div class="page_header">
    <a class="content block_link" href="#" onclick="return GoToMessage(1)">
     <div class="text bold">
{title}
     </div>
    </a>
   </div>
   <div class="page_body chat_page">
    <div class="history">
"""
TAIL = """    </div>
   </div>
  </div>
 </body>
</html>
"""


def service(ident: int, text: str) -> str:
    return f"""     <div class="message service" id="message{ident}">
      <div class="body details">
{html.escape(text)}
      </div>
     </div>
"""


def message(
    ident: int,
    when: str,
    text: str | None,
    *,
    sender: str | None = None,
    reply_to: int | None = None,
    forwarded: str | None = None,
    media: str | None = None,
    raw_text: str | None = None,
) -> str:
    """A message; ``sender`` None makes it a joined one; ``when`` is ``DD.MM.YYYY HH:MM:SS``; ``raw_text`` is
    put in the text div as it is (markup)."""
    joined = " joined" if sender is None else ""
    parts = [f'     <div class="message default clearfix{joined}" id="message{ident}">\n']
    if sender is not None:
        parts.append(
            '      <div class="pull_left userpic_wrap">\n       <div class="userpic userpic1" '
            'style="width: 42px; height: 42px">\n        <div class="initials" style="line-height: 42px">\n'
            f"{html.escape(sender[:1])}\n        </div>\n       </div>\n      </div>\n"
        )
    parts.append('      <div class="body">\n')
    parts.append(
        f'       <div class="pull_right date details" title="{when} UTC+07:00">\n{when[11:16]}\n       </div>\n'
    )
    if sender is not None:
        parts.append(f'       <div class="from_name">\n{html.escape(sender)}\n       </div>\n')
    if reply_to is not None:
        parts.append(
            f'       <div class="reply_to details">\nIn reply to <a href="#go_to_message{reply_to}" '
            f'onclick="return GoToMessage({reply_to})">this message</a>\n       </div>\n'
        )
    inner = []
    if media is not None:
        inner.append(_MEDIA[media])
    if raw_text is not None:
        inner.append(f'       <div class="text">\n{raw_text}\n       </div>\n')
    elif text is not None:
        inner.append(f'       <div class="text">\n{html.escape(text).replace(chr(10), "<br>")}\n       </div>\n')
    if forwarded is not None:
        parts.append(
            '       <div class="forwarded body">\n        <div class="from_name">\n'
            f'{html.escape(forwarded)}<span class="date details"> 10.03.2024 08:15:00</span>\n'
            "        </div>\n" + "".join(inner) + "       </div>\n"
        )
    else:
        parts.extend(inner)
    parts.append("      </div>\n     </div>\n")
    return "".join(parts)


_MEDIA = {
    "photo": '       <div class="media_wrap clearfix">\n        <a class="photo_wrap clearfix pull_left" '
    'href="photos/photo_1@12-03-2024_19-05-00.jpg">\n         <img class="photo" '
    'src="photos/photo_1@12-03-2024_19-05-00_thumb.jpg" style="width: 260px; height: 195px"/>\n'
    "        </a>\n       </div>\n",
    "voice": '       <div class="media_wrap clearfix">\n        <a class="media clearfix pull_left block_link '
    'media_voice_message" href="voice_messages/audio_1@12-03-2024_19-06-00.ogg">\n         '
    '<div class="fill pull_left"></div>\n         <div class="body">\n          <div class="title bold">\n'
    'Voice message\n          </div>\n          <div class="status details">\n00:12, 15.2 KB\n'
    "          </div>\n         </div>\n        </a>\n       </div>\n",
    "contact": '       <div class="media_wrap clearfix">\n        <div class="media clearfix pull_left media_contact">\n'
    '         <div class="body">\n          <div class="title bold">\nSiti Aminah\n          </div>\n'
    '          <div class="status details">\n+62 812-555-0199\n          </div>\n         </div>\n'
    "        </div>\n       </div>\n",
    "file": '       <div class="media_wrap clearfix">\n        <a class="media clearfix pull_left block_link media_file" '
    'href="files/KTP_Rina_Marlina.pdf">\n         <div class="body">\n          <div class="title bold">\n'
    "KTP_Rina_Marlina.pdf\n          </div>\n         </div>\n        </a>\n       </div>\n",
}


def page(body: str, title: str = "Rina Marlina", *, next_page: str | None = None) -> str:
    more = f'     <a class="pagination block_link" href="{next_page}">\nNext messages\n     </a>\n' if next_page else ""
    return HEAD.format(title=html.escape(title)) + body + more + TAIL


def chat_pages() -> list[str]:
    """A small chat over two pages: a date separator, joined messages, a reply, a forward, media, a photo
    with a caption, a service message, and a joined message at the top of the second page."""
    first = "".join(
        [
            service(-1, "12 March 2024"),
            message(1, "12.03.2024 19:02:11", "Selamat malam, Kak Rina. Boleh kita mulai?", sender="Peneliti Nur"),
            message(2, "12.03.2024 19:03:40", "Malam juga.\nBoleh, saya di rumah sekarang.", sender="Rina Marlina"),
            message(3, "12.03.2024 19:03:55", "Nomor saya yang lama 0812-555-0134 sudah mati.", sender=None),
            message(4, "12.03.2024 19:04:30", "Baik, terima kasih.", sender="Peneliti Nur", reply_to=3),
            message(5, "12.03.2024 19:05:00", "Ini tempat saya biasa menunggu", sender="Rina Marlina", media="photo"),
            service(6, "Rina Marlina pinned a message"),
            message(7, "12.03.2024 19:06:00", None, sender=None, media="voice"),
        ]
    )
    second = "".join(
        [
            message(8, "12.03.2024 19:07:10", "Pesan dari teman saya.", sender=None, forwarded="Dewi Lestari"),
            message(9, "12.03.2024 19:08:00", None, sender="Peneliti Nur", media="contact"),
            message(10, "12.03.2024 19:09:00", "Café dekat pasar & terminal.", sender="Rina Marlina", media="file"),
        ]
    )
    return [page(first, next_page="messages2.html"), page(second)]


CHAT_TEXT = (
    "Peneliti Nur: Selamat malam, Kak Rina. Boleh kita mulai?\n"
    "Rina Marlina: Malam juga. Boleh, saya di rumah sekarang.\n"
    "Rina Marlina: Nomor saya yang lama 0812-555-0134 sudah mati.\n"
    "Peneliti Nur: [reply to Rina Marlina] Baik, terima kasih.\n"
    "Rina Marlina: [photo] Ini tempat saya biasa menunggu\n"
    "Rina Marlina: [voice message]\n"
    "Rina Marlina: [forwarded from Dewi Lestari] Pesan dari teman saya.\n"
    "Peneliti Nur: [contact]\n"
    "Rina Marlina: [file] Café dekat pasar & terminal."
)


def write_export(folder: Path, pages: list[str]) -> Path:
    """The export's folder as Telegram Desktop writes it (pages, css/, js/, photos/)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, markup in enumerate(pages, start=1):
        (folder / ("messages.html" if i == 1 else f"messages{i}.html")).write_text(markup, encoding="utf-8")
    for sub, name, data in (
        ("css", "style.css", b"body { margin: 0 }\n"),
        ("js", "script.js", b"function f() {}\n"),
        ("photos", "photo_1@12-03-2024_19-05-00.jpg", b"\xff\xd8\xff\xe0not really a jpeg"),
    ):
        (folder / sub).mkdir(exist_ok=True)
        (folder / sub / name).write_bytes(data)
    return folder


def export_zip(pages: list[str], prefix: str = "ChatExport_2024-03-12/") -> bytes:
    """The export zipped as a file manager does (one folder inside), the pages out of order."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(prefix + "css/style.css", "body { margin: 0 }\n")
        for i in reversed(range(1, len(pages) + 1)):
            zf.writestr(prefix + ("messages.html" if i == 1 else f"messages{i}.html"), pages[i - 1])
        zf.writestr(prefix + "js/script.js", "function f() {}\n")
    return buf.getvalue()
