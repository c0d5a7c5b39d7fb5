"""The package wheel, served by the site, and the one-line command that installs it.

At ``builder-inited`` the project's own build backend (``[build-system]`` of pyproject.toml:
hatchling, from the docs dependency group, so no network is needed) builds the wheel of the
source tree into the site's ``_downloads/``, next to the examples. ``SOURCE_DATE_EPOCH`` fixes
the dates inside it, so two builds give the same bytes.

``wheel-install`` (a directive without arguments or content) shows the link to that wheel and
the command that installs it together with what the examples need beyond the package
(scikit-learn, for its bundled data sets), with the wheel's real file name and the version
of scikit-learn the site is built with: no version is typed by hand anywhere.
"""

import os
import subprocess
import sys
import tomllib
from pathlib import Path

from docutils import nodes
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

ROOT = Path(__file__).resolve().parents[2]
DOWNLOADS = "_downloads"  # the wheel's folder in the built site
EXAMPLES_NEED = ("scikit-learn",)
"""What the examples import besides regexplain and its own dependencies (numpy, matplotlib)."""
EARLIEST_ZIP_DATE = 315532800  # 1980-01-01 00:00 UTC: a zip file holds no earlier date

_built: dict[str, str] = {}  # "name": the file name of the wheel this build serves


def pyproject(root: Path = ROOT) -> dict:
    return tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))


def build_wheel(root: Path, out: Path) -> Path:
    """Build the wheel of the project at ``root`` into ``out`` with its build backend; reproducible.

    The dates inside the wheel are ``SOURCE_DATE_EPOCH`` (the site build sets it), at least
    1980-01-01, and that day when it is not set.
    """
    backend = pyproject(root)["build-system"]["build-backend"]
    epoch = max(int(os.environ.get("SOURCE_DATE_EPOCH") or 0), EARLIEST_ZIP_DATE)
    out.mkdir(parents=True, exist_ok=True)
    code = f"import sys, {backend} as backend; print(backend.build_wheel(sys.argv[1]))"
    result = subprocess.run(
        [sys.executable, "-c", code, str(out)],
        cwd=root,
        env={**os.environ, "SOURCE_DATE_EPOCH": str(epoch)},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise ExtensionError(
            f"building the wheel with {backend} failed (is it installed? it is in the docs dependency group):\n"
            + result.stderr[-3000:]
        )
    return out / result.stdout.strip().splitlines()[-1]


def example_requirements(project: dict) -> list[str]:
    """The requirements of EXAMPLES_NEED as the docs dependency group states them (the versions the site runs)."""
    docs = [r for r in project["dependency-groups"]["docs"] if isinstance(r, str)]
    found = []
    for name in EXAMPLES_NEED:
        specs = [r for r in docs if canonicalize_name(Requirement(r).name) == canonicalize_name(name)]
        if len(specs) != 1:
            raise ExtensionError(f"the docs dependency group should list {name} once, not {specs}")
        found.append(specs[0])
    return found


def install_command(wheel: str, requirements: list[str]) -> str:
    """The one line that installs the downloaded wheel and ``requirements`` (quoted for any shell)."""
    return " ".join(["python", "-m", "pip", "install", wheel, *(f'"{r}"' for r in requirements)])


def _build(app) -> None:
    if app.builder.format != "html":
        return
    folder = Path(app.outdir) / DOWNLOADS
    for old in folder.glob("*.whl"):
        old.unlink()  # an earlier version's wheel
    _built["name"] = build_wheel(ROOT, folder).name


class WheelInstall(SphinxDirective):
    """The link to the served wheel and the command that installs it."""

    def run(self) -> list[nodes.Node]:
        if "name" not in _built:
            raise self.error("no wheel was built: wheel-install needs the HTML builder")
        wheel = _built["name"]
        here = self.env.app.builder.get_target_uri(self.env.docname)
        link = nodes.reference("", "", nodes.literal(wheel, wheel), refuri=relative_uri(here, f"{DOWNLOADS}/{wheel}"))
        link["internal"] = True
        after = nodes.Text(" and, in the folder that holds it, run:")
        lead = nodes.paragraph("", "", nodes.Text("Download "), link, after)
        command = install_command(wheel, example_requirements(pyproject()))
        return [lead, nodes.literal_block(command, command, language="bash", classes=["wheel-install"])]


def setup(app):
    app.connect("builder-inited", _build)
    app.add_directive("wheel-install", WheelInstall)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
