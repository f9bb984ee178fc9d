"""The CDK Terrain flavor's packages in dist/cdktn (scripts/package-cdktn.sh): their names are the cdktn ones of
DESIGN.md, they depend on cdktn and constructs only, and nothing in them depends on cdktf."""
import json
import re
import subprocess
import tarfile
import xml.etree.ElementTree as ET
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parents[3]
DIST = ROOT / "dist" / "cdktn"
FLAVOR = json.loads((ROOT / ".gen" / "cdktn" / "package.json").read_text())
CDKTN = json.loads((ROOT / "flavors" / "cdktn" / "node_modules" / "cdktn" / "package.json").read_text())
GROUP = "io.github.cdktf-ecr-pull-through-cache"


def one(pattern: str, where: Path) -> Path:
    found = sorted(where.glob(pattern))
    assert len(found) == 1, f"expected one {pattern} in {where}, found {found}"
    return found[0]


@pytest.fixture(scope="module")
def npm_package():
    with tarfile.open(one("*.tgz", DIST / "js")) as tar:
        names = [n[len("package/"):] for n in tar.getnames()]
        read = lambda name: tar.extractfile(f"package/{name}").read().decode()  # noqa: E731
        lib = {n: read(n) for n in names if n.startswith("lib/") and n.endswith(".js")}
        return names, json.loads(read("package.json")), json.loads(read(".jsii")), read("README.md"), lib


def test_npm_package_names_and_peers(npm_package):
    names, manifest, _, _, _ = npm_package
    assert manifest["name"] == "cdktn-ecr-pull-through-cache"
    assert manifest["peerDependencies"] == {"cdktn": "^0.24.0", "constructs": CDKTN["peerDependencies"]["constructs"]}
    assert manifest["bin"] == {"ecr-ptc": "lib/cli/main.js"}
    for required in [".jsii", "lib/index.js", "lib/index.d.ts", "lib/cli/main.js", "README.md", "API.md", "LICENSE"]:
        assert required in names, f"{required} missing from the npm package"
    assert any(n.startswith("node_modules/@aws-sdk/client-ecr/") for n in names), "bundled @aws-sdk/client-ecr missing"
    own = [n for n in names if not n.startswith("node_modules/")]
    assert not [n for n in own if n.startswith(("src/", "test/", "examples/", "rosetta/")) or n.endswith(".tgz")]


def test_npm_package_loads_cdktn_never_cdktf(npm_package):
    _, _, _, _, lib = npm_package
    required = {m for text in lib.values() for m in re.findall(r"require\(\"([^\"./][^\"]*)\"\)", text)}
    assert "cdktn" in required
    assert not [m for m in required if m == "cdktf" or m.startswith(("cdktf/", "@cdktf/", "@cdktn/provider"))]


def test_assembly_depends_on_cdktn_and_constructs(npm_package):
    _, _, assembly, _, _ = npm_package
    assert assembly["name"] == "cdktn-ecr-pull-through-cache"
    assert set(assembly["dependencies"]) == {"cdktn", "constructs"}
    assert assembly["targets"]["python"]["module"] == "cdktn_ecr_pull_through_cache"
    assert assembly["targets"]["java"]["maven"] == {"groupId": GROUP, "artifactId": "cdktn-ecr-pull-through-cache"}
    assert assembly["targets"]["go"]["moduleName"] == "github.com/cdktf-ecr-pull-through-cache/cdktn-ecr-pull-through-cache-go"


def test_npm_readme_installs_the_cdktn_packages(npm_package):
    _, _, _, readme, _ = npm_package
    assert readme.startswith("# cdktn-ecr-pull-through-cache\n")
    assert "npm install cdktn-ecr-pull-through-cache" in readme
    assert "pip install cdktn-ecr-pull-through-cache" in readme
    # The install table lists both cores' packages (so a reader of the wrong package finds the right one); the
    # Quick start's commands are CDK Terrain's only.
    assert "| CDK Terrain 0.24 | TypeScript | `npm install cdktn-ecr-pull-through-cache cdktn@" in readme
    assert not [l for l in readme.splitlines() if l.startswith("npm install cdktf-ecr-pull-through-cache")]
    assert "@cdktf/provider-aws@" not in readme
    # What a CDK Terrain reader runs and imports; nothing that only a clone of the repository has.
    assert "npx cdktn synth" in readme
    for cdktf_only in ["cdktf synth", "npx cdktf", "@cdktf/provider-aws/lib/provider", "from 'cdktf'"]:
        assert cdktf_only not in readme
    lint = subprocess.run(["node", str(ROOT / "scripts" / "package-readme.js"), "--lint", "/dev/stdin"],
                          input=readme, capture_output=True, text=True)
    assert lint.returncode == 0, lint.stderr


