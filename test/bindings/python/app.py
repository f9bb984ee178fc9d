"""The reference stack of examples/reference-stack.ts, written as a Python user writes it.

Run standalone (synthesizes into ./cdktf.out, or the directory given as the first argument):

    python app.py [outdir]
"""
import sys

from cdktf import App, TerraformOutput, TerraformStack, TerraformVariable
from cdktf_cdktf_provider_aws.provider import AwsProvider
from constructs import Construct

from cdktf_ecr_pull_through_cache import (
    EcrUpstreamRole,
    PullThroughCache,
    PullThroughCacheRule,
    RepositoryTemplateOptions,
    UpstreamCredential,
    UpstreamCredentialSecret,
    UpstreamRegistry,
    UpstreamRegistryType,
)

STACK_ID = "ecr-pull-through-cache-example"
CENTRAL_ACCOUNT_ID = "444455556666"
ORGANIZATION_ID = "o-a1b2c3d4e5"


def secret_arn(name: str) -> str:
    return f"arn:aws:secretsmanager:us-east-1:111122223333:secret:ecr-pullthroughcache/{name}-AbCdEf"


class ReferenceStack(TerraformStack):
    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)

        AwsProvider(self, "aws", region="us-east-1")

        docker_hub_username = TerraformVariable(
            self,
            "docker_hub_username",
            type="string",
            description="Docker Hub user name for the pull through cache",
        )
        docker_hub_token = TerraformVariable(
            self,
            "docker_hub_access_token",
            type="string",
            sensitive=True,
            description="Docker Hub access token for the pull through cache",
        )
        docker_hub_secret = UpstreamCredentialSecret(
            self,
            "DockerHubCredential",
            secret_name="docker-hub",
            username=docker_hub_username.string_value,
            access_token=docker_hub_token.string_value,
        )

        central_role = EcrUpstreamRole(
            self,
            "CentralRegistryRole",
            upstream_account_id=CENTRAL_ACCOUNT_ID,
            upstream_region="eu-west-1",
            upstream_repository_prefix="platform",
        )

        cache = PullThroughCache(
            self,
            "Cache",
            repository_template=RepositoryTemplateOptions(
                description="Repositories created by pull through cache",
                untagged_image_expiry_days=14,
                max_image_count=200,
            ),
        )
        docker_hub = cache.add_rule(
            "DockerHub",
            upstream=UpstreamRegistry.docker_hub(credential=docker_hub_secret.credential),
            repository_template=RepositoryTemplateOptions(
                description="Docker Hub images cached for the platform team",
                untagged_image_expiry_days=7,
                resource_tags={"cost-center": "platform"},
            ),
        )
        cache.add_rule(
            "Quay",
            upstream=UpstreamRegistry.quay(),
            repository_template=RepositoryTemplateOptions(
                description="Quay images, archived when not pulled",
                untagged_image_expiry_days=14,
                archive_images_not_pulled_for_days=90,
                expire_images_not_pulled_for_days=180,
            ),
        )
        cache.add_failure_notifications()
        TerraformOutput(self, "sync_failures_topic", value=cache.failure_topic_arn)
        kubernetes = cache.add_rule("Kubernetes", upstream=UpstreamRegistry.kubernetes())
        cache.add_rule("EcrPublic", upstream=UpstreamRegistry.ecr_public())
        github = cache.add_rule(
            "GitHub",
            upstream=UpstreamRegistry.github_container_registry(
                credential=UpstreamCredential.from_secret_arn(secret_arn("ghcr"))
            ),
            ecr_repository_prefix="ghcr",
        )
        cache.add_rule(
            "GitLab",
            upstream=UpstreamRegistry.gitlab_container_registry(
                credential=UpstreamCredential.from_secret_arn(secret_arn("gitlab"))
            ),
            ecr_repository_prefix="gitlab",
        )
        cache.add_rule(
            "Chainguard",
            upstream=UpstreamRegistry.chainguard(
                credential=UpstreamCredential.from_secret_arn(secret_arn("chainguard"))
            ),
        )
        cache.add_rule(
            "Azure",
            upstream=UpstreamRegistry.azure_container_registry(
                registry_name="contosoimages",
                credential=UpstreamCredential.from_secret_arn(secret_arn("azure")),
            ),
            ecr_repository_prefix="azure",
        )
        central = cache.add_rule(
            "Central",
            upstream=UpstreamRegistry.ecr(
                account_id=CENTRAL_ACCOUNT_ID,
                region="eu-west-1",
                role_arn=central_role.role_arn,
                repository_prefix="platform",
            ),
            ecr_repository_prefix="central",
        )

        cache.grant_pull("eks-node-role")

        # Every account of the organization pulls through the cache.
        cache.grant_pull_to_organization(ORGANIZATION_ID)
        TerraformOutput(
            self,
            "consumer_policy",
            description="Attach this policy to the roles of the consumer accounts",
            value=cache.consumer_policy_json,
        )

        for region in ["eu-west-1", "ap-southeast-2"]:
            regional = PullThroughCache(self, f"Cache-{region}", region=region)
            regional.add_rule("EcrPublic", upstream=UpstreamRegistry.ecr_public())
            regional.add_rule("Kubernetes", upstream=UpstreamRegistry.kubernetes())
            regional.grant_pull("eks-node-role")

        TerraformOutput(self, "nginx_image", value=docker_hub.image_uri("nginx:1.27"))
        TerraformOutput(self, "pause_image", value=kubernetes.image_uri("registry.k8s.io/pause:3.10"))
        TerraformOutput(self, "github_image", value=github.image_uri("ghcr.io/actions/actions-runner:2.321.0"))
        TerraformOutput(
            self,
            "central_image",
            value=central.image_uri(f"{CENTRAL_ACCOUNT_ID}.dkr.ecr.eu-west-1.amazonaws.com/platform/api:v1"),
        )
        TerraformOutput(
            self,
            "central_registry_policy",
            description="Apply this registry policy in the central account",
            value=central_role.upstream_registry_policy_json,
        )

        # A rule that another stack owns, referenced by its prefix: its URIs and a pull grant, without owning it.
        shared = PullThroughCacheRule.from_ecr_repository_prefix(
            self,
            "SharedChainguard",
            "cgr-shared",
            region="eu-west-1",
            upstream_type=UpstreamRegistryType.CHAINGUARD,
        )
        shared.grant_pull("batch-job-role")
        TerraformOutput(self, "shared_image", value=shared.image_uri("cgr.dev/chainguard/static:latest"))


def synth(outdir: str) -> str:
    """Synthesizes the reference stack into outdir and returns the path of its cdk.tf.json."""
    app = App(outdir=outdir)
    ReferenceStack(app, STACK_ID)
    app.synth()
    return f"{outdir}/stacks/{STACK_ID}/cdk.tf.json"


if __name__ == "__main__":
    print(synth(sys.argv[1] if len(sys.argv) > 1 else "cdktf.out"))
