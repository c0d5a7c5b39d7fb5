"""Math without a CDN: KaTeX renders the math at build time; its CSS and fonts are served locally.

sphinxcontrib-katex (with ``katex_prerender = True``) turns every formula into static HTML
using the KaTeX script it ships and the ``node`` executable, so pages need no math
JavaScript. The stylesheet and fonts that HTML needs come from the npm registry's ``katex``
package of the same version, fetched once into ``docs/_vendor/katex-<version>/`` (never
committed). Only the woff2 fonts are kept: every browser that runs the site prefers them.
"""

import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from sphinx.errors import ExtensionError
from sphinxcontrib.katex import katex_version


def vendor_katex(vendor_dir: Path) -> Path:
    """Return a folder holding ``katex/katex.min.css`` and its fonts, fetching it if needed."""
    target = vendor_dir / f"katex-{katex_version}"
    css = target / "katex" / "katex.min.css"
    if css.exists():
        return target
    for tool in ("npm", "node"):
        if shutil.which(tool) is None:
            raise ExtensionError(f"'{tool}' is needed to build the docs' math offline; install Node.js (with npm)")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["npm", "pack", f"katex@{katex_version}", "--pack-destination", tmp, "--silent"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (tarball,) = Path(tmp).glob("katex-*.tgz")
        with tarfile.open(tarball) as archive:
            archive.extractall(tmp, filter="data")
        dist = Path(tmp) / "package" / "dist"
        staging = Path(tmp) / "staging" / "katex"
        (staging / "fonts").mkdir(parents=True)
        shutil.copy2(dist / "katex.min.css", staging)
        for font in (dist / "fonts").glob("*.woff2"):
            shutil.copy2(font, staging / "fonts")
        target.mkdir(parents=True, exist_ok=True)
        shutil.move(staging, target / "katex")
    return target
