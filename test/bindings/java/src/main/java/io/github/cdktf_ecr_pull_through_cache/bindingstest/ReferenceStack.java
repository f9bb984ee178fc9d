package io.github.cdktf_ecr_pull_through_cache.bindingstest;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import io.github.cdktf_ecr_pull_through_cache.AzureContainerRegistryOptions;
import io.github.cdktf_ecr_pull_through_cache.CredentialedUpstreamOptions;
import io.github.cdktf_ecr_pull_through_cache.EcrUpstreamOptions;
import io.github.cdktf_ecr_pull_through_cache.EcrUpstreamRole;
import io.github.cdktf_ecr_pull_through_cache.ExistingPullThroughCacheRuleOptions;
import io.github.cdktf_ecr_pull_through_cache.IPullThroughCacheRule;
import io.github.cdktf_ecr_pull_through_cache.PullThroughCache;
import io.github.cdktf_ecr_pull_through_cache.PullThroughCacheRule;
import io.github.cdktf_ecr_pull_through_cache.PullThroughCacheRuleProps;
import io.github.cdktf_ecr_pull_through_cache.RepositoryTemplateOptions;
import io.github.cdktf_ecr_pull_through_cache.UpstreamCredential;
import io.github.cdktf_ecr_pull_through_cache.UpstreamCredentialSecret;
import io.github.cdktf_ecr_pull_through_cache.UpstreamRegistry;
import io.github.cdktf_ecr_pull_through_cache.UpstreamRegistryType;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The reference stack of examples/reference-stack.ts, written as a Java user writes it: every upstream
 * preset, a credential secret from sensitive variables, ECR to ECR with its role, repository creation
 * templates, pull grants, caches in more Regions, a rule owned by another stack referenced by its prefix, and image
 * URI outputs.
 */
public class ReferenceStack extends TerraformStack {
    /** The stack id every language uses, so that construct paths and names match. */
    public static final String STACK_ID = "ecr-pull-through-cache-example";

    static final String CENTRAL_ACCOUNT_ID = "444455556666";

    /** The hashicorp/aws version that @cdktf/provider-aws 21.22.1 (the TypeScript stack's AwsProvider) requires. */
    static final String AWS_PROVIDER_VERSION = "6.25.0";

    /**
     * Declares the default AWS provider without any provider bindings: the same provider block and
     * required_providers entry that the prebuilt AwsProvider class writes. The library reads the provider's
     * Region from this block for its checks.
     */
    static void configureAwsProvider(TerraformStack stack, String region) {
        stack.addOverride("terraform.required_providers.aws", Map.of("source", "aws", "version", AWS_PROVIDER_VERSION));
        stack.addOverride("provider.aws", List.of(Map.of("region", region)));
    }

    private static String secretArn(String name) {
        return "arn:aws:secretsmanager:us-east-1:111122223333:secret:ecr-pullthroughcache/" + name + "-AbCdEf";
    }

    private static UpstreamCredential existingSecret(String name) {
        return UpstreamCredential.fromSecretArn(secretArn(name));
    }

