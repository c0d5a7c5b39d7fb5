"""Runnable without a clone: the wheel the site serves, in a fresh environment, runs every download.

The home page and the gallery link the package wheel that the built site serves and show the
one command that installs it. These tests do what a reader does, outside the repository: make
a fresh virtual environment (no system site-packages), install the wheel from the built site
(not the source tree) with the requirements that command names, then run every ``.py`` and
``.ipynb`` that a page of the site links for download, each copied into an empty folder of its
own, with ``MPLBACKEND=Agg``: scripts with ``python``, notebooks in a Jupyter kernel of that
environment (nbclient and ipykernel are added to it for that, as a reader adds Jupyter). Each
example's zip holds the same two files, which is checked, not run again.

uv makes the environment when it is installed (the test group has it; a second with its cache),
otherwise ``venv`` and pip do (about 25 s more). The downloads run two at a time: about 80 s in all on 2 cores.
Nothing is skipped: without a built site, or when an install fails, the tests fail and say so.
"""

import concurrent.futures
import importlib.util
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from checks import site_pages

ROOT = Path(__file__).resolve().parents[2]
HTML = Path(os.environ.get("REGEXPLAIN_SITE", ROOT / "docs" / "_build" / "html"))
NO_SITE = f"no built site at {HTML}: run `nox -s docs` (or `nox -s site`, which builds it) first"
EXAMPLES = sorted((ROOT / "examples").rglob("plot_*.py"))
#: The pages that show the install command.
INSTALL_PAGES = ("index.html", "auto_examples/index.html")
#: What a reader adds to run the notebooks (Jupyter's notebook runner and its Python kernel).
NOTEBOOK_TOOLS = ("nbclient", "ipykernel")
WORKERS = 2
TIMEOUT = 600  # seconds, for one download
#: Environment variables of this process that would let the runs see anything but the fresh environment.
NOT_INHERITED = {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONDONTWRITEBYTECODE", "PYTHONSAFEPATH"}
NOT_INHERITED |= {"VIRTUAL_ENV", "CONDA_PREFIX", "MPLBACKEND", "MPLCONFIGDIR", "IPYTHONDIR", "JUPYTER_PATH"}

pytestmark = pytest.mark.site

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_HREF = re.compile(r'href="([^"#?]+\.(?:py|ipynb|zip|whl))"')

# Runs a notebook as Jupyter does: its own kernel (the kernelspec it names), cells in order;
# a cell that raises makes nbclient raise, and this script exit 1 with the traceback.
RUN_NOTEBOOK = """
import sys
import nbclient, nbformat
notebook = nbformat.read(sys.argv[1], as_version=4)
where = {"metadata": {"path": "."}}
nbclient.NotebookClient(notebook, timeout=600, shutdown_kernel="immediate", resources=where).execute()
"""
PROBE = """
import sys, regexplain, regexplain.plot, matplotlib.pyplot
print(sys.prefix, regexplain.__file__, regexplain.__version__, sep="\\n")
"""
KERNEL_PROBE = 'import sys, regexplain\nopen("probe.txt", "w").write(sys.executable + "\\n" + regexplain.__file__)'


def downloads(html: Path = HTML) -> dict[str, list[str]]:
    """Every file that a page of the built site links for download: its path in the site, and those pages."""
    found: dict[str, list[str]] = {}
    for page in site_pages(html):
        for href in _HREF.findall(page.read_text(encoding="utf-8")):
            if urlsplit(href).scheme or href.startswith("//"):
                continue
            target = os.path.relpath(page.parent / unquote(href), html)
            found.setdefault(Path(target).as_posix(), []).append(page.relative_to(html).as_posix())
    return found


def pytest_generate_tests(metafunc):
    if "download" in metafunc.fixturenames:
        # Without a site: one test that fails and says how to build it (never an empty parametrization).
        built = (HTML / "index.html").exists()
        runnable = sorted(p for p in downloads() if p.endswith((".py", ".ipynb"))) if built else [None]
        metafunc.parametrize("download", runnable, ids=[Path(p).name if p else "no-built-site" for p in runnable])


@pytest.fixture(scope="module")
def site() -> Path:
    if not (HTML / "index.html").exists():
        pytest.fail(NO_SITE, pytrace=False)
    return HTML


@pytest.fixture(scope="module")
def offered(site) -> dict[str, list[str]]:
    return downloads(site)


@pytest.fixture(scope="module")
def served_wheel(site, offered) -> Path:
    wheels = [path for path in offered if path.endswith(".whl")]
    assert len(wheels) == 1, f"the site should link exactly one wheel, not {wheels}"
    path = site / wheels[0]
    assert path.is_file(), f"{wheels[0]}, linked from {offered[wheels[0]]}, is not in the built site"
    return path


def install_command(page: BeautifulSoup) -> list[str]:
    """The words of the one ``pip install`` command that a page shows."""
    commands = [pre.get_text() for pre in page.select("main pre") if "pip install" in pre.get_text()]
    assert len(commands) == 1, f"expected one pip install command, found {commands}"
    return shlex.split(commands[0])


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


@dataclass
class Reader:
    """A fresh environment with the served wheel installed, as a reader who downloaded it has."""

    venv: Path
    python: Path
    home: Path  # outside the repository: the downloads are copied and run in here
    env: dict[str, str]
    probe: list[str]  # sys.prefix, regexplain.__file__ and __version__, as a script sees them
    kernel_probe: list[str]  # sys.executable and regexplain.__file__, as a notebook's kernel sees them


def _uv() -> str | None:
    if importlib.util.find_spec("uv") is not None:
        from uv import find_uv_bin

        return find_uv_bin()
    return shutil.which("uv")


def _run(argv, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in argv], capture_output=True, text=True, errors="replace", **kwargs)
    if result.returncode != 0:
        pytest.fail(f"`{shlex.join(map(str, argv))}` failed ({result.returncode}):\n{result.stderr[-4000:]}")
    return result


