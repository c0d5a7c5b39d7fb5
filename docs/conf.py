"""Sphinx configuration of the regexplain site."""

import hashlib
import os
import shutil
import sys
from pathlib import Path

DOCS = Path(__file__).parent
ROOT = DOCS.parent
sys.path.insert(0, str(DOCS / "_ext"))

from gallery_figures import GALLERY_DIR  # noqa: E402
from offline_katex import prepare_katex  # noqa: E402

import regexplain  # noqa: E402

READING_ORDER = [
    "why_regularize",
    "one_weight",
    "hard_constraints",
    "soft_constraints",
    "why_zeros",
    "in_practice",
    "explorer",
]

# -- Freshness ---------------------------------------------------------------------------
# sphinx-gallery reruns an example only when the example changes, and a notebook page is
# re-read only when the page changes. A fingerprint of the package's source catches the
# rest: when it changes, the gallery output is thrown away and (through the config value
# below) every page is read and executed again.
PACKAGE_FINGERPRINT = hashlib.sha256(
    b"".join(p.read_bytes() for p in sorted((ROOT / "regexplain").rglob("*.py")))
).hexdigest()
_stamp = DOCS / GALLERY_DIR / ".regexplain-fingerprint"
if not _stamp.exists() or _stamp.read_text() != PACKAGE_FINGERPRINT:
    shutil.rmtree(DOCS / GALLERY_DIR, ignore_errors=True)
    _stamp.parent.mkdir(parents=True)
    _stamp.write_text(PACKAGE_FINGERPRINT)

# Notebook kernels inherit this process's environment: with MPLBACKEND=Agg in it, figures
# would silently turn into "<Figure size ...>" text. Quiet ipykernel's TCP notice too.
os.environ.pop("MPLBACKEND", None)
_ipython_dir = DOCS / "_build" / ".ipython"
(_ipython_dir / "profile_default").mkdir(parents=True, exist_ok=True)
(_ipython_dir / "profile_default" / "ipython_kernel_config.py").write_text('c.IPKernelApp.log_level = "ERROR"\n')
os.environ["IPYTHONDIR"] = str(_ipython_dir)

# -- Project -----------------------------------------------------------------------------
project = "regexplain"
author = "the regexplain authors"
copyright = "2026, the regexplain authors"
release = version = regexplain.__version__

extensions = [
    "myst_nb",
    "sphinx_gallery.gen_gallery",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinxcontrib.katex",
    "gallery_figures",
    "stepper",
    "explorer",
    "build_fixes",
    "package_wheel",
    "lean_pages",
    "descriptions",
]

exclude_patterns = ["_build", "_vendor", "**.ipynb_checkpoints", f"{GALLERY_DIR}/**/*.ipynb", "README.md"]
suppress_warnings = []
nitpicky = True
# No network at build time means no intersphinx inventories for numpy and matplotlib.
nitpick_ignore_regex = [("py:class", r"(numpy|matplotlib)\..*")]

# -- MyST-NB -----------------------------------------------------------------------------
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "deflist"]
myst_heading_anchors = 3
nb_execution_mode = "force"  # freshness is handled above; a cache could serve stale numbers
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_execution_timeout = 120
nb_merge_streams = True

# -- sphinx-gallery ----------------------------------------------------------------------
sphinx_gallery_conf = {
    "examples_dirs": str(ROOT / "examples"),
    # The gallery's sections in the article's reading order.
    "subsection_order": [f"../examples/{name}" for name in READING_ORDER],  # relative to docs/
    "within_subsection_order": "gallery_order.ChapterOrder",  # each section in its chapter's order
    "gallery_dirs": GALLERY_DIR,
    "filename_pattern": r"/plot_",
    "image_scrapers": ("gallery_figures.scraper",),
    "abort_on_example_error": True,
    "only_warn_on_example_error": False,
    "remove_config_comments": True,
    "download_all_examples": False,  # its zip files hold build timestamps
    "write_computation_times": False,
    "min_reported_time": float("inf"),  # run times differ between builds
    "show_memory": False,
    "parallel": os.cpu_count() or 1,  # the examples run one per core (joblib), as sphinx-build -j auto reads
    "show_signature": False,
    "default_thumb_file": None,
    # "Examples using" on the API page: which public names each example uses.
    "doc_module": ("regexplain",),
    "backreferences_dir": "gen_modules/backreferences",
    "exclude_implicit_doc": {r"regexplain\.plot\..*"},
}
if os.environ.get("REGEXPLAIN_TIMINGS") == "1":
    # benchmarks/bench_site.py: each example's run time, as a JUnit file, and each phase's wall
    # time (build_timings), beside the site (not in it).
    sphinx_gallery_conf["junit"] = str(DOCS / "_build" / "sphinx-gallery-junit.xml")
    extensions.append("build_timings")

# -- API reference -----------------------------------------------------------------------
autodoc_typehints = "none"  # the numpy-style docstrings carry the types
autodoc_member_order = "bysource"
napoleon_numpy_docstring = True
napoleon_google_docstring = False
napoleon_use_param = False
napoleon_use_rtype = False
napoleon_use_ivar = True

# -- Math --------------------------------------------------------------------------------
katex_prerender = True
html_static_path = ["_static", str(prepare_katex(DOCS / "_vendor"))]
katex_css_path = "katex/katex.min.css"

# -- HTML --------------------------------------------------------------------------------
html_theme = "pydata_sphinx_theme"
html_scaled_image_link = False  # a sized figure is a picture, not a link to its file
templates_path = ["_templates"]  # layout.html: the theme's, without search tools on every page
html_title = "regexplain"
html_css_files = ["custom.css"]
html_favicon = "_static/logo.svg"
html_logo = "_static/logo.svg"
html_context = {"default_mode": "auto"}
html_theme_options = {
    # An icon-only search button: the theme's search field reads "Search Ctrl+K" but is
    # labelled "Search" (axe: label-content-name-mismatch).
    "navbar_persistent": [],
    "navbar_center": [],
    "navbar_end": ["search-button", "theme-switcher"],
    "secondary_sidebar_items": ["page-toc"],
    "show_prev_next": True,
    "footer_start": ["copyright"],
    "footer_end": [],
    "logo": {"text": "regexplain"},
}
# The whole article in the sidebar of every page (on a phone, behind the menu button), in reading
# order; the top bar keeps the logo, search and the theme switch.
html_sidebars = {"**": ["chapters-nav.html"]}
html_domain_indices = False  # the API page is the index of the package
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None


def setup(app):
    app.add_config_value("regexplain_fingerprint", PACKAGE_FINGERPRINT, "env")