    public ReferenceStack(final Construct scope, final String id) {
        super(scope, id);

        configureAwsProvider(this, "us-east-1");

        TerraformVariable dockerHubUsername = TerraformVariable.Builder.create(this, "docker_hub_username")
                .type("string")
                .description("Docker Hub user name for the pull through cache")
                .build();
        TerraformVariable dockerHubToken = TerraformVariable.Builder.create(this, "docker_hub_access_token")
                .type("string")
                .sensitive(true)
                .description("Docker Hub access token for the pull through cache")
                .build();
        UpstreamCredentialSecret dockerHubSecret = UpstreamCredentialSecret.Builder.create(this, "DockerHubCredential")
                .secretName("docker-hub")
                .username(dockerHubUsername.getStringValue())
                .accessToken(dockerHubToken.getStringValue())
                .build();

        EcrUpstreamRole centralRole = EcrUpstreamRole.Builder.create(this, "CentralRegistryRole")
                .upstreamAccountId(CENTRAL_ACCOUNT_ID)
                .upstreamRegion("eu-west-1")
                .upstreamRepositoryPrefix("platform")
                .build();

        PullThroughCache cache = PullThroughCache.Builder.create(this, "Cache")
                .repositoryTemplate(RepositoryTemplateOptions.builder()
                        .description("Repositories created by pull through cache")
                        .untaggedImageExpiryDays(14)
                        .maxImageCount(200)
                        .build())
                .build();
        PullThroughCacheRule dockerHub = cache.addRule("DockerHub", PullThroughCacheRuleProps.builder()
                .upstream(UpstreamRegistry.dockerHub(CredentialedUpstreamOptions.builder()
                        .credential(dockerHubSecret.getCredential())
                        .build()))
                .repositoryTemplate(RepositoryTemplateOptions.builder()
                        .description("Docker Hub images cached for the platform team")
                        .untaggedImageExpiryDays(7)
                        .resourceTags(Map.of("cost-center", "platform"))
                        .build())
                .build());
        cache.addRule("Quay", PullThroughCacheRuleProps.builder()
                .upstream(UpstreamRegistry.quay())
                .repositoryTemplate(RepositoryTemplateOptions.builder()
                        .description("Quay images, archived when not pulled")
                        .untaggedImageExpiryDays(14)
                        .archiveImagesNotPulledForDays(90)
                        .expireImagesNotPulledForDays(180)
                        .build())
                .build());
        cache.addFailureNotifications();
        TerraformOutput.Builder.create(this, "sync_failures_topic").value(cache.getFailureTopicArn()).build();
        PullThroughCacheRule kubernetes = cache.addRule("Kubernetes",
                PullThroughCacheRuleProps.builder().upstream(UpstreamRegistry.kubernetes()).build());
        cache.addRule("EcrPublic", PullThroughCacheRuleProps.builder().upstream(UpstreamRegistry.ecrPublic()).build());
        PullThroughCacheRule github = cache.addRule("GitHub", PullThroughCacheRuleProps.builder()
                .upstream(UpstreamRegistry.githubContainerRegistry(CredentialedUpstreamOptions.builder()
                        .credential(existingSecret("ghcr"))
                        .build()))
                .ecrRepositoryPrefix("ghcr")
                .build());
        cache.addRule("GitLab", PullThroughCacheRuleProps.builder()
                .upstream(UpstreamRegistry.gitlabContainerRegistry(CredentialedUpstreamOptions.builder()
                        .credential(existingSecret("gitlab"))
                        .build()))
                .ecrRepositoryPrefix("gitlab")
                .build());
        cache.addRule("Chainguard", PullThroughCacheRuleProps.builder()
                .upstream(UpstreamRegistry.chainguard(CredentialedUpstreamOptions.builder()
                        .credential(existingSecret("chainguard"))
                        .build()))
                .build());
        cache.addRule("Azure", PullThroughCacheRuleProps.builder()
                .upstream(UpstreamRegistry.azureContainerRegistry(AzureContainerRegistryOptions.builder()
                        .registryName("contosoimages")
                        .credential(existingSecret("azure"))
                        .build()))
                .ecrRepositoryPrefix("azure")
                .build());
        PullThroughCacheRule central = cache.addRule("Central", PullThroughCacheRuleProps.builder()
                .upstream(UpstreamRegistry.ecr(EcrUpstreamOptions.builder()
                        .accountId(CENTRAL_ACCOUNT_ID)
                        .region("eu-west-1")
                        .roleArn(centralRole.getRoleArn())
                        .repositoryPrefix("platform")
                        .build()))
                .ecrRepositoryPrefix("central")
                .build());

        cache.grantPull("eks-node-role");

        // Every account of the organization pulls through the cache.
        cache.grantPullToOrganization("o-a1b2c3d4e5");
        TerraformOutput.Builder.create(this, "consumer_policy")
                .description("Attach this policy to the roles of the consumer accounts")
                .value(cache.getConsumerPolicyJson())
                .build();

        for (String region : List.of("eu-west-1", "ap-southeast-2")) {
            PullThroughCache regional = PullThroughCache.Builder.create(this, "Cache-" + region).region(region).build();
            regional.addRule("EcrPublic", PullThroughCacheRuleProps.builder().upstream(UpstreamRegistry.ecrPublic()).build());
            regional.addRule("Kubernetes", PullThroughCacheRuleProps.builder().upstream(UpstreamRegistry.kubernetes()).build());
            regional.grantPull("eks-node-role");
        }

        TerraformOutput.Builder.create(this, "nginx_image").value(dockerHub.imageUri("nginx:1.27")).build();
        TerraformOutput.Builder.create(this, "pause_image").value(kubernetes.imageUri("registry.k8s.io/pause:3.10")).build();
        TerraformOutput.Builder.create(this, "github_image")
                .value(github.imageUri("ghcr.io/actions/actions-runner:2.321.0"))
                .build();
        TerraformOutput.Builder.create(this, "central_image")
                .value(central.imageUri(CENTRAL_ACCOUNT_ID + ".dkr.ecr.eu-west-1.amazonaws.com/platform/api:v1"))
                .build();
        TerraformOutput.Builder.create(this, "central_registry_policy")
                .description("Apply this registry policy in the central account")
                .value(centralRole.getUpstreamRegistryPolicyJson())
                .build();

        // A rule that another stack owns, referenced by its prefix: its URIs and a pull grant, without owning it.
        IPullThroughCacheRule shared = PullThroughCacheRule.fromEcrRepositoryPrefix(this, "SharedChainguard", "cgr-shared",
                ExistingPullThroughCacheRuleOptions.builder()
                        .region("eu-west-1")
                        .upstreamType(UpstreamRegistryType.CHAINGUARD)
                        .build());
        shared.grantPull("batch-job-role");
        TerraformOutput.Builder.create(this, "shared_image")
                .value(shared.imageUri("cgr.dev/chainguard/static:latest"))
                .build();
    }
}