def make_venv(venv: Path, requirements: list[str], cwd: Path) -> Path:
    """A fresh virtual environment at ``venv`` with ``requirements`` installed (paths relative to ``cwd``)."""
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    uv = _uv()
    if uv:
        _run([uv, "venv", "--quiet", "--no-config", "--python", sys.executable, venv])
        _run([uv, "pip", "install", "--quiet", "--no-config", "--python", python, *requirements], cwd=cwd)
    else:
        _run([sys.executable, "-m", "venv", venv])
        _run([python, "-m", "pip", "install", "--quiet", *requirements], cwd=cwd)
    return python


def outside_the_repository() -> Path:
    """A new empty folder outside the repository (nox points TMPDIR into .nox/<session>/tmp, which is inside)."""
    for base in (tempfile.gettempdir(), "/tmp", "/var/tmp", Path.home()):
        if Path(base).is_dir() and not Path(base).resolve().is_relative_to(ROOT):
            return Path(tempfile.mkdtemp(prefix="regexplain-reader-", dir=base))
    pytest.fail(f"found no folder for temporary files outside the repository {ROOT}", pytrace=False)


@pytest.fixture(scope="module")
def reader(site, served_wheel) -> Iterator[Reader]:
    home = outside_the_repository()
    try:
        yield _reader(site, served_wheel, home)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def _reader(site: Path, served_wheel: Path, home: Path) -> Reader:
    assert not home.resolve().is_relative_to(ROOT), f"the reader's folder {home} must be outside the repository"
    shutil.copyfile(served_wheel, home / served_wheel.name)  # downloaded
    words = install_command(_soup(site, "index.html"))
    venv = home / "venv"
    python = make_venv(venv, [*words[4:], *NOTEBOOK_TOOLS], cwd=home)
    env = {name: value for name, value in os.environ.items() if name not in NOT_INHERITED}
    env |= {
        "PATH": f"{python.parent}{os.pathsep}{env.get('PATH', '')}",  # as if activated: `python` is its own
        "VIRTUAL_ENV": str(venv),
        "PYTHONNOUSERSITE": "1",
        "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": str(home / "mplconfig"),
        "IPYTHONDIR": str(home / "ipython"),
        "JUPYTER_DATA_DIR": str(home / "jupyter-data"),  # no kernelspec of this machine's user
        "JUPYTER_CONFIG_DIR": str(home / "jupyter-config"),
        "JUPYTER_RUNTIME_DIR": str(home / "jupyter-runtime"),
        "JUPYTER_PLATFORM_DIRS": "1",
        "TMPDIR": str(home / "tmp"),
    }
    (home / "tmp").mkdir()
    kernel_config = home / "ipython" / "profile_default" / "ipython_kernel_config.py"
    kernel_config.parent.mkdir(parents=True)
    kernel_config.write_text('c.IPKernelApp.log_level = "ERROR"\n')  # no notice about TCP on every run
    # Once, before the parallel runs: also builds matplotlib's font cache.
    probe = _run([python, "-c", PROBE], cwd=home, env=env).stdout.split("\n")[:3]
    kernel_dir = home / "kernel-probe"
    kernel_dir.mkdir()
    cell = {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": KERNEL_PROBE}
    kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook = {"cells": [cell], "metadata": {"kernelspec": kernelspec}, "nbformat": 4, "nbformat_minor": 5}
    (kernel_dir / "probe.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    _run([python, "-c", RUN_NOTEBOOK, "probe.ipynb"], cwd=kernel_dir, env=env)
    kernel_probe = (kernel_dir / "probe.txt").read_text(encoding="utf-8").split("\n")
    return Reader(venv, python, home, env, probe, kernel_probe)


@dataclass
class Outcome:
    returncode: int | None  # None: timed out
    output: str
    seconds: float


def run_download(reader: Reader, site: Path, download: str) -> Outcome:
    """Copy one download into an empty folder of the reader's and run it there, as a reader would."""
    folder = reader.home / "runs" / download.replace("/", "-")
    folder.mkdir(parents=True)
    name = Path(download).name
    shutil.copyfile(site / download, folder / name)
    argv = [reader.python, name] if name.endswith(".py") else [reader.python, "-c", RUN_NOTEBOOK, name]
    start = time.perf_counter()
    try:
        result = subprocess.run(
            [str(a) for a in argv],
            cwd=folder,
            env=reader.env,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired as expired:
        return Outcome(None, f"timed out after {TIMEOUT} s\n{expired.stderr or ''}", time.perf_counter() - start)
    output = _ANSI.sub("", result.stdout[-2000:] + result.stderr[-6000:])  # the kernel's tracebacks come in colour
    return Outcome(result.returncode, output, time.perf_counter() - start)


@pytest.fixture(scope="module")
def runs(request, reader, site) -> dict[str, Outcome]:
    """The downloads whose tests were selected (all of them, unless ``-k`` or a test id chose some), two at a time."""
    runnable = sorted({item.callspec.params["download"] for item in request.session.items if _runs_a_download(item)})
    with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
        outcomes = dict(zip(runnable, pool.map(lambda d: run_download(reader, site, d), runnable), strict=True))
    return outcomes


def _runs_a_download(item) -> bool:
    return "download" in getattr(getattr(item, "callspec", None), "params", {})


# -- What the site offers ----------------------------------------------------------------------


def test_every_example_is_offered_as_a_script_and_a_notebook(site, offered):
    missing = [f"{path} (linked from {pages[0]})" for path, pages in offered.items() if not (site / path).is_file()]
    assert not missing, f"download links to files not in the site: {missing}"
    for suffix in (".py", ".ipynb"):
        names = sorted(Path(path).name for path in offered if path.endswith(suffix))
        assert names == sorted(example.with_suffix(suffix).name for example in EXAMPLES), suffix


def test_each_zip_holds_the_script_and_the_notebook_that_run(site, offered):
    by_name = {}
    for path in offered:
        by_name.setdefault(Path(path).name, []).append(path)
    zips = [path for path in offered if path.endswith(".zip")]
    assert len(zips) == len(EXAMPLES)
    for path in zips:
        with zipfile.ZipFile(site / path) as archive:
            members = {name: archive.read(name) for name in archive.namelist()}
        stem = Path(path).stem
        assert sorted(members) == [f"{stem}.ipynb", f"{stem}.py"], path
        for name, data in members.items():
            (same,) = by_name[name]
            assert data == (site / same).read_bytes(), f"{path}: its {name} differs from the linked {same}"


@pytest.mark.parametrize("install_page", INSTALL_PAGES)
def test_page_links_the_wheel_and_shows_the_command_that_installs_it(site, served_wheel, install_page):
    soup = _soup(site, install_page)
    links = [a["href"] for a in soup.select("main a[href]") if a["href"].endswith(".whl")]
    assert links, f"{install_page} links no wheel"
    for href in links:
        assert (site / install_page).parent.joinpath(href).resolve() == served_wheel.resolve(), href
    words = install_command(soup)
    assert words[:4] == ["python", "-m", "pip", "install"], words
    assert words[4] == served_wheel.name, f"the command installs {words[4]}, the page links {served_wheel.name}"
    assert [w.split(">")[0] for w in words[5:]] == ["scikit-learn"], words  # numpy and matplotlib come with it


def test_served_wheel_is_this_source_tree(served_wheel):
    """Every module of ``regexplain/``, byte for byte, and nothing else; its version in the file name."""
    with zipfile.ZipFile(served_wheel) as wheel:
        packaged = {
            name: wheel.read(name) for name in wheel.namelist() if not name.split("/")[0].endswith(".dist-info")
        }
    source = {p.relative_to(ROOT).as_posix(): p.read_bytes() for p in sorted((ROOT / "regexplain").rglob("*.py"))}
    missing, extra = sorted(source.keys() - packaged.keys()), sorted(packaged.keys() - source.keys())
    assert not missing, f"the served wheel lacks {missing}: rebuild the site"
    assert not extra, f"the served wheel holds {extra}, which the source tree does not"
    stale = [name for name in source if packaged[name] != source[name]]
    assert not stale, f"the served wheel is older than {stale}: rebuild the site"
    version = re.search(r'^__version__ = "([^"]+)"', source["regexplain/__init__.py"].decode(), re.M)[1]
    assert served_wheel.name == f"regexplain-{version}-py3-none-any.whl"


# -- What a reader gets ------------------------------------------------------------------------


def test_the_fresh_environment_imports_the_served_wheel(reader, served_wheel):
    prefix, module, version = reader.probe
    assert Path(prefix).resolve() == reader.venv.resolve()
    assert "include-system-site-packages = false" in (reader.venv / "pyvenv.cfg").read_text()
    site_packages = [p for p in Path(module).parents if p.name == "site-packages"]
    assert site_packages, f"regexplain came from {module}, not from a site-packages folder"
    assert site_packages[0].is_relative_to(reader.venv), module
    assert not Path(module).resolve().is_relative_to(ROOT), f"the runs import the source tree: {module}"
    assert served_wheel.name.startswith(f"regexplain-{version}-")
    executable, kernel_module = reader.kernel_probe
    assert Path(executable).is_relative_to(reader.venv), f"the notebooks' kernel runs {executable}"
    assert kernel_module == module


def test_download_runs_in_the_fresh_environment(download, runs, offered):
    outcome = runs[download]
    how = "timed out" if outcome.returncode is None else f"exited with {outcome.returncode}"
    assert outcome.returncode == 0, (
        f"{download} (linked from {offered[download][0]}) {how} after {outcome.seconds:.1f} s in a fresh environment"
        f" with only the served wheel and the home page's requirements:\n{outcome.output}"
    )
