"""The floor under any Python cdktf program on the AWS provider: cdktf and the provider's AwsProvider, one empty
stack synthesized; no class of this library. Usage: python python-floor.py <outdir>"""
import sys

from cdktf import App, TerraformStack
from cdktf_cdktf_provider_aws.provider import AwsProvider

app = App(outdir=sys.argv[1] if len(sys.argv) > 1 else "cdktf.out")
stack = TerraformStack(app, "floor")
AwsProvider(stack, "aws", region="us-east-1")
app.synth()
