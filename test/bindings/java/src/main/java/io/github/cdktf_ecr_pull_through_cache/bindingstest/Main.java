package io.github.cdktf_ecr_pull_through_cache.bindingstest;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import java.nio.file.Path;

/** Synthesizes the reference stack into ./cdktf.out, or the directory given as the first argument. */
public final class Main {
    private Main() {
    }

    /** Synthesizes the reference stack into outdir and returns the path of its cdk.tf.json. */
    public static Path synth(String outdir) {
        App app = new App(AppConfig.builder().outdir(outdir).build());
        new ReferenceStack(app, ReferenceStack.STACK_ID);
        app.synth();
        return Path.of(outdir, "stacks", ReferenceStack.STACK_ID, "cdk.tf.json");
    }

    public static void main(final String[] args) {
        System.out.println(synth(args.length > 0 ? args[0] : "cdktf.out"));
    }
}
