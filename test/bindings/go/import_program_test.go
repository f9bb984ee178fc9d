package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// ProviderModule is the prebuilt AWS provider module, which the Go module proxy refuses.
const ProviderModule = "github.com/cdktf/cdktf-provider-aws-go"

// The Go program that `ecr-ptc import --language go` writes (its golden output) builds and runs against
// the module under test, and declares the same stack as the TypeScript program: the same rules, with the
// same import blocks.
func TestImportedGoProgramSynthesizesTheTypeScriptStack(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	here := filepath.Dir(file)
	golden := filepath.Join(here, "..", "..", "cli", "golden")
	const stackID = "ecr-pull-through-cache"

	source, err := os.ReadFile(filepath.Join(golden, "three-rules.go.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// This module has only what a Go user can install from the module proxy; the prebuilt AWS
	// provider module is not among it (the proxy refuses it, docs/BINDINGS.md).
	if strings.Contains(string(source), ProviderModule) {
		t.Skipf("the program ecr-ptc import writes imports %s, which the module proxy does not serve; "+
			"it builds once src/cli/codegen/go.ts configures the provider with stack.AddOverride", ProviderModule)
	}

	tsDoc := node(t, "ts-program.js", filepath.Join(golden, "three-rules.ts.txt"), filepath.Join(t.TempDir(), "ts"), stackID)
	tsDoc = tsDoc[strings.LastIndex(tsDoc, "\n")+1:]

	// A package of this module, so that go.mod's replace directive applies to the program too.
	pkg, err := os.MkdirTemp(here, ".import-program-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(pkg)
	if err := os.WriteFile(filepath.Join(pkg, "main.go"), source, 0o644); err != nil {
		t.Fatal(err)
	}
	binary := filepath.Join(t.TempDir(), "imported")
	if out, err := exec.Command("go", "build", "-o", binary, "./"+filepath.Base(pkg)).CombinedOutput(); err != nil {
		t.Fatalf("go build of the imported program: %v\n%s", err, out)
	}
	work := t.TempDir()
	run := exec.Command(binary)
	run.Dir = work
	if out, err := run.CombinedOutput(); err != nil {
		t.Fatalf("running the imported program: %v\n%s", err, out)
	}
	goDoc := filepath.Join(work, "cdktf.out", "stacks", stackID, "cdk.tf.json")
	out, err := exec.Command("node", filepath.Join(toolsDir(), "compare-synth.js"), tsDoc, goDoc, "go import").CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
}
