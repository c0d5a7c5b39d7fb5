"""Contributor tasks: ``nox -s docs`` builds the site, ``nox -s tests`` tests everything.

Other sessions: ``lint`` (ruff), ``serve`` (preview the built site on 127.0.0.1).
"""

import shutil
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["lint", "tests"]

ROOT = Path(__file__).parent
DOCS = ROOT / "docs"
BUILD = DOCS / "_build"
HTML = BUILD / "html"
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
# uv-made environments get no .pyc files when PYTHONDONTWRITEBYTECODE is set, which makes every
# import, and every notebook kernel start, about twice as slow.
INSTALL_ENV = {"UV_COMPILE_BYTECODE": "1"}


def install(session: nox.Session, *groups: str) -> None:
    """Install the package (not editable: test what users get) and dependency groups."""
    session.install(".", *nox.project.dependency_groups(PYPROJECT, *groups), env=INSTALL_ENV)


def clean_outputs() -> None:
    """Remove everything a build writes, so that nothing stale can be published."""
    for path in (BUILD, DOCS / "auto_examples", DOCS / "sg_execution_times.rst"):
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def build_site(session: nox.Session) -> None:
    clean_outputs()
    session.run(
        "sphinx-build",
        "-W",
        "--keep-going",
        "-n",
        "-q",
        "-b",
        "html",
        "-d",
        str(BUILD / "doctrees"),
        str(DOCS),
        str(HTML),
        env={"SOURCE_DATE_EPOCH": "0"},
    )
    session.log(f"Site built: open {HTML / 'index.html'}")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the whole site from clean into docs/_build/html (warnings are errors)."""
    install(session, "docs")
    build_site(session)


@nox.session
def tests(session: nox.Session) -> None:
    """Build the site from clean, then run the whole test suite (package, examples, site)."""
    install(session, "docs", "test", "lint")
    build_site(session)
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
