package io.github.cdktf_ecr_pull_through_cache.bindingstest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java program that {@code ecr-ptc import --language java} writes (its golden output) compiles against the
 * jar under test, runs, and declares the same stack as the TypeScript program: the same rules, with the same
 * import blocks.
 */
class ImportProgramTest {
    private static final Path BINDINGS = Path.of(System.getProperty("user.dir"), "..").normalize();
    private static final Path GOLDEN = BINDINGS.resolve(Path.of("..", "cli", "golden")).normalize();
    private static final String STACK_ID = "ecr-pull-through-cache";
    /** The package of the prebuilt AWS provider's Java bindings, which Maven Central does not serve for provider 21. */
    private static final String PROVIDER_PACKAGE = "com.hashicorp.cdktf.providers.aws";

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + "\n" + out);
        return out.trim();
    }

    @Test
    void importedJavaProgramSynthesizesTheTypeScriptStack(@TempDir Path dir) throws Exception {
        // The classpath has cdktf, constructs and the jar under test: no provider bindings.
        String source = Files.readString(GOLDEN.resolve("three-rules.java.txt"));
        assumeFalse(source.contains(PROVIDER_PACKAGE), "the program ecr-ptc import writes imports " + PROVIDER_PACKAGE
            + ", which Maven Central does not serve; it compiles once src/cli/codegen/java.ts configures the provider"
            + " with addOverride");

        String tsOut = run(dir, "node", BINDINGS.resolve("tools/ts-program.js").toString(),
            GOLDEN.resolve("three-rules.ts.txt").toString(), dir.resolve("ts").toString(), STACK_ID);
        String[] lines = tsOut.split("\n");
        String tsDoc = lines[lines.length - 1];

        // The generated file declares public class Main in package com.mycompany.app.
        Path sources = dir.resolve("src/com/mycompany/app");
        Files.createDirectories(sources);
        Path main = sources.resolve("Main.java");
        Files.writeString(main, source);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String classpath = System.getProperty("java.class.path");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK compiler");
        assertEquals(0, javac.run(null, null, null, "-cp", classpath, "-d", classes.toString(), main.toString()),
            "javac of the imported program");

        Path work = Files.createDirectories(dir.resolve("work"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        run(work, java, "-cp", classes + File.pathSeparator + classpath, "com.mycompany.app.Main");
        Path javaDoc = work.resolve(Path.of("cdktf.out", "stacks", STACK_ID, "cdk.tf.json"));

        // compare-synth exits 1 with the differences when the documents differ, and run() fails the test on that.
        run(dir, "node", BINDINGS.resolve("tools/compare-synth.js").toString(), tsDoc, javaDoc.toString(), "java import");
    }
}
