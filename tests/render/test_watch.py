"""`journeyctl render --watch --serve` as a user runs it: a real process in a copy of maps/, real
saves, real HTTP (urllib), a real Ctrl-C (SIGINT), and a real Chromium that reloads itself.

Every wait is bounded (WAIT_SECONDS) and polls for what a user would see; none asserts a time.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import chromium

pytestmark = pytest.mark.slow  # a server process, watched saves, a browser

ROOT = Path(__file__).resolve().parents[2]
JOURNEYCTL = Path(sys.executable).with_name("journeyctl")
WAIT_SECONDS = 20
RELOAD_MARK = "journeyctl --serve: reload when a render finishes"
OLD_TITLE = "title: Small business journey"


class Watching:
    """A running `render maps --watch ...`; its output (stdout and stderr) gathered as it comes."""

    def __init__(self, folder: Path, *options: str) -> None:
        self.folder = folder
        self.process = subprocess.Popen(
            [str(JOURNEYCTL), "render", "maps", "--watch", "--out", "out", *options],
            cwd=folder,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "COLUMNS": "200"},
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def wait_for(self, pattern: str) -> re.Match:
        match = _poll(lambda: re.search(pattern, self.output))
        assert match, f"no {pattern!r} in the output:\n{self.output}"
        return match

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        try:
            status = self.process.wait(WAIT_SECONDS)
        finally:
            if self.process.poll() is None:
                self.process.kill()
        self._reader.join(WAIT_SECONDS)
        return status


def _poll(check):
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        found = check()
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(ROOT / "maps", tmp_path / "maps")
    return tmp_path


@pytest.fixture
def served(folder):
    watching = Watching(folder, "--serve", "--port", "0")
    url = watching.wait_for(r"Serving out at (http://127\.0\.0\.1:\d+/)")[1]
    watching.wait_for("Watching")
    yield watching, url
    if watching.process.poll() is None:
        watching.stop()


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=WAIT_SECONDS) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


def save(path: Path, text: str) -> None:
    """As an editor saves: the content changes, and so does the mtime (coarse clocks too)."""
    before = path.stat().st_mtime_ns if path.exists() else None
    path.write_text(text, encoding="utf-8")
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))


def test_the_page_is_served_with_the_reload_script_which_the_file_on_disk_has_not(served, folder):
    watching, url = served
    status, page = fetch(url)
    assert status == 200 and "Small business journey" in page and RELOAD_MARK in page
    on_disk = (folder / "out" / "index.html").read_text(encoding="utf-8")
    assert RELOAD_MARK not in on_disk and "<script" not in on_disk
    # The response's policy allows that one script by its nonce, and nothing else.
    nonce = re.search(r'<script nonce="([^"]+)">', page)[1]
    assert f"script-src 'nonce-{nonce}'; connect-src 'self'" in page
    status, markdown_free = fetch(url + "smb-digital.html")
    assert status == 200 and RELOAD_MARK in markdown_free


def test_a_saved_title_is_served_and_a_broken_map_leaves_the_last_good_page(served, folder):
    watching, url = served
    map_file = folder / "maps" / "smb-digital.yaml"
    text = map_file.read_text(encoding="utf-8")
    assert OLD_TITLE in text
    save(map_file, text.replace(OLD_TITLE, "title: Small business journey, edited"))
    assert _poll(lambda: "Small business journey, edited" in fetch(url)[1]), watching.output
    assert "changed: rendering again" in watching.output

    save(map_file, text.replace(OLD_TITLE, "title: [unclosed"))
    watching.wait_for(r"smb-digital\.yaml:\d+:\d+")  # the problem, where lint would show it
    watching.wait_for("The last good render stays in place")
    status, page = fetch(url)
    assert status == 200 and "Small business journey, edited" in page
    assert "Small business journey, edited" in (folder / "out" / "index.html").read_text(encoding="utf-8")

    save(map_file, text)  # fixed: rendered again, and watching went on throughout
    assert _poll(lambda: "Small business journey, edited" not in fetch(url)[1])
    assert watching.process.poll() is None


def test_a_new_map_in_the_folder_is_rendered(served, folder):
    watching, url = served
    text = (folder / "maps" / "smb-digital.yaml").read_text(encoding="utf-8")
    save(
        folder / "maps" / "smb-copy.yaml",
        text.replace("id: smb-digital", "id: smb-copy").replace(OLD_TITLE, "title: The copied journey"),
    )
    assert _poll(lambda: "The copied journey" in fetch(url + "smb-copy.html")[1]), watching.output


@pytest.mark.parametrize(
    "path",
    [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/..%2f..%2fetc%2fpasswd",
        "/%252e%252e/etc/passwd",
        "//etc/passwd",
        "/out/../../maps/smb-digital.yaml",
        "/%00index.html",
        "/%ff",
        "/.journeyctl-1-abcdefgh.tmp",
        "/outside/passwd",
        "/nothing-here.html",
    ],
)
def test_only_files_inside_the_output_folder_are_served(served, folder, path):
    watching, url = served
    (folder / "out" / "outside").symlink_to("/etc", target_is_directory=True)
    (folder / "out" / ".journeyctl-1-abcdefgh.tmp").write_text("half a file", encoding="utf-8")
    host, port = url.split("/")[2].split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=WAIT_SECONDS)
    connection.request("GET", path)  # as sent: urllib would normalise the dots away
    response = connection.getresponse()
    body = response.read()
    connection.close()
    assert response.status == 404, (path, body[:200])
    assert b"root:" not in body


def test_a_request_for_another_host_name_is_refused(served):
    watching, url = served
    host, port = url.split("/")[2].split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=WAIT_SECONDS)
    connection.request("GET", "/", headers={"Host": f"attacker.example:{port}"})  # DNS rebinding
    assert connection.getresponse().status == 403
    connection.close()


def test_ctrl_c_stops_it_cleanly_even_in_the_middle_of_a_render(served, folder):
    watching, url = served
    map_file = folder / "maps" / "smb-digital.yaml"
    save(map_file, map_file.read_text(encoding="utf-8") + "\n")
    watching.wait_for("changed: rendering again")
    status = watching.stop()
    assert status in (0, 130), watching.output
    assert "Traceback" not in watching.output and "internal error" not in watching.output
    assert not list((folder / "out").glob(".journeyctl-*.tmp"))
    assert not list((folder / "maps").glob(".journeyctl-*.tmp"))
    with pytest.raises(OSError):
        urllib.request.urlopen(url, timeout=5)  # the server is gone with it


@pytest.mark.parametrize(
    "options, message",
    [
        (["--serve", "--out", "-"], "use --out DIR, not --out -"),  # --serve implies --watch
        (["--watch", "--out", "-"], "use --out DIR, not --out -"),
        (["--watch", "--port", "8000"], "--port is the port of --serve"),
    ],
)
def test_usage_errors(folder, options, message):
    result = subprocess.run(
        [str(JOURNEYCTL), "render", "maps/smb-digital.yaml", *options],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=WAIT_SECONDS,
    )
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr


def test_the_page_reloads_itself_in_chromium_after_a_save(served, folder, tmp_path_factory):
    _watching, url = served
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as context:
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url + "smb-digital.html", wait_until="load")
        page.evaluate("window.__before_reload = true")
        map_file = folder / "maps" / "smb-digital.yaml"
        save(map_file, map_file.read_text(encoding="utf-8").replace(OLD_TITLE, "title: Reloaded by itself"))
        # A locator, not wait_for_function: that one evals a string, which the page's policy forbids.
        page.get_by_text("Reloaded by itself").first.wait_for(timeout=WAIT_SECONDS * 1000)
        assert page.evaluate("typeof window.__before_reload") == "undefined"  # a new page: it reloaded
        assert errors == []  # the policy let the one script run, and nothing complained
