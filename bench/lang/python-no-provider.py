"""Runs the Python reference program (test/bindings/python/app.py) without any prebuilt provider package.

The program's one provider import, `cdktf_cdktf_provider_aws.provider.AwsProvider`, is answered by a stand-in module
defined here, so the provider's Python package and its jsii assembly are never loaded. The stand-in writes the same
provider block that AwsProvider synthesizes, as stack overrides: how a program without provider bindings configures
the provider (the library reads its Region from there too). Everything else is the bindings' program as it is.

Usage: python python-no-provider.py <app.py> <outdir>
"""
import runpy
import sys
import types

from cdktf import TerraformStack

# What @cdktf/provider-aws 21.22.1 (hashicorp/aws 6.25.0) writes for AwsProvider(stack, 'aws', region=...).
PROVIDER_SOURCE = "aws"
PROVIDER_VERSION = "6.25.0"


class AwsProvider:
    """Writes `provider.aws` and `terraform.required_providers.aws` into the stack, as overrides."""

    def __init__(self, scope, id, *, region=None):
        stack = TerraformStack.of(scope)
        stack.add_override("terraform.required_providers.aws", {"source": PROVIDER_SOURCE, "version": PROVIDER_VERSION})
        stack.add_override("provider.aws", [{"region": region}] if region is not None else [{}])


def install_stand_in():
    for name in ("cdktf_cdktf_provider_aws", "cdktf_cdktf_provider_aws.provider"):
        sys.modules[name] = types.ModuleType(name)
    sys.modules["cdktf_cdktf_provider_aws"].provider = sys.modules["cdktf_cdktf_provider_aws.provider"]
    sys.modules["cdktf_cdktf_provider_aws.provider"].AwsProvider = AwsProvider


if __name__ == "__main__":
    program, outdir = sys.argv[1], sys.argv[2]
    install_stand_in()
    sys.argv = [program, outdir]
    runpy.run_path(program, run_name="__main__")