def test_wheel_readme_is_the_cdktn_package_readme(wheel):
    meta, _ = wheel
    readme = meta.get_payload()
    assert readme.startswith("# cdktn-ecr-pull-through-cache")
    assert "pip install cdktn-ecr-pull-through-cache cdktn==" in readme
    lint = subprocess.run(["node", str(ROOT / "scripts" / "package-readme.js"), "--lint", "/dev/stdin"],
                          input=readme, capture_output=True, text=True)
    assert lint.returncode == 0, lint.stderr


@pytest.fixture(scope="module")
def wheel():
    with zipfile.ZipFile(one("cdktn_ecr_pull_through_cache-*.whl", DIST / "python")) as whl:
        names = whl.namelist()
        meta = Parser().parsestr(whl.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode())
        return meta, names


def test_wheel_names(wheel):
    meta, names = wheel
    assert meta["Name"] == "cdktn-ecr-pull-through-cache"
    assert meta["Version"] == FLAVOR["version"]
    assert "cdktn_ecr_pull_through_cache/__init__.py" in names
    assert any(n.startswith("cdktn_ecr_pull_through_cache/_jsii/") and n.endswith(".jsii.tgz") for n in names)


def test_wheel_requires_cdktn_and_cdktns_constructs_range(wheel):
    meta, _ = wheel
    requires = {Requirement(r).name: Requirement(r) for r in meta.get_all("Requires-Dist")}
    assert requires["cdktn"].specifier == SpecifierSet(">=0.24.0,<0.25.0")
    low, high = re.fullmatch(r">=(\S+) <(\S+)", CDKTN["peerDependencies"]["constructs"]).groups()
    assert requires["constructs"].specifier == SpecifierSet(f">={low},<{high}")
    assert not [n for n in requires if n.startswith("cdktf")]


def test_sdist_built():
    one("cdktn_ecr_pull_through_cache-*.tar.gz", DIST / "python")


def test_go_module():
    gomod = (DIST / "go" / "ecrpullthroughcache" / "go.mod").read_text()
    assert gomod.startswith("module github.com/cdktf-ecr-pull-through-cache/cdktn-ecr-pull-through-cache-go/ecrpullthroughcache\n")
    assert re.search(r"^\s*github.com/open-constructs/cdk-terrain-go/cdktn v0\.24\.0$", gomod, re.M)
    assert re.search(r"^\s*github.com/aws/constructs-go/constructs/v10 v10\.6\.0$", gomod, re.M)
    assert "terraform-cdk-go" not in gomod
    assert (DIST / "go" / "ecrpullthroughcache" / "jsii" / f"cdktn-ecr-pull-through-cache-{FLAVOR['version']}.tgz").is_file()


def test_maven_artifact():
    base = DIST / "java" / Path(*GROUP.split(".")) / "cdktn-ecr-pull-through-cache" / FLAVOR["version"]
    pom = ET.parse(one("*.pom", base)).getroot()
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    assert pom.find("m:artifactId", ns).text == "cdktn-ecr-pull-through-cache"
    deps = {(d.find("m:groupId", ns).text, d.find("m:artifactId", ns).text) for d in pom.findall("m:dependencies/m:dependency", ns)}
    assert ("io.cdktn", "cdktn") in deps and ("software.constructs", "constructs") in deps
    assert not [d for d in deps if d[0] == "com.hashicorp"]
    with zipfile.ZipFile(base / f"cdktn-ecr-pull-through-cache-{FLAVOR['version']}.jar") as jar:
        assert any(n.startswith("io/github/cdktn_ecr_pull_through_cache/") and n.endswith(".class") for n in jar.namelist())
        assert any(n.endswith(".jsii.tgz") for n in jar.namelist())
