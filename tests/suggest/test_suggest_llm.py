"""The optional local language model: a fake OpenAI-compatible server on loopback (stdlib http.server);
the loopback guard; nothing is sent anywhere when no model is named."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from synth import build

from makna import suggest
from makna.errors import InputError, LLMError
from makna.suggest.llm import LLMClient, check_endpoint, is_loopback


class FakeModel(BaseHTTPRequestHandler):
    """Answers every chat completion with the codes in ``answers`` whose trigger word is in the prompt's passage."""

    seen: list[dict[str, Any]] = []
    answer: str = ""

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).seen.append({"path": self.path, "body": body})
        passage = body["messages"][0]["content"].rsplit("Passage:\n", 1)[-1].casefold()
        if type(self).answer:
            content = type(self).answer
        else:
            codes = [c for c, words in (("fraud", ("palsu", "fake", "cheat", "tipu", "nipu", "edit", "trick")),
                                        ("blocked", ("blo",))) if any(w in passage for w in words)]
            content = "Sure! " + json.dumps(codes)
        out = json.dumps({"choices": [{"message": {"role": "assistant", "content": content}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    def log_message(self, *_args: Any) -> None:
        pass


@pytest.fixture
def fake_llm() -> Iterator[str]:
    FakeModel.seen, FakeModel.answer = [], ""
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeModel)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def test_llm_keeps_only_what_it_agrees_with(project: Any, fake_llm: str) -> None:
    build(project)
    result = suggest.run(project, llm=LLMClient(fake_llm, "tiny"))
    kept = suggest.pending(project)
    assert FakeModel.seen and all(s["path"] == "/v1/chat/completions" for s in FakeModel.seen)
    assert FakeModel.seen[0]["body"]["model"] == "tiny"
    assert result.created == len(kept) > 0 and {s.code for s in kept} <= {"fraud", "blocked"}
    # without the model the same project gets raid suggestions too: the model filtered them out
    assert "raid" in {s.code for s in _without_llm(project)}


def _without_llm(project: Any) -> list[Any]:
    from makna.suggest.training import load

    data = load(project)
    from makna.suggest.classifier import train
    from makna.suggest.reliability import measure

    model = train(data.examples, data.codebook)
    model.calibrator = measure(data.examples, data.codebook, model.codes).calibrator
    conf = model.confidence([u.text for u in data.candidates], [u.language for u in data.candidates])

    class Pick:
        def __init__(self, code: str) -> None:
            self.code = code
    return [Pick(model.codes[j]) for i in range(len(data.candidates)) for j in range(len(model.codes))
            if conf[i, j] >= 0.5]


def test_llm_answer_that_is_not_json_keeps_nothing(project: Any, fake_llm: str) -> None:
    build(project, coded=4, uncoded=1)
    FakeModel.answer = "I cannot tell."
    assert suggest.run(project, llm=LLMClient(fake_llm, "tiny")).created == 0
    FakeModel.answer = '["fraud", "not-a-code"]'
    assert {s.code for s in suggest.pending(project)} <= {"fraud"}


def test_unreachable_llm_is_one_error(project: Any) -> None:
    build(project, coded=4, uncoded=1)
    client = LLMClient("http://127.0.0.1:9/v1", "tiny", timeout=2)
    with pytest.raises(LLMError, match="no usable answer"):
        suggest.run(project, llm=client)
    assert suggest.pending(project) == []  # nothing stored


@pytest.mark.parametrize("url", ["http://127.0.0.1:11434/v1", "http://localhost:8080/v1", "http://[::1]:8080/v1",
                                 "http://127.1.2.3/v1"])
def test_loopback_is_allowed(url: str) -> None:
    assert check_endpoint(url) == url.rstrip("/")


@pytest.mark.parametrize("url", ["http://192.168.1.10:11434/v1", "https://api.example.com/v1", "http://10.0.0.1/v1",
                                 "http://localhost.example.com/v1", "http://0.0.0.0:80/v1"])
def test_remote_needs_allow_remote(url: str) -> None:
    with pytest.raises(InputError, match="--allow-remote"):
        check_endpoint(url)
    assert check_endpoint(url, allow_remote=True)
    with pytest.raises(InputError):
        LLMClient(url, "m")


def test_not_http_is_refused() -> None:
    for url in ("file:///etc/passwd", "ftp://127.0.0.1/", "127.0.0.1:11434"):
        with pytest.raises(InputError, match="not an http"):
            check_endpoint(url, allow_remote=True)
    assert is_loopback("LOCALHOST") and not is_loopback("example.com")
