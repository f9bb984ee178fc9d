package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/aws/jsii-runtime-go"
	ptc "github.com/cdktf-ecr-pull-through-cache/cdktf-ecr-pull-through-cache-go/ecrpullthroughcache"
	"github.com/hashicorp/terraform-cdk-go/cdktf"
)

func toolsDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "tools")
}

func node(t *testing.T, script string, args ...string) string {
	t.Helper()
	cmd := exec.Command("node", append([]string{filepath.Join(toolsDir(), script)}, args...)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node %s: %v\n%s%s", script, err, out, stderr.String())
	}
	return strings.TrimSpace(string(out))
}

// tsReference is the TypeScript stack's cdk.tf.json: given by run.sh, or synthesized from the compiled example.
func tsReference(t *testing.T) string {
	if given := os.Getenv("TS_REFERENCE_JSON"); given != "" {
		return given
	}
	lines := strings.Split(node(t, "ts-reference.js", t.TempDir()), "\n")
	return lines[len(lines)-1]
}

func TestReferenceStackMatchesTypeScript(t *testing.T) {
	synthesized := Synth(filepath.Join(t.TempDir(), "out"))
	cmd := exec.Command("node", filepath.Join(toolsDir(), "compare-synth.js"), tsReference(t), synthesized, "go")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	t.Log(strings.TrimSpace(string(out)))
}

func TestBadPrefixPanicsWithTheTypeScriptMessage(t *testing.T) {
	var tsError struct {
		Message string `json:"message"`
		String  string `json:"string"`
	}
	if err := json.Unmarshal([]byte(node(t, "ts-error.js")), &tsError); err != nil {
		t.Fatal(err)
	}
	var constants struct {
		BadPrefix string `json:"BAD_PREFIX"`
	}
	out, err := exec.Command("node", "-p", fmt.Sprintf("JSON.stringify(require(%q))", filepath.Join(toolsDir(), "constants.js"))).Output()
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out, &constants); err != nil {
		t.Fatal(err)
	}

	app := cdktf.NewApp(&cdktf.AppConfig{Outdir: jsii.String(t.TempDir())})
	stack := cdktf.NewTerraformStack(app, jsii.String("bad-input"))
	cache := ptc.NewPullThroughCache(stack, jsii.String("Cache"), nil)

	// A JavaScript error thrown by the library reaches Go as a panic whose value is an error
	// carrying "<error name>: <message>", exactly String(error) on the TypeScript side.
	defer func() {
		recovered := recover()
		if recovered == nil {
			t.Fatalf("expected a panic for ecrRepositoryPrefix %q", constants.BadPrefix)
		}
		err, ok := recovered.(error)
		if !ok {
			t.Fatalf("panic value is %T, not an error: %v", recovered, recovered)
		}
		if err.Error() != tsError.String {
			t.Fatalf("message differs from TypeScript:\n go: %s\n ts: %s", err.Error(), tsError.String)
		}
	}()
	cache.AddRule(jsii.String("Bad"), &ptc.PullThroughCacheRuleProps{
		Upstream:            ptc.UpstreamRegistry_Quay(),
		EcrRepositoryPrefix: jsii.String(constants.BadPrefix),
	})
}
