"""The floor under the Python reference program: what jsii alone costs it.

It imports what the reference program imports (cdktf and this library), makes an App and a stack, writes the same
provider block (as stack overrides, like python-no-provider.py), makes as many calls into the jsii runtime as the
reference program makes (given on the command line; bench/lang/run.sh counts them with JSII_DEBUG), each a trivial
one (Token.is_unresolved on a short string), and synthesizes the stack. What the reference program costs above this
floor is the work of building its stack, done in the runtime's node process as TypeScript does it in its own.

Usage: python python-floor.py <outdir> <calls>
"""
import sys

from cdktf import App, TerraformStack, Token

import cdktf_ecr_pull_through_cache  # noqa: F401  (loaded as the reference program loads it)

outdir, calls = sys.argv[1], int(sys.argv[2])
app = App(outdir=outdir)  # 1 call
stack = TerraformStack(app, "floor")  # 1 call
stack.add_override("terraform.required_providers.aws", {"source": "aws", "version": "6.25.0"})  # 1 call
stack.add_override("provider.aws", [{"region": "us-east-1"}])  # 1 call
for _ in range(max(calls - 5, 0)):
    Token.is_unresolved("x")
app.synth()  # 1 call
