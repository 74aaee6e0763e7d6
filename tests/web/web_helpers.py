"""Helpers for the workbench tests: the sample project (emoji and Indonesian text) and a client."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import anyio.from_thread
import httpx

import makna

TOKEN = "test-token-0123456789abcdef"
BASE = "http://127.0.0.1"
SOURCE = "wawancara-ani.txt"
TEXT = (
    "Wawancara uji (fiktif), Padang.\n\n"
    "P: Apa kabar, Uni? 😀\n"
    "I: Alhamdulillah baik 👍🏽, saya senang sekali ketemu. Kami ngobrol di warung kopi dekat pasar.\n"
    "P: Terima kasih 🙏 sudah mau cerita.\n"
    "I: Sama-sama. Dulu saya kerja di toko baju, sekarang jualan daring.\n"
)


class Client:
    """A synchronous client over ``httpx.AsyncClient`` with the ASGI transport (driven through an
    anyio blocking portal), so that tests read like ordinary requests."""

    def __init__(self, app: Any) -> None:
        self._cm = anyio.from_thread.start_blocking_portal()
        self._portal = self._cm.__enter__()
        self._client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE,
                                         follow_redirects=False)

    @property
    def cookies(self) -> httpx.Cookies:
        return self._client.cookies

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        return self._portal.call(functools.partial(self._client.request, method, url, **kwargs))

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def put(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("PUT", url, **kwargs)

    def patch(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("PATCH", url, **kwargs)

    def delete(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("DELETE", url, **kwargs)

    def close(self) -> None:
        self._portal.call(self._client.aclose)
        self._cm.__exit__(None, None, None)


def login(client: Client) -> str:
    """Log ``client`` in with the test token; returns the page's CSRF token."""
    assert client.get(f"/?token={TOKEN}").status_code == 303
    html = client.get("/").text
    return html.split('name="makna-csrf" content="', 1)[1].split('"', 1)[0]


def form_csrf(client: Client, path: str) -> str:
    """The token that a team server's login or invitation page at ``path`` puts in its forms (bound to the
    cookie the page gives ``client``: :mod:`makna.web.form_csrf`)."""
    html = client.get(path).text
    return html.split('name="csrf" value="', 1)[1].split('"', 1)[0]


def team_login(app: Any, name: str, password: str, project: str | None = "Studi") -> tuple[Client, str]:
    """A client of the team server ``app`` logged in as ``name`` (JSON login), with ``project``
    chosen when given; and the session's CSRF token."""
    c = Client(app)
    r = c.post("/login", json={"name": name, "password": password})
    assert r.status_code == 200, r.text
    csrf = str(r.json()["csrf"])
    if project:
        assert c.post(f"/api/server/projects/{project}/open", headers={"x-makna-csrf": csrf}).status_code == 200
    return c, csrf


TEAM_ROLES: tuple[tuple[str, str], ...] = (("dewi", "manager"), ("budi", "coder"), ("citra", "viewer"))
"""A manager, a coder and a viewer: the members the team server's role tests log in as."""


def give_team_roles(team: Any, project: str) -> None:
    """Make the members of :data:`TEAM_ROLES` members of ``project`` on ``team`` in their roles."""
    for name, role in TEAM_ROLES:
        team.set_role(project, name, role)


@contextmanager
def as_member(app: Any, who: str, password: str, project: str) -> Iterator[tuple[Client, dict[str, str]]]:
    """A client of the team server ``app`` logged in as ``who`` (JSON login), and the headers that name
    ``project`` and carry the session's CSRF token; closed afterwards."""
    c = Client(app)
    try:
        r = c.post("/login", json={"name": who, "password": password})
        yield c, {"X-Makna-CSRF": r.json()["csrf"], "X-Makna-Project": project}
    finally:
        c.close()


