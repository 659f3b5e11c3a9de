"""journeyctl installed the ways a user installs it, each into a fresh virtual environment and run
from a folder outside the checkout: the wheel and the sdist built from this checkout, and the
commands of the README's Install section as they are written there.

Nothing is downloaded: pip runs with --no-index, and the dependencies come from the test
environment through a path line in a .pth file (it adds a folder to sys.path and installs
nothing), so each install brings in journeyctl itself and nothing else.
"""

from __future__ import annotations

import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tarfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from pypdf import PdfReader

import journeyctl
from journeyctl.render.pdf import PANGO_PACKAGES

CHECKOUT = Path(journeyctl.__file__).resolve().parents[2]
README = CHECKOUT / "README.md"
# The README's stand-in for wherever this repository lives; the tests put a local repository there.
REPOSITORY_URL = "https://github.com/your-org/journeyctl"
# pip's own options that keep an install offline; the build backend (hatchling) comes from the test environment.
OFFLINE = ["--no-index", "--no-build-isolation"]

pytestmark = pytest.mark.skipif(
    not (CHECKOUT / "pyproject.toml").exists(), reason="journeyctl is not imported from a source checkout"
)


def run(*args, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([str(arg) for arg in args], capture_output=True, text=True, timeout=300, **kwargs)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


def fresh_venv(folder: Path) -> Path:
    """A virtual environment with no journeyctl of its own that sees the test environment's packages."""
    run(sys.executable, "-m", "venv", "--without-pip", folder)
    python = folder / "bin" / "python"
    purelib = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))").stdout.strip())
    (purelib / "_test_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    return folder


def pip_install(venv: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The test environment's pip installing into venv (pip's --python), offline."""
    return run(sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", *OFFLINE, *args, cwd=cwd)


def assert_runs_from(venv: Path, cwd: Path) -> None:
    """journeyctl, its templates and its schema are all the installed copy's, not this checkout's."""
    where = run(
        venv / "bin" / "python",
        "-c",
        "import journeyctl, journeyctl.resources as r; "
        "print(journeyctl.__file__); print(r.templates_dir()); print(r.schema_file())",
        cwd=cwd,
    ).stdout.split()
    assert all(Path(path).is_relative_to(venv) and Path(path).exists() for path in where), where
    assert (Path(where[1]) / "md" / "journey.md").is_file(), where


def readme_section(title: str) -> str:
    return README.read_text(encoding="utf-8").split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def same_but_timings(text: str) -> str:
    """Output without what changes from run to run: elapsed seconds and file sizes."""
    return re.sub(r"\(\d+ (B|KiB|MiB),", "(N,", re.sub(r"in \d+\.\d+s", "in Ns", text))


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


@pytest.fixture(scope="session")
def dists(tmp_path_factory) -> dict[str, Path]:
    """The sdist and the wheel, built as a release would build them."""
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "hatchling", "build", "-d", out, cwd=CHECKOUT)
    return {"sdist": next(out.glob("journeyctl-*.tar.gz")), "wheel": next(out.glob("journeyctl-*.whl"))}


@pytest.fixture(scope="session")
def installed_wheel(dists, tmp_path_factory) -> Path:
    """One fresh venv with the wheel installed, shared by the tests that only run the installed
    journeyctl (none of them installs anything more into it)."""
    venv = fresh_venv(tmp_path_factory.mktemp("wheel") / "venv")
    pip_install(venv, "--no-deps", dists["wheel"])
    return venv


@pytest.mark.slow
def test_the_installed_wheel_renders_md_html_and_pdf(installed_wheel, tmp_path):
    shutil.copytree(CHECKOUT / "tests" / "render" / "fixtures" / "rich", tmp_path / "maps")
    venv = installed_wheel
    assert_runs_from(venv, tmp_path)
    result = run(
        venv / "bin" / "journeyctl",
        "render",
        "maps",
        "-f",
        "md",
        "-f",
        "html",
        "-f",
        "pdf",
        "-a",
        "customer",
        "--out",
        "out",
        cwd=tmp_path,
    )
    assert "Wrote 5 files" in result.stdout
    assert (tmp_path / "out" / "rich-onboarding.md").read_text().startswith("# Onboarding")
    assert (
        'class="journey-map' in (tmp_path / "out" / "rich-onboarding.html").read_text()
    )  # the customer's one-page map
    assert "Kickoff call" in pdf_text(tmp_path / "out" / "rich-onboarding.pdf")


@pytest.mark.slow
def test_the_sdist_holds_the_source_and_installs_with_its_templates(dists, tmp_path):
    shutil.copytree(CHECKOUT / "maps", tmp_path / "maps")
    with tarfile.open(dists["sdist"]) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for shipped in (
        "LICENSE",
        "README.md",
        "CONTRIBUTING.md",
        "pyproject.toml",
        "templates/md/journey.md",
        "templates/html/paged.css",
        "schema/journeyctl.schema.json",
        "maps/catalog.yaml",
        "docs/format.md",
        "tests/conftest.py",
    ):
        assert shipped in names, shipped
    assert not any(name.startswith(".ci/") for name in names)
    venv = fresh_venv(tmp_path / "venv")
    pip_install(venv, "--no-deps", dists["sdist"])  # pip builds the wheel from the sdist alone
    assert_runs_from(venv, tmp_path)
    lint = run(venv / "bin" / "journeyctl", "lint", "maps", cwd=tmp_path)
    assert "5 files checked: 0 errors" in lint.stdout
    render = run(
        venv / "bin" / "journeyctl",
        "render",
        "maps/smb-digital.yaml",
        "maps/catalog.yaml",
        "--format",
        "md",
        "--out",
        "-",
        cwd=tmp_path,
    )
    assert render.stdout.startswith("# ") and "## Phases" in render.stdout


def readme_install_commands() -> list[list[str]]:
    """The commands of the README's Install section (its indented code lines), as words."""
    return [
        shlex.split(line, comments=True)
        for line in readme_section("Install").splitlines()
        if line.startswith("    ") and line.strip()
    ]


@pytest.mark.slow
def test_the_readme_install_commands_work_as_written(tmp_path):
    """pip from the git URL and pip from a clone, each with the pdf extra; pipx takes the same requirement."""
    if not (CHECKOUT / ".git").exists():
        pytest.skip("the checkout is not a git repository")
    # The repository the README's URL stands for: this checkout's files as they are now, committed.
    upstream = tmp_path / "upstream" / "journeyctl"
    tracked = run("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=CHECKOUT).stdout
    for name in filter(None, tracked.split("\0")):
        if (CHECKOUT / name).is_file():
            (upstream / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(CHECKOUT / name, upstream / name)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    run(*git, "init", "-q", cwd=upstream)
    run(*git, "add", "-A", cwd=upstream)
    run(*git, "commit", "-q", "-m", "release", cwd=upstream)

    commands = readme_install_commands()
    pip_installs = [words[2:] for words in commands if words[:2] == ["pip", "install"]]
    pipx_installs = [words[2:] for words in commands if words[:2] == ["pipx", "install"]]
    clones = [words for words in commands if words[:2] == ["git", "clone"]]
    assert pipx_installs and clones and len(pip_installs) == 2, commands
    from_url, from_clone = pip_installs
    assert pipx_installs == [from_url]  # so what is tested below for pip holds for pipx's requirement too

    workdir = tmp_path / "work"
    workdir.mkdir()
    for clone in clones:
        run(*[word.replace(REPOSITORY_URL, str(upstream)) for word in clone], cwd=workdir)
    for venv, requirement in [(tmp_path / "from-url", from_url), (tmp_path / "from-clone", from_clone)]:
        fresh_venv(venv)
        words = [word.replace(REPOSITORY_URL, upstream.as_uri()) for word in requirement]
        installed = pip_install(venv, *words, cwd=workdir)
        assert re.search(r"(?i)satisfied: weasyprint", installed.stdout), (
            installed.stdout
        )  # the pdf extra was asked for
        assert run(venv / "bin" / "journeyctl", "--version").stdout.strip() == f"journeyctl {journeyctl.__version__}"
        assert_runs_from(venv, workdir)
    shutil.copytree(CHECKOUT / "maps", workdir / "maps")  # and the pdf extra at work, from the clone's install
    run(
        tmp_path / "from-clone" / "bin" / "journeyctl",
        "render",
        "maps/enterprise-laer.yaml",
        "maps/catalog.yaml",
        "--format",
        "pdf",
        "--audience",
        "customer",
        "--out",
        "pdf",
        cwd=workdir,
    )
    assert "Kickoff call" in pdf_text(workdir / "pdf" / "enterprise-laer.pdf")


def test_the_readme_names_the_system_packages_the_pdf_message_names():
    assert f"apt-get install {PANGO_PACKAGES}" in readme_section("Install")


def render_pdf(tmp_path: Path, python_prelude: str, wrapper: Sequence[str] = ()) -> subprocess.CompletedProcess:
    shutil.copytree(CHECKOUT / "maps", tmp_path / "maps")
    code = (
        f"{python_prelude}; import sys; from journeyctl.cli.app import main; "
        "sys.argv = ['journeyctl', 'render', 'maps/enterprise-laer.yaml', 'maps/catalog.yaml', "
        "'--format', 'pdf', '--out', 'out']; main()"
    )
    return subprocess.run(
        [*wrapper, sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )


def test_pdf_without_weasyprint_says_how_to_install_it(tmp_path):
    result = render_pdf(tmp_path, "import sys; sys.modules['weasyprint'] = None")  # how Python itself blocks an import
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr == (
        "journeyctl: error: PDF output needs WeasyPrint: install journeyctl with its pdf extra, "
        "'journeyctl[pdf]' (see \"Install\" in journeyctl's README.md)\n"
    )
    assert not (tmp_path / "out").exists()


def test_pdf_without_pango_names_the_debian_packages(tmp_path):
    """Pango really missing: hidden behind an empty file in a mount namespace of its own (needs root)."""
    pango = Path("/usr/lib/x86_64-linux-gnu/libpango-1.0.so.0")
    hide = ["unshare", "--mount", "sh", "-c", f'mount --bind /dev/null {pango} && exec "$@"', "sh"]
    if (
        os.geteuid() != 0
        or not pango.exists()
        or not shutil.which("unshare")
        or subprocess.run([*hide, "true"], capture_output=True).returncode != 0
    ):
        pytest.skip("hiding Pango needs root, unshare and Debian's libpango-1.0-0")
    result = render_pdf(tmp_path, "pass", hide)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""  # WeasyPrint's own banner is not passed on
    assert result.stderr == (
        "journeyctl: error: PDF output needs Pango, which WeasyPrint could not load "
        f"(cannot load library 'libpango-1.0-0'): on Debian or Ubuntu, apt-get install "
        f'{PANGO_PACKAGES} (see "Install" in journeyctl\'s README.md)\n'
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_the_readme_walkthrough_runs_as_written(installed_wheel, tmp_path):
    """ "Your first map in ten minutes", with an installed journeyctl: each command's output is the README's."""
    venv = installed_wheel
    section = readme_section("Your first map in ten minutes")
    sessions = re.findall(r"```console\n(.*?)```", section, re.S)
    added, fixed = re.findall(r"```yaml\n(.*?)```", section, re.S)
    folder = tmp_path / "journeys"
    folder.mkdir()
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", "PYTHONUNBUFFERED": "1"}

    def replay(session: str) -> None:
        for step in re.split(r"^\$ ", session, flags=re.M)[1:]:
            command, expected = step.split("\n", 1)
            result = subprocess.run(
                shlex.split(command), cwd=folder, env=env, capture_output=True, text=True, timeout=120
            )
            shown = result.stdout + result.stderr
            assert result.returncode == (1 if " error " in expected else 0), shown
            assert same_but_timings(shown) == same_but_timings(expected), command

    map_file = folder / "acme-onboarding.yaml"
    after_the_check_in = "        timing: Week 4\n        emotion: 0\n"  # the README: "below its emotion: 0 line"
    replay(sessions[0])
    text = map_file.read_text(encoding="utf-8")
    assert text.count(after_the_check_in) == 1
    map_file.write_text(text.replace(after_the_check_in, after_the_check_in + added), encoding="utf-8")
    replay(sessions[1])
    map_file.write_text(map_file.read_text(encoding="utf-8").replace(added, fixed), encoding="utf-8")
    replay(sessions[2])
    customer = pdf_text(folder / "build" / "customer" / "acme-onboarding.pdf")
    assert "your CSM sends you a short plan" in customer and "Stalled rollout playbook" not in customer
    assert "Stalled rollout playbook" in (folder / "build" / "internal" / "acme-onboarding.md").read_text()
