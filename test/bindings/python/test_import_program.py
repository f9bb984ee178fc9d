"""The Python program that `ecr-ptc import --language python` writes runs, and declares the same stack as the
TypeScript one: the same rules, with the same import blocks."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
TOOLS = ROOT / "test" / "bindings" / "tools"
GOLDEN = ROOT / "test" / "cli" / "golden"
STACK_ID = "ecr-pull-through-cache"


def run(cmd, cwd=None):
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)


def test_generated_python_program_synthesizes_the_typescript_stack(tmp_path):
    ts = run(["node", str(TOOLS / "ts-program.js"), str(GOLDEN / "three-rules.ts.txt"), str(tmp_path / "ts"), STACK_ID])
    assert ts.returncode == 0, ts.stderr
    ts_doc = ts.stdout.strip().splitlines()[-1]

    work = tmp_path / "py"
    work.mkdir()
    (work / "app.py").write_text((GOLDEN / "three-rules.py.txt").read_text())
    py = run([sys.executable, "app.py"], cwd=work)
    assert py.returncode == 0, py.stderr
    py_doc = work / "cdktf.out" / "stacks" / STACK_ID / "cdk.tf.json"

    doc = json.loads(py_doc.read_text())
    assert sorted(i["id"] for i in doc["import"]) == ["docker-hub", "quay", "team-images"]
    compared = run(["node", str(TOOLS / "compare-synth.js"), ts_doc, str(py_doc), "python import"])
    assert compared.returncode == 0, compared.stderr + compared.stdout
