"""Contributor tasks: ``nox -s docs`` builds the site, ``nox -s tests`` tests everything.

``tests`` builds the site twice from clean, fails if the two builds differ, then runs pytest
(package, examples, built site, real browser, budgets, ruff).

Other sessions: ``lint`` (ruff), ``serve`` (preview the built site on 127.0.0.1), ``repro`` (two clean
builds must be identical), ``bench`` (build times, run times, page weights).
"""

import shutil
import sys
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["lint", "tests"]

ROOT = Path(__file__).parent
sys.path.insert(0, str(ROOT / "docs"))
from site_build import BUILD_ENV, HTML, clean_outputs, sphinx_args  # noqa: E402

PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
# uv-made environments get no .pyc files when PYTHONDONTWRITEBYTECODE is set, which makes every
# import, and every notebook kernel start, about twice as slow.
INSTALL_ENV = {"UV_COMPILE_BYTECODE": "1"}


def install(session: nox.Session, *groups: str) -> None:
    """Install the package (not editable: test what users get) and dependency groups.

    matplotlib gets a config folder of the session's own: its font cache names font files by
    path, and a cache shared with other environments can miss this one's bundled fonts (mathtext
    then falls back to upright glyphs and the figures change).
    """
    session.install(".", *nox.project.dependency_groups(PYPROJECT, *groups), env=INSTALL_ENV)
    session.env["MPLCONFIGDIR"] = str(Path(session.virtualenv.location) / "mplconfig")


def build_site(session: nox.Session, html: Path = HTML) -> None:
    clean_outputs()
    session.run("sphinx-build", *sphinx_args(html), env=BUILD_ENV)
    session.log(f"Site built: open {html / 'index.html'}")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the whole site from clean into docs/_build/html (warnings are errors)."""
    install(session, "docs")
    build_site(session)


@nox.session
def tests(session: nox.Session) -> None:
    """Build the site twice from clean (the builds must be identical), then run the whole test suite."""
    install(session, "docs", "test", "lint")
    build_twice_and_compare(session)
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff: lint and formatting."""
    install(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(default=False)
def serve(session: nox.Session) -> None:
    """Preview the built site at http://127.0.0.1:8000 (builds it first if missing)."""
    if not (HTML / "index.html").exists():
        install(session, "docs")
        build_site(session)
    port = session.posargs[0] if session.posargs else "8000"
    session.log(f"Serving {HTML} at http://127.0.0.1:{port}/ (Ctrl+C to stop)")
    session.run("python", "-m", "http.server", port, "--bind", "127.0.0.1", "--directory", str(HTML))


# Written into the output tree by some builders but not part of the published site.
NOT_PUBLISHED = {".doctrees"}


def _first_difference(a: bytes, b: bytes) -> str:
    """Where two versions of a file first differ; for text, the two versions of that line."""
    where = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    line = a.count(b"\n", 0, where) + 1
    text = f"{len(a)} vs {len(b)} bytes; first difference at line {line}"
    if b"\0" in a[:8000] + b[:8000]:
        return text
    excerpts = []
    for data in (a, b):
        start = max(data.rfind(b"\n", 0, where) + 1, where - 60)
        excerpts.append(data[start : where + 60].decode("utf-8", "replace").split("\n")[0])
    return f"{text}\n      first: {excerpts[0]!r}\n     second: {excerpts[1]!r}"


def tree_differences(first: Path, second: Path) -> list[str]:
    """Compare two built sites file by file; describe every difference."""
    files = {}
    for tree in (first, second):
        names = {p.relative_to(tree).as_posix() for p in tree.rglob("*") if p.is_file()}
        files[tree] = {name for name in names if not NOT_PUBLISHED & set(name.split("/"))}
    differences = [f"only in the first build: {f}" for f in sorted(files[first] - files[second])]
    differences += [f"only in the second build: {f}" for f in sorted(files[second] - files[first])]
    for name in sorted(files[first] & files[second]):
        a, b = (first / name).read_bytes(), (second / name).read_bytes()
        if a != b:
            differences.append(f"differs: {name} ({_first_difference(a, b)})")
    return differences


def build_twice_and_compare(session: nox.Session) -> None:
    """Build the site twice from clean and fail on any difference between the two trees.

    The first build is kept in .nox/<session>/tmp/first-build for inspection; the second is
    the usual docs/_build/html.
    """
    first = Path(session.create_tmp()).resolve() / "first-build"
    shutil.rmtree(first, ignore_errors=True)
    build_site(session, html=first)
    build_site(session)
    differences = tree_differences(first, HTML)
    count = sum(1 for p in HTML.rglob("*") if p.is_file())
    if differences:
        session.error(
            f"two clean builds differ in {len(differences)} file(s) ({first} vs {HTML}):\n"
            + "\n".join(f"  {d}" for d in differences)
        )
    session.log(f"Reproducible: two clean builds are identical ({count} files compared)")


@nox.session(default=False)
def repro(session: nox.Session) -> None:
    """Build the site twice from clean and compare the two trees file by file (``tests`` does this too)."""
    install(session, "docs")
    build_twice_and_compare(session)


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Benchmark the package's hot paths, build times, run times and page weights (benchmarks/).

    Prints tables and writes benchmarks/results.json. Builds the site from clean (twice).
    """
    install(session, "docs", "test")
    session.run("python", "benchmarks/bench_package.py")
    session.run("python", "benchmarks/bench_site.py", *session.posargs)
