package io.github.cdktf_ecr_pull_through_cache.bindingstest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.hashicorp.cdktf.TerraformStack;
import io.github.cdktf_ecr_pull_through_cache.PullThroughCache;
import io.github.cdktf_ecr_pull_through_cache.PullThroughCacheRuleProps;
import io.github.cdktf_ecr_pull_through_cache.UpstreamRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.jsii.JsiiException;

class ReferenceStackTest {
    private static final Path TOOLS = Path.of(System.getProperty("user.dir"), "..", "tools").normalize();

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), out.trim(), err);
    }

    private static Result node(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", TOOLS.resolve(script).toString()));
        command.addAll(List.of(args));
        return run(command.toArray(String[]::new));
    }

    /** The TypeScript stack's cdk.tf.json: given by run.sh, or synthesized from the compiled example. */
    private static String tsReference(Path dir) throws IOException, InterruptedException {
        String given = System.getenv("TS_REFERENCE_JSON");
        if (given != null && !given.isEmpty()) {
            return given;
        }
        Result result = node("ts-reference.js", dir.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        String[] lines = result.stdout().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void referenceStackMatchesTypeScript(@TempDir Path dir) throws Exception {
        Path synthesized = Main.synth(dir.resolve("out").toString());
        Result compared = node("compare-synth.js", tsReference(dir.resolve("ts")), synthesized.toString(), "java");
        assertEquals(0, compared.exitCode(), compared.stderr() + compared.stdout());
    }

    @Test
    void badPrefixThrowsTheTypeScriptMessage(@TempDir Path dir) throws Exception {
        Result expected = node("ts-error.js");
        assertEquals(0, expected.exitCode(), expected.stderr());
        JsonNode tsError = new ObjectMapper().readTree(expected.stdout());
        Result constants = run("node", "-p", "JSON.stringify(require('" + TOOLS.resolve("constants.js") + "'))");
        String badPrefix = new ObjectMapper().readTree(constants.stdout()).get("BAD_PREFIX").asText();

        TerraformStack stack = new TerraformStack(new App(AppConfig.builder().outdir(dir.toString()).build()), "bad-input");
        PullThroughCache cache = new PullThroughCache(stack, "Cache");

        // A JavaScript error thrown by the library reaches Java as a plain RuntimeException (JsiiException
        // is kept for faults of the runtime itself). Its message is "<error name>: <message>", exactly
        // String(error) on the TypeScript side, followed by the JavaScript stack on the next lines.
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> cache.addRule("Bad",
                PullThroughCacheRuleProps.builder().upstream(UpstreamRegistry.quay()).ecrRepositoryPrefix(badPrefix).build()));
        assertFalse(thrown instanceof JsiiException, "a library error, not a runtime fault");
        String firstLine = thrown.getMessage().strip().lines().findFirst().orElse("");
        assertEquals(tsError.get("string").asText(), firstLine);
        assertTrue(tsError.get("message").asText().length() > 0);
    }
}
