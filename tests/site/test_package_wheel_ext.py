"""The wheel extension of the site (docs/_ext/package_wheel.py): the wheel it builds and the command it shows.

The served wheel itself, installed in a fresh environment, is checked on the built site
(tests/site/test_wheel.py).
"""

import zipfile

import package_wheel
import pytest
from sphinx.errors import ExtensionError

import regexplain


def test_the_wheel_is_reproducible_and_holds_the_package(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # what the site build sets; before the earliest zip date
    first = package_wheel.build_wheel(package_wheel.ROOT, tmp_path / "first")
    second = package_wheel.build_wheel(package_wheel.ROOT, tmp_path / "second")
    assert first.name == second.name == f"regexplain-{regexplain.__version__}-py3-none-any.whl"
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as wheel:
        infos = wheel.infolist()
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    names = {info.filename for info in infos}
    source = {p.relative_to(package_wheel.ROOT).as_posix() for p in (package_wheel.ROOT / "regexplain").rglob("*.py")}
    assert source <= names
    assert all(name in source or name.startswith("regexplain-") for name in names), sorted(names - source)


def test_the_dates_in_the_wheel_follow_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    with zipfile.ZipFile(package_wheel.build_wheel(package_wheel.ROOT, tmp_path)) as wheel:
        assert {info.date_time for info in wheel.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_a_failing_backend_stops_the_build(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[build-system]\nbuild-backend = "no_such_backend"\n')
    with pytest.raises(ExtensionError, match="building the wheel with no_such_backend failed"):
        package_wheel.build_wheel(tmp_path, tmp_path / "out")


def test_the_examples_requirements_come_from_the_docs_group():
    project = package_wheel.pyproject()
    assert package_wheel.example_requirements(project) == [
        r for r in project["dependency-groups"]["docs"] if isinstance(r, str) and r.startswith("scikit-learn")
    ]
    docs = {"dependency-groups": {"docs": ["sphinx>=8", {"include-group": "x"}, "Scikit_Learn >= 1.2"]}}
    assert package_wheel.example_requirements(docs) == ["Scikit_Learn >= 1.2"]
    for group in (["sphinx"], ["scikit-learn>=1", "scikit-learn<2"], ["scikit-learn-extra"]):
        with pytest.raises(ExtensionError, match="should list scikit-learn once"):
            package_wheel.example_requirements({"dependency-groups": {"docs": group}})


def test_the_command_quotes_requirements_for_any_shell():
    command = package_wheel.install_command("regexplain-1.2-py3-none-any.whl", ["scikit-learn>=1.8", "a<2"])
    assert command == 'python -m pip install regexplain-1.2-py3-none-any.whl "scikit-learn>=1.8" "a<2"'
