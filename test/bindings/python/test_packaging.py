"""Checks over the packed artifacts: the npm tarball's contents, the wheel's metadata, and the dependencies that every
package manifest (npm, wheel, Go module, Maven POM) declares: the core (cdktf) and constructs only, plus the language's
jsii runtime. No provider package anywhere: the library's resources are its own classes on the core."""
import json
import re
import xml.etree.ElementTree as ET
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
DIST = ROOT / "dist"
CORE = {"cdktf", "constructs"}
# What the CLI bundles into the npm tarball (bundledDependencies): the SDK client and the YAML parser of `ecr-ptc rewrite`;
# never loaded by the construct library.
NPM_BUNDLED = {"@aws-sdk/client-ecr", "@smithy/core", "yaml"}
# What jsii-pacmak adds for each language: its jsii runtime (for Python also `publication`, which the generated
# module imports to hide its private names).
PYTHON_RUNTIME = {"jsii", "publication"}
GO_MODULES = {
    "github.com/hashicorp/terraform-cdk-go/cdktf",
    "github.com/aws/constructs-go/constructs/v10",
    "github.com/aws/jsii-runtime-go",
}
MAVEN_ARTIFACTS = {"com.hashicorp:cdktf", "software.constructs:constructs", "software.amazon.jsii:jsii-runtime"}


def no_provider(names):
    providers = sorted(n for n in names if "provider" in n.lower())
    assert not providers, f"provider packages among the dependencies: {providers}"


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


def test_package_json_peers_are_the_core_and_constructs():
    assert set(PACKAGE["peerDependencies"]) == CORE


@pytest.mark.parametrize("npm_name", sorted(CORE))
def test_wheel_peer_ranges_match_package_json(wheel_metadata, npm_name):
    meta, _ = wheel_metadata
    requires = {Requirement(r).name: Requirement(r) for r in meta.get_all("Requires-Dist")}
    assert npm_name in requires, f"{npm_name} not required by the wheel"
    assert requires[npm_name].specifier == caret_to_pep440(PACKAGE["peerDependencies"][npm_name])


def test_wheel_requires_the_core_constructs_and_jsii_runtime_only(wheel_metadata):
    meta, _ = wheel_metadata
    names = {Requirement(r).name.lower() for r in meta.get_all("Requires-Dist")}
    no_provider(names)
    assert names == CORE | PYTHON_RUNTIME


@pytest.fixture(scope="module")
def dist_js_manifest():
    tgz = sorted((DIST / "js").glob("*.tgz"))
    assert tgz, "dist/js has no npm tarball: run scripts/package.sh"
    with tarfile.open(tgz[0]) as tar:
        return json.load(tar.extractfile("package/package.json"))


def test_npm_manifest_needs_the_core_and_constructs_only(dist_js_manifest):
    peers = dist_js_manifest.get("peerDependencies", {})
    dependencies = dist_js_manifest.get("dependencies", {})
    no_provider([*peers, *dependencies, *dist_js_manifest.get("optionalDependencies", {})])
    assert peers == PACKAGE["peerDependencies"]
    assert set(peers) == CORE
    # What npm installs for a user: nothing but what the CLI bundles, which ships inside the tarball.
    assert set(dependencies) == NPM_BUNDLED
    assert set(dist_js_manifest.get("bundledDependencies", [])) == NPM_BUNDLED
    assert not dist_js_manifest.get("optionalDependencies")


def built(target: str) -> Path:
    path = DIST / target
    if not path.is_dir():
        pytest.skip(f"dist/{target} was not built in this run (ONLY= leaves it out)")
    return path


def test_go_module_requires_the_core_constructs_and_jsii_runtime_only():
    go_mods = sorted(built("go").glob("*/go.mod"))
    assert go_mods, "dist/go has no go.mod"
    text = go_mods[0].read_text()
    # Both forms: a require block, and single-line require directives.
    block = re.findall(r"^require \((.*?)^\)", text, re.M | re.S)
    lines = [l for b in block for l in b.splitlines()] + re.findall(r"^require ([^(].*)$", text, re.M)
    required = dict(l.split()[:2] for l in (l.split("//")[0].strip() for l in lines) if l)
    no_provider(required)
    assert set(required) == GO_MODULES
    # The module proxy serves cdktf at this exact version only (its version list is refused).
    assert required["github.com/hashicorp/terraform-cdk-go/cdktf"] == "v" + PACKAGE["peerDependencies"]["cdktf"].lstrip("^")


def test_maven_pom_depends_on_the_core_constructs_and_jsii_runtime_only():
    poms = sorted(built("java").glob("**/cdktf-ecr-pull-through-cache-*.pom"))
    assert poms, "dist/java has no POM"
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    root = ET.parse(poms[0]).getroot()
    dependencies = {
        f"{d.findtext('m:groupId', namespaces=ns)}:{d.findtext('m:artifactId', namespaces=ns)}": d.findtext("m:scope", namespaces=ns)
        for d in root.findall("m:dependencies/m:dependency", ns)
    }
    no_provider(dependencies)
    # Compile-time annotations that jsii-pacmak adds with scope "provided" are not installed for users.
    runtime = {name for name, scope in dependencies.items() if scope not in ("provided", "test")}
    assert runtime == MAVEN_ARTIFACTS


def lint_readme(text: str, where: str):
    """A shipped README has no text that only a clone of the repository can use (scripts/package-readme.js --lint)."""
    import tempfile
    with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False) as f:
        f.write(text)
    out = subprocess.run(["node", str(ROOT / "scripts" / "package-readme.js"), "--lint", f.name], capture_output=True, text=True)
    Path(f.name).unlink()
    assert out.returncode == 0, f"{where}: {out.stderr}"
    assert "## Quick start" in text, f"{where}: not the README"


def test_dist_js_readme_has_no_repository_only_text():
    tgz = sorted((DIST / "js").glob("*.tgz"))
    assert tgz, "dist/js has no npm tarball: run scripts/package.sh"
    with tarfile.open(tgz[0]) as tar:
        lint_readme(tar.extractfile("package/README.md").read().decode(), f"{tgz[0].name}: README.md")


def test_wheel_readme_has_no_repository_only_text():
    wheels = sorted((DIST / "python").glob("cdktf_ecr_pull_through_cache-*.whl"))
    assert wheels, "dist/python has no wheel: run scripts/package.sh"
    with zipfile.ZipFile(wheels[0]) as whl:
        meta = next(n for n in whl.namelist() if n.endswith(".dist-info/METADATA"))
        lint_readme(Parser().parsestr(whl.read(meta).decode()).get_payload(), f"{wheels[0].name}: long description")


def test_go_readme_has_no_repository_only_text():
    readmes = sorted(built("go").glob("*/README.md"))
    assert readmes, "dist/go has no README.md"
    lint_readme(readmes[0].read_text(), str(readmes[0].relative_to(ROOT)))


def test_sdist_built():
    assert sorted((ROOT / "dist" / "python").glob("cdktf_ecr_pull_through_cache-*.tar.gz")), "no sdist in dist/python"
