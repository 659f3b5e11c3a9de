"""`render --serve`: the output folder on http://127.0.0.1, with pages that reload themselves.

Only regular files inside the output folder are served (no listing, no `..`, no hidden files,
no symbolic link that leads out of it). A long poll, `/__journeyctl/reload?after=N`, answers
when render number N is superseded; the page's script then reloads it. That script is added to
the HTTP response of an HTML page only, never to the file on disk, which a customer may be sent:
the rendered pages carry a Content-Security-Policy without scripts, so the response's copy of
that policy allows this one script (by a nonce) and requests to this server.

Requests must name the server by its own address (Host 127.0.0.1:PORT or localhost:PORT): a web
page elsewhere cannot reach it through DNS rebinding, which matters for internal maps.
"""

from __future__ import annotations

import mimetypes
import os
import re
import secrets
import stat
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from journeyctl.problems import UsageError

HOST = "127.0.0.1"
RELOAD_PATH = "/__journeyctl/reload"
POLL_SECONDS = 25  # a long poll is answered at the latest then, so no proxy or browser times it out
_CSP = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")', re.I)
_BODY_END = re.compile(r"</body>", re.I)
_SCRIPT = """<script nonce="{nonce}">/* journeyctl --serve: reload when a render finishes */
(function () {{
  var seen = {generation};
  function wait() {{
    fetch("{path}?after=" + seen, {{cache: "no-store"}})
      .then(function (response) {{ return response.text(); }})
      .then(function (text) {{ if (Number(text) !== seen) location.reload(); else wait(); }},
            function () {{ setTimeout(wait, 1000); }});
  }}
  wait();
}})();
</script>
"""


class Reloads:
    """Which render the output folder holds (a number), and the polls waiting for the next."""

    def __init__(self) -> None:
        self.generation = 0
        self._changed = threading.Condition()
        self._closing = False

    def rendered(self) -> None:
        with self._changed:
            self.generation += 1
            self._changed.notify_all()

    def wait(self, after: int, timeout: float = POLL_SECONDS) -> int:
        with self._changed:
            self._changed.wait_for(lambda: self.generation != after or self._closing, timeout)
            return self.generation

    def close(self) -> None:
        with self._changed:
            self._closing = True
            self._changed.notify_all()


class Preview:
    """The server, on its own thread; close() stops it and ends the waiting polls."""

    def __init__(self, folder: Path, port: int = 0) -> None:
        self.folder = folder
        self.reloads = Reloads()
        # a handler class of this server's own: http.server makes one handler object per request
        handler: type[_Handler] = type(
            "Handler", (_Handler,), {"root": os.path.realpath(folder), "reloads": self.reloads}
        )
        try:
            self._server = ThreadingHTTPServer((HOST, port), handler)
        except OSError as error:
            raise UsageError(f"--port {port}: cannot listen on {HOST}:{port}: {error.strerror or error}") from None
        self._server.daemon_threads = True  # a poll still waiting never holds up the exit
        self.port = self._server.server_address[1]
        handler.hosts = {f"{HOST}:{self.port}", f"localhost:{self.port}"}
        self._thread = threading.Thread(target=self._server.serve_forever, name="journeyctl-serve", daemon=True)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    def start(self) -> None:
        self._thread.start()

    def close(self) -> None:
        self.reloads.close()
        self._server.shutdown()
        self._server.server_close()


class _Handler(BaseHTTPRequestHandler):
    root: str
    reloads: Reloads
    hosts: set[str]
    server_version = "journeyctl"
    sys_version = ""

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def log_message(self, format, *args) -> None:  # the terminal shows renders, not every request
        pass

    def _answer(self, with_body: bool) -> None:
        if self.headers.get("Host", "").lower() not in self.hosts:
            return self._send(
                HTTPStatus.FORBIDDEN, b"journeyctl serves only http://127.0.0.1\n", "text/plain", with_body
            )
        url = urlsplit(self.path)
        if url.path == RELOAD_PATH:
            try:
                after = int(parse_qs(url.query).get("after", ["-1"])[0])
            except ValueError:
                after = -1
            return self._send(HTTPStatus.OK, str(self.reloads.wait(after)).encode(), "text/plain", with_body)
        file = self._file(url.path)
        if file is None:
            return self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain", with_body)
        try:
            with open(file, "rb") as stream:
                content = stream.read()
        except OSError:
            return self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain", with_body)
        kind = mimetypes.guess_type(file)[0] or "application/octet-stream"
        if kind == "text/html":
            content = with_reload_script(content.decode("utf-8", "replace"), self.reloads.generation).encode("utf-8")
        self._send(HTTPStatus.OK, content, kind, with_body)

    def _file(self, url_path: str) -> str | None:
        """The regular file inside the root that the URL path names (a folder: its index.html), or None."""
        try:
            parts = unquote(url_path, errors="strict").split("/")
        except UnicodeDecodeError:
            return None
        if any(part.startswith(".") or "\\" in part or "\0" in part for part in parts):
            return None  # `..`, hidden files (the render's temporaries), and what is no file name here
        candidate = os.path.realpath(os.path.join(self.root, *[part for part in parts if part]))
        if os.path.isdir(candidate):
            candidate = os.path.join(candidate, "index.html")
        candidate = os.path.realpath(candidate)
        if os.path.commonpath([candidate, self.root]) != self.root:
            return None  # a symbolic link that leads out of the folder
        try:
            return candidate if stat.S_ISREG(os.stat(candidate).st_mode) else None
        except OSError:
            return None

    def _send(self, status: HTTPStatus, content: bytes, kind: str, with_body: bool) -> None:
        self.send_response(status)
        charset = "; charset=utf-8" if kind.startswith("text/") else ""
        self.send_header("Content-Type", kind + charset)
        self.send_header("Content-Length", str(len(content)))
        self.send_header("Cache-Control", "no-store")  # a reload must fetch the new render
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if with_body:
            self.wfile.write(content)


def with_reload_script(page: str, generation: int) -> str:
    """The page with the reload script before </body>, its security policy allowing just that script."""
    nonce = secrets.token_urlsafe(16)
    page = _CSP.sub(
        lambda match: f"{match[1]}{match[2]}; script-src 'nonce-{nonce}'; connect-src 'self'{match[3]}", page, count=1
    )
    script = _SCRIPT.format(nonce=nonce, generation=generation, path=RELOAD_PATH)
    ends = list(_BODY_END.finditer(page))
    if not ends:
        return page + script
    return page[: ends[-1].start()] + script + page[ends[-1].start() :]
