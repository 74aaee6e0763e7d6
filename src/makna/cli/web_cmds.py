"""makna serve: the coding workbench in the browser, on this machine only."""

from __future__ import annotations

import errno
import socket
import threading
import webbrowser
from functools import partial
from typing import Annotated

import typer

from ..errors import InputError, require_extra
from ._app import app
from ._common import CoderOpt, ProjectOpt
from ._passphrase import ask_passphrase

DEFAULT_PORT = 8765


def _free_port(host: str, wanted: int | None) -> int:
    """``wanted`` if it is free (else an error); without it the first free port from 8765 on."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    candidates = [wanted] if wanted is not None else list(range(DEFAULT_PORT, DEFAULT_PORT + 50))
    for port in candidates:
        with socket.socket(family, socket.SOCK_STREAM) as s:
            try:
                s.bind((host.strip("[]"), port))
            except OSError as exc:
                if wanted is not None:
                    reason = "in use" if exc.errno == errno.EADDRINUSE else exc.strerror
                    raise InputError(f"--port {wanted}: cannot listen there ({reason})") from None
                continue
            return port
    raise InputError(f"no free port between {DEFAULT_PORT} and {DEFAULT_PORT + 49}; choose one with --port")


def workbench_url(host: str, port: int, token: str) -> str:
    shown = f"[{host.strip('[]')}]" if ":" in host else host
    return f"http://{shown}:{port}/?token={token}"


_SERVE_LINES: dict[str, tuple[str, str, str]] = {
    "en": ("makna workbench for {name!r} ({location})",
           "Open this address (it carries your access token):\n\n    {url}\n", "Press Ctrl+C to stop."),
    "id": ("Meja kerja makna untuk {name!r} ({location})",
           "Buka alamat ini (alamat ini membawa token akses Anda):\n\n    {url}\n", "Tekan Ctrl+C untuk berhenti."),
}
"""What ``makna serve`` prints at its start, in the interface language chosen with ``--lang`` (a new user's trial
read English lines after asking for Indonesian)."""


@app.command()
def serve(
    project: ProjectOpt = None,
    port: Annotated[int | None, typer.Option("--port", help="Port to listen on [default: 8765 or the next free one]",
                                             min=1, max=65535, show_default=False)] = None,
    host: Annotated[str, typer.Option("--host", help="Loopback address to listen on; other addresses are refused.")]
    = "127.0.0.1",
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Do not open a browser; just print the URL.")]
    = False,
    lang: Annotated[str | None, typer.Option("--lang", help="Interface language: en or id [default: the browser's]")]
    = None,
    coder: CoderOpt = None,
) -> None:
    """Open the coding workbench: read, code and review transcripts in the browser.

    Listens on 127.0.0.1 only and prints a URL with a fresh access token; every request needs it.
    """
    require_extra("web", "the workbench", "fastapi", "uvicorn")
    import uvicorn

    from ..project import find_project
    from ..web import create_app
    from ..web.security import check_bind_host, new_token

    check_bind_host(host)
    location = find_project(project)
    chosen = _free_port(host, port)
    token = new_token()
    web_app = create_app(location, token=token, lang=lang, coder=coder, passphrase=partial(ask_passphrase, location))
    url = workbench_url(host, chosen, token)
    said = _SERVE_LINES["id" if lang == "id" else "en"]
    typer.echo(said[0].format(name=web_app.state.project_name, location=location))
    typer.echo(said[1].format(url=url))
    typer.echo(said[2])
    if not no_browser:
        threading.Timer(0.8, webbrowser.open, args=(url,)).start()
    uvicorn.run(web_app, host=host.strip("[]"), port=chosen, log_level="warning", access_log=False)
