"""The committed JSON Schema in the real editor: yaml-language-server over LSP (stdio), as VS Code,
Neovim and others run it. Maps name the schema in their first line, as `journeyctl init` writes it.

The server is found as $YAML_LANGUAGE_SERVER, else `yaml-language-server` on PATH (.ci/run installs
it from npm into a cache folder); without it, or without node, these tests are skipped.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from tests.integrations.test_editor_schema import DEFAULTS, EDITOR_CANNOT_TELL, FIELDS, MAP, SCHEMA, VALUES, _verdicts

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_URI = (ROOT / "schema" / "journeyctl.schema.json").as_uri()
SERVER = os.environ.get("YAML_LANGUAGE_SERVER") or shutil.which("yaml-language-server")
REPLY_WAIT = 60  # seconds: a guard against a server that never answers, not a speed assertion

pytestmark = pytest.mark.skipif(
    not (SERVER and shutil.which("node")),
    reason="yaml-language-server or node not available (npm install yaml-language-server; .ci/run does it)",
)


class LanguageServer:
    """Just enough of an LSP client: requests, notifications, and answers to the server's own requests."""

    def __init__(self, command, root):
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.messages = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "capabilities": {
                    "textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]}, "publishDiagnostics": {}},
                    "workspace": {"configuration": True},
                },
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": {"yaml": self.SETTINGS}})

    SETTINGS = {"validate": True, "hover": True, "schemaStore": {"enable": False}}

    def _read(self):
        stream = self.process.stdout
        while True:
            length = None
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if not line:
                return
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message):
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.process.stdin.flush()

    def notify(self, method, params):
        self._send({"method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        request_id = self.next_id
        self._send({"id": request_id, "method": method, "params": params})
        return self.wait(lambda message: message.get("id") == request_id and "method" not in message)["result"]

    def wait(self, wanted):
        while True:
            message = self.messages.get(timeout=REPLY_WAIT)
            if "method" in message and "id" in message:  # the server asks: settings, or nothing we have
                items = message["params"].get("items", []) if message["method"] == "workspace/configuration" else []
                answer = [self.SETTINGS if item.get("section") == "yaml" else None for item in items]
                self._send({"id": message["id"], "result": answer if items else None})
            elif wanted(message):
                return message

    def open(self, path, text):
        """Open a document and return the messages of the diagnostics the server publishes for it."""
        uri = path.as_uri()
        self.notify(
            "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}
        )
        published = self.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
        )
        return [diagnostic["message"] for diagnostic in published["params"]["diagnostics"]]

    def close(self):
        self.process.kill()
        self.process.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("editor")
    language_server = LanguageServer([SERVER, "--stdio"], folder)
    yield language_server, folder
    language_server.close()


def _document(**values):
    return f"# yaml-language-server: $schema={SCHEMA_URI}\n" + MAP.format(**{**DEFAULTS, **values})


@pytest.mark.parametrize("field, text", VALUES, ids=[f"{field}={text[:20]}" for field, text in VALUES])
def test_the_editor_and_lint_give_the_same_verdict(server, field, text):
    language_server, folder = server
    path = folder / f"{field}-{abs(hash(text))}.yaml"
    editor_errors = language_server.open(path, _document(**{field: text}))
    lint_ok, _, problems = _verdicts(field, text)
    assert lint_ok == (not editor_errors), (
        f"{field}: {text}: lint says {[p.message for p in problems] or 'clean'}, the editor says {editor_errors or 'clean'}"
    )


@pytest.mark.parametrize("field, text", EDITOR_CANNOT_TELL)
def test_what_the_editor_cannot_tell_is_clean_there_and_reported_by_lint(server, field, text):
    language_server, folder = server
    assert language_server.open(folder / f"cannot-tell-{field}.yaml", _document(**{field: text})) == []
    assert not _verdicts(field, text)[0]


def test_a_date_that_is_not_in_the_calendar_says_so_in_plain_words(server):
    language_server, folder = server
    assert language_server.open(folder / "february.yaml", _document(last_reviewed="2026-02-30")) == [
        "a calendar date such as 2026-09-15"
    ]


HOVERED = {
    "status:": "Journey.status",
    "review:": "Journey.review",
    "last_reviewed:": "Review.last_reviewed",
    "owners:": "Journey.owners",
    "target:": "Metric.target",
    "channel:": "Touchpoint.channel",
    "mode:": "Touchpoint.mode",
    "emotion:": "Touchpoint.emotion",
}


@pytest.mark.parametrize("key", HOVERED)
def test_hover_shows_one_title_and_the_markdown_description(server, key):
    language_server, folder = server
    text = _document()
    path = folder / f"hover-{key.rstrip(':')}.yaml"
    language_server.open(path, text)
    line_number, line = next((n, line) for n, line in enumerate(text.splitlines()) if line.lstrip().startswith(key))
    hover = language_server.request(
        "textDocument/hover",
        {"textDocument": {"uri": path.as_uri()}, "position": {"line": line_number, "character": line.index(key) + 1}},
    )
    contents = hover["contents"]
    field = FIELDS[HOVERED[key]]
    title = field.get("title") or key.rstrip(":").replace("_", " ").title()
    assert contents["kind"] == "markdown"
    assert contents["value"].startswith(f"#### {title}\n") and "||" not in contents["value"]
    assert contents["value"].count("#### ") == 1
    # a field that holds a model shows the model's words (the schema that matched), once
    models = [
        SCHEMA["$defs"][branch["$ref"].rsplit("/", 1)[-1]] for branch in field.get("anyOf", []) if "$ref" in branch
    ]
    assert any(schema["markdownDescription"] in contents["value"] for schema in [field, *models])
