"""Checks over the packed artifacts: the npm tarball's contents and the wheel's metadata."""
import json
import re
import subprocess
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = json.loads((ROOT / "package.json").read_text())
PYTHON_NAMES = {"cdktf": "cdktf", "constructs": "constructs", "@cdktf/provider-aws": "cdktf-cdktf-provider-aws"}


def caret_to_pep440(spec: str) -> SpecifierSet:
    """npm's ^X.Y.Z as PEP 440 (what jsii-pacmak writes): the next breaking version is excluded."""
    m = re.fullmatch(r"\^(\d+)\.(\d+)\.(\d+)", spec)
    assert m, f"peer range {spec!r} is not a caret range"
    major, minor, patch = (int(x) for x in m.groups())
    upper = f"{major + 1}.0.0" if major > 0 else f"0.{minor + 1}.0"
    return SpecifierSet(f">={major}.{minor}.{patch},<{upper}")


@pytest.fixture(scope="module")
def npm_pack_files():
    out = subprocess.run(
        ["npm", "pack", "--dry-run", "--json", "--ignore-scripts"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    return [f["path"] for f in json.loads(out.stdout)[0]["files"]]


@pytest.fixture(scope="module")
def dist_js_files():
    tgz = sorted((ROOT / "dist" / "js").glob("*.tgz"))
    assert tgz, "dist/js has no npm tarball: run scripts/package.sh"
    with tarfile.open(tgz[0]) as tar:
        return [n[len("package/"):] for n in tar.getnames() if n.startswith("package/")]


def check_npm_contents(files):
    own = [f for f in files if not f.startswith("node_modules/")]
    for required in [".jsii", "lib/index.js", "lib/index.d.ts", "README.md", "package.json", "lib/cli/main.js"]:
        assert required in files, f"{required} missing from the npm package"
    assert any(f.startswith("node_modules/@aws-sdk/client-ecr/") for f in files), "bundled @aws-sdk/client-ecr missing"
    for f in own:
        assert not f.startswith(("test/", "src/", "examples/", "dist/", "scripts/", "rosetta/", "reference/")), f
        assert not f.endswith(".tgz"), f
        assert not (f.endswith(".ts") and not f.endswith(".d.ts")), f"TypeScript source {f} in the package"
        assert not f.endswith(".tabl.json"), f


def test_npm_pack_contents(npm_pack_files):
    check_npm_contents(npm_pack_files)


def test_dist_js_tarball_contents(dist_js_files):
    check_npm_contents(dist_js_files)


@pytest.fixture(scope="module")
def wheel_metadata():
    wheels = sorted((ROOT / "dist" / "python").glob("cdktf_ecr_pull_through_cache-*.whl"))
    assert wheels, "dist/python has no wheel: run scripts/package.sh"
    with zipfile.ZipFile(wheels[0]) as whl:
        names = whl.namelist()
        meta = next(n for n in names if n.endswith(".dist-info/METADATA"))
        return Parser().parsestr(whl.read(meta).decode()), names


def test_wheel_names(wheel_metadata):
    meta, names = wheel_metadata
    assert meta["Name"] == "cdktf-ecr-pull-through-cache"
    assert meta["Version"] == PACKAGE["version"]
    assert "cdktf_ecr_pull_through_cache/__init__.py" in names
    assert any(n.startswith("cdktf_ecr_pull_through_cache/_jsii/") and n.endswith(".jsii.tgz") for n in names)


@pytest.mark.parametrize("npm_name", sorted(PYTHON_NAMES))
def test_wheel_peer_ranges_match_package_json(wheel_metadata, npm_name):
    meta, _ = wheel_metadata
    requires = {Requirement(r).name: Requirement(r) for r in meta.get_all("Requires-Dist")}
    py_name = PYTHON_NAMES[npm_name]
    assert py_name in requires, f"{py_name} not required by the wheel"
    assert requires[py_name].specifier == caret_to_pep440(PACKAGE["peerDependencies"][npm_name])


def test_sdist_built():
    assert sorted((ROOT / "dist" / "python").glob("cdktf_ecr_pull_through_cache-*.tar.gz")), "no sdist in dist/python"
