"""The Python binding builds the same stack as TypeScript and raises the same validation errors."""
import json
import os
import subprocess
from pathlib import Path

import jsii
import pytest
from cdktf import App, TerraformStack

import app as reference
from cdktf_ecr_pull_through_cache import PullThroughCache, UpstreamRegistry

TOOLS = Path(__file__).resolve().parent.parent / "tools"


def node(script: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["node", str(TOOLS / script), *args], capture_output=True, text=True, check=False)


@pytest.fixture(scope="session")
def ts_reference(tmp_path_factory) -> Path:
    """The TypeScript stack's cdk.tf.json: given by run.sh, or synthesized here from the compiled example."""
    given = os.environ.get("TS_REFERENCE_JSON")
    if given:
        return Path(given)
    out = node("ts-reference.js", str(tmp_path_factory.mktemp("ts")))
    assert out.returncode == 0, out.stderr
    return Path(out.stdout.strip().splitlines()[-1])


def test_reference_stack_matches_typescript(tmp_path, ts_reference):
    synthesized = reference.synth(str(tmp_path / "out"))
    result = node("compare-synth.js", str(ts_reference), synthesized, "python")
    assert result.returncode == 0, result.stderr + result.stdout


def test_reference_stack_declares_every_preset(tmp_path):
    doc = json.loads(Path(reference.synth(str(tmp_path / "out"))).read_text())
    urls = {r["upstream_registry_url"] for r in doc["resource"]["aws_ecr_pull_through_cache_rule"].values()}
    assert {
        "registry-1.docker.io", "quay.io", "registry.k8s.io", "public.ecr.aws", "ghcr.io",
        "registry.gitlab.com", "cgr.dev", "contosoimages.azurecr.io",
        "444455556666.dkr.ecr.eu-west-1.amazonaws.com",
    } <= urls
    # The access token comes from a sensitive variable: no literal secret in the document.
    versions = doc["resource"]["aws_secretsmanager_secret_version"]
    assert all("var.docker_hub_access_token" in json.dumps(v) for v in versions.values())


def test_bad_prefix_raises_the_typescript_message(tmp_path):
    expected = node("ts-error.js")
    assert expected.returncode == 0, expected.stderr
    ts_error = json.loads(expected.stdout)
    bad_prefix = json.loads(node_constants())["BAD_PREFIX"]

    stack = TerraformStack(App(outdir=str(tmp_path)), "bad-input")
    cache = PullThroughCache(stack, "Cache")
    # A JavaScript error thrown by the library reaches Python as RuntimeError carrying
    # "<error name>: <message>", exactly String(error) on the TypeScript side.
    with pytest.raises(RuntimeError) as raised:
        cache.add_rule("Bad", upstream=UpstreamRegistry.quay(), ecr_repository_prefix=bad_prefix)
    assert not isinstance(raised.value, jsii.errors.JSIIError)  # a library error, not a runtime fault
    assert str(raised.value) == ts_error["string"]
    assert ts_error["message"] in str(raised.value)


def node_constants() -> str:
    out = subprocess.run(
        ["node", "-e", f"process.stdout.write(JSON.stringify(require({json.dumps(str(TOOLS / 'constants.js'))})))"],
        capture_output=True, text=True, check=True,
    )
    return out.stdout