def build_sample(location: str, name: str = "Uji workbench") -> None:
    """Create the sample project at ``location``."""
    with makna.create_project(location, name, coder="tester") as p:
        makna.import_text(p, SOURCE, TEXT, language="id")
        makna.add_code(p, "emosi", "Emosi", color="#E15759", definition="Perasaan yang diungkapkan")
        makna.add_code(p, "emosi.senang", "Senang", parent="emosi", color="#59A14F")
        makna.add_code(p, "tempat", "Tempat", color="#4E79A7")
        makna.add_code(p, "kerja", "Pekerjaan", color="#F28E2B")
        start = TEXT.index("saya senang sekali")
        makna.code_span(p, SOURCE, start, start + len("saya senang sekali"), "emosi.senang")
        start = TEXT.index("warung kopi")
        makna.code_span(p, SOURCE, start, start + len("warung kopi dekat pasar"), "tempat")
        makna.code_span(p, SOURCE, start, start + len("warung kopi"), "emosi", coder="kedua")
        makna.define_attribute(p, "umur", "integer")
        makna.define_attribute(p, "kota", "text")
        makna.add_case(p, "Ani", "informan pertama", values={"umur": 24, "kota": "Padang"})
        makna.link_source(p, "Ani", SOURCE)


def go_to(page: Any, name: str) -> None:
    """Follow the header's link to page ``name``: in the bar, or in its "More" menu (narrower screens)."""
    link = page.locator("header nav > a", has_text=name)
    if not link.is_visible():
        page.click("#nav-more > summary")
        link = page.locator("#nav-more .more-menu a", has_text=name)
    link.click()


CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@contextmanager
def serve_workbench(location: str, *, coder: str = "tester", lang: str | None = "en",
                    port: int = 0) -> Iterator[tuple[Any, LiveServer]]:
    """The workbench of the project at ``location`` (``lang`` None: the browser's language) under
    uvicorn on ``port`` (0: a free one), closed afterwards: ``(app, server)``."""
    from makna.web import close_app, create_app

    app = create_app(location, token=TOKEN, coder=coder, lang=lang)
    server = LiveServer(app, port)
    try:
        yield app, server
    finally:
        server.stop()
        close_app(app)


@contextmanager
def workbench_page(browser: Any, location: str, *, coder: str = "tester",
                   viewport: tuple[int, int] = (1200, 900)) -> Iterator[tuple[Any, str]]:
    """A logged-in browser page on the workbench of the project at ``location`` (:func:`serve_workbench`):
    ``(page, server url)``; afterwards, no script error may have reached the page."""
    errors: list[str] = []
    with serve_workbench(location, coder=coder) as (_app, server):
        context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        pg = context.new_page()
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(f"{server.url}/?token={TOKEN}")
        yield pg, server.url
        context.close()
    assert not errors, errors


class LiveServer:
    """The app under uvicorn on 127.0.0.1 and ``port`` (0: a free one), in a background thread."""

    GRACE_SECONDS = 2  #: how long a request or stream still open at :meth:`stop` may go on before it is cancelled
    STOP_SECONDS = 10  #: how long :meth:`stop` waits for the server's thread before telling uvicorn to quit at once

    def __init__(self, app: Any, port: int = 0) -> None:
        import socket
        import threading

        import uvicorn

        self.port = port
        if not port:  # a free one (a port named is uvicorn's to bind, reused at once after a test)
            sock = socket.socket()
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
            sock.close()
        # a stream still open when the server stops (a page that never closed it) is cancelled after a short grace:
        # without it uvicorn waits for it for ever, and its thread outlives the test (live27)
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off",
                                timeout_graceful_shutdown=self.GRACE_SECONDS)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        import time

        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        """Stop the server; its thread ends within :attr:`STOP_SECONDS` (then uvicorn is told to quit at once), or
        an error says where it waits: a server left running holds the project's connections (live27)."""
        import sys
        import traceback

        self.server.should_exit = True
        self.thread.join(timeout=self.STOP_SECONDS)
        if self.thread.is_alive():
            self.server.force_exit = True
            self.thread.join(timeout=5)
        if self.thread.is_alive():
            frame = sys._current_frames().get(self.thread.ident or 0)
            where = "".join(traceback.format_stack(frame)) if frame is not None else "(no frame)"
            raise RuntimeError(f"uvicorn on port {self.port} did not stop in {self.STOP_SECONDS + 5} s; it waits at\n"
                               f"{where}")

