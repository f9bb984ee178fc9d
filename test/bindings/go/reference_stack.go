// Command reference synthesizes the reference stack of examples/reference-stack.ts, written as a
// Go user writes it, into ./cdktf.out or the directory given as the first argument:
//
//	go run . [outdir]
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	ptc "github.com/cdktf-ecr-pull-through-cache/cdktf-ecr-pull-through-cache-go/ecrpullthroughcache"
	"github.com/hashicorp/terraform-cdk-go/cdktf"
)

// StackID is the stack id every language uses, so that construct paths and names match.
const StackID = "ecr-pull-through-cache-example"

const centralAccountID = "444455556666"

func secretArn(name string) *string {
	return jsii.String(fmt.Sprintf("arn:aws:secretsmanager:us-east-1:111122223333:secret:ecr-pullthroughcache/%s-AbCdEf", name))
}

// AwsProviderVersion is the hashicorp/aws version that @cdktf/provider-aws 21.22.1 (the TypeScript
// stack's AwsProvider) writes into required_providers.
const AwsProviderVersion = "6.25.0"

// ConfigureAwsProvider declares the default AWS provider without any provider bindings: the same
// provider block and required_providers entry that the prebuilt AwsProvider class writes. The
// library reads the provider's Region from this block for its checks.
func ConfigureAwsProvider(stack cdktf.TerraformStack, region string) {
	stack.AddOverride(jsii.String("terraform.required_providers.aws"), map[string]interface{}{
		"source":  "aws",
		"version": AwsProviderVersion,
	})
	stack.AddOverride(jsii.String("provider.aws"), []interface{}{
		map[string]interface{}{"region": region},
	})
}

// NewReferenceStack declares every upstream preset, a credential secret from sensitive variables,
// ECR to ECR with its role, repository creation templates, pull grants, caches in more Regions,
// a rule owned by another stack referenced by its prefix, and image URI outputs.
func NewReferenceStack(scope constructs.Construct, id string) cdktf.TerraformStack {
	stack := cdktf.NewTerraformStack(scope, jsii.String(id))

	ConfigureAwsProvider(stack, "us-east-1")

	dockerHubUsername := cdktf.NewTerraformVariable(stack, jsii.String("docker_hub_username"), &cdktf.TerraformVariableConfig{
		Type:        jsii.String("string"),
		Description: jsii.String("Docker Hub user name for the pull through cache"),
	})
	dockerHubToken := cdktf.NewTerraformVariable(stack, jsii.String("docker_hub_access_token"), &cdktf.TerraformVariableConfig{
		Type:        jsii.String("string"),
		Sensitive:   jsii.Bool(true),
		Description: jsii.String("Docker Hub access token for the pull through cache"),
	})
	dockerHubSecret := ptc.NewUpstreamCredentialSecret(stack, jsii.String("DockerHubCredential"), &ptc.UpstreamCredentialSecretProps{
		SecretName:  jsii.String("docker-hub"),
		Username:    dockerHubUsername.StringValue(),
		AccessToken: dockerHubToken.StringValue(),
	})

	centralRole := ptc.NewEcrUpstreamRole(stack, jsii.String("CentralRegistryRole"), &ptc.EcrUpstreamRoleProps{
		UpstreamAccountId:        jsii.String(centralAccountID),
		UpstreamRegion:           jsii.String("eu-west-1"),
		UpstreamRepositoryPrefix: jsii.String("platform"),
	})

	cache := ptc.NewPullThroughCache(stack, jsii.String("Cache"), &ptc.PullThroughCacheProps{
		RepositoryTemplate: &ptc.RepositoryTemplateOptions{
			Description:             jsii.String("Repositories created by pull through cache"),
			UntaggedImageExpiryDays: jsii.Number(14),
			MaxImageCount:           jsii.Number(200),
		},
	})
	dockerHub := cache.AddRule(jsii.String("DockerHub"), &ptc.PullThroughCacheRuleProps{
		Upstream: ptc.UpstreamRegistry_DockerHub(&ptc.CredentialedUpstreamOptions{Credential: dockerHubSecret.Credential()}),
		RepositoryTemplate: &ptc.RepositoryTemplateOptions{
			Description:             jsii.String("Docker Hub images cached for the platform team"),
			UntaggedImageExpiryDays: jsii.Number(7),
			ResourceTags:            &map[string]*string{"cost-center": jsii.String("platform")},
		},
	})
	cache.AddRule(jsii.String("Quay"), &ptc.PullThroughCacheRuleProps{
		Upstream: ptc.UpstreamRegistry_Quay(),
		RepositoryTemplate: &ptc.RepositoryTemplateOptions{
			Description:                   jsii.String("Quay images, archived when not pulled"),
			UntaggedImageExpiryDays:       jsii.Number(14),
			ArchiveImagesNotPulledForDays: jsii.Number(90),
			ExpireImagesNotPulledForDays:  jsii.Number(180),
		},
	})
	cache.AddFailureNotifications(nil)
	cdktf.NewTerraformOutput(stack, jsii.String("sync_failures_topic"), &cdktf.TerraformOutputConfig{
		Value: cache.FailureTopicArn(),
	})
	kubernetes := cache.AddRule(jsii.String("Kubernetes"), &ptc.PullThroughCacheRuleProps{Upstream: ptc.UpstreamRegistry_Kubernetes()})
	cache.AddRule(jsii.String("EcrPublic"), &ptc.PullThroughCacheRuleProps{Upstream: ptc.UpstreamRegistry_EcrPublic()})
	github := cache.AddRule(jsii.String("GitHub"), &ptc.PullThroughCacheRuleProps{
		Upstream: ptc.UpstreamRegistry_GithubContainerRegistry(&ptc.CredentialedUpstreamOptions{
			Credential: ptc.UpstreamCredential_FromSecretArn(secretArn("ghcr")),
		}),
		EcrRepositoryPrefix: jsii.String("ghcr"),
	})
	cache.AddRule(jsii.String("GitLab"), &ptc.PullThroughCacheRuleProps{
		Upstream: ptc.UpstreamRegistry_GitlabContainerRegistry(&ptc.CredentialedUpstreamOptions{
			Credential: ptc.UpstreamCredential_FromSecretArn(secretArn("gitlab")),
		}),
		EcrRepositoryPrefix: jsii.String("gitlab"),
	})
	cache.AddRule(jsii.String("Chainguard"), &ptc.PullThroughCacheRuleProps{
		Upstream: ptc.UpstreamRegistry_Chainguard(&ptc.CredentialedUpstreamOptions{
			Credential: ptc.UpstreamCredential_FromSecretArn(secretArn("chainguard")),
		}),
	})
	cache.AddRule(jsii.String("Azure"), &ptc.PullThroughCacheRuleProps{
		Upstream: ptc.UpstreamRegistry_AzureContainerRegistry(&ptc.AzureContainerRegistryOptions{
			RegistryName: jsii.String("contosoimages"),
			Credential:   ptc.UpstreamCredential_FromSecretArn(secretArn("azure")),
		}),
		EcrRepositoryPrefix: jsii.String("azure"),
	})
	central := cache.AddRule(jsii.String("Central"), &ptc.PullThroughCacheRuleProps{
		Upstream: ptc.UpstreamRegistry_Ecr(&ptc.EcrUpstreamOptions{
			AccountId:        jsii.String(centralAccountID),
			Region:           jsii.String("eu-west-1"),
			RoleArn:          centralRole.RoleArn(),
			RepositoryPrefix: jsii.String("platform"),
		}),
		EcrRepositoryPrefix: jsii.String("central"),
	})

	cache.GrantPull(jsii.String("eks-node-role"))

	// Every account of the organization pulls through the cache.
	cache.GrantPullToOrganization(jsii.String("o-a1b2c3d4e5"))
	cdktf.NewTerraformOutput(stack, jsii.String("consumer_policy"), &cdktf.TerraformOutputConfig{
		Description: jsii.String("Attach this policy to the roles of the consumer accounts"),
		Value:       cache.ConsumerPolicyJson(),
	})

	for _, region := range []string{"eu-west-1", "ap-southeast-2"} {
		regional := ptc.NewPullThroughCache(stack, jsii.String("Cache-"+region), &ptc.PullThroughCacheProps{
			Region: jsii.String(region),
		})
		regional.AddRule(jsii.String("EcrPublic"), &ptc.PullThroughCacheRuleProps{Upstream: ptc.UpstreamRegistry_EcrPublic()})
		regional.AddRule(jsii.String("Kubernetes"), &ptc.PullThroughCacheRuleProps{Upstream: ptc.UpstreamRegistry_Kubernetes()})
		regional.GrantPull(jsii.String("eks-node-role"))
	}

	cdktf.NewTerraformOutput(stack, jsii.String("nginx_image"), &cdktf.TerraformOutputConfig{
		Value: dockerHub.ImageUri(jsii.String("nginx:1.27")),
	})
	cdktf.NewTerraformOutput(stack, jsii.String("pause_image"), &cdktf.TerraformOutputConfig{
		Value: kubernetes.ImageUri(jsii.String("registry.k8s.io/pause:3.10")),
	})
	cdktf.NewTerraformOutput(stack, jsii.String("github_image"), &cdktf.TerraformOutputConfig{
		Value: github.ImageUri(jsii.String("ghcr.io/actions/actions-runner:2.321.0")),
	})
	cdktf.NewTerraformOutput(stack, jsii.String("central_image"), &cdktf.TerraformOutputConfig{
		Value: central.ImageUri(jsii.String(centralAccountID + ".dkr.ecr.eu-west-1.amazonaws.com/platform/api:v1")),
	})
	cdktf.NewTerraformOutput(stack, jsii.String("central_registry_policy"), &cdktf.TerraformOutputConfig{
		Description: jsii.String("Apply this registry policy in the central account"),
		Value:       centralRole.UpstreamRegistryPolicyJson(),
	})

	// A rule that another stack owns, referenced by its prefix: its URIs and a pull grant, without owning it.
	shared := ptc.PullThroughCacheRule_FromEcrRepositoryPrefix(stack, jsii.String("SharedChainguard"), jsii.String("cgr-shared"),
		&ptc.ExistingPullThroughCacheRuleOptions{
			Region:       jsii.String("eu-west-1"),
			UpstreamType: ptc.UpstreamRegistryType_CHAINGUARD,
		})
	shared.GrantPull(jsii.String("batch-job-role"))
	cdktf.NewTerraformOutput(stack, jsii.String("shared_image"), &cdktf.TerraformOutputConfig{
		Value: shared.ImageUri(jsii.String("cgr.dev/chainguard/static:latest")),
	})
	return stack
}

// Synth synthesizes the reference stack into outdir and returns the path of its cdk.tf.json.
func Synth(outdir string) string {
	app := cdktf.NewApp(&cdktf.AppConfig{Outdir: jsii.String(outdir)})
	NewReferenceStack(app, StackID)
	app.Synth()
	return filepath.Join(outdir, "stacks", StackID, "cdk.tf.json")
}

func main() {
	outdir := "cdktf.out"
	if len(os.Args) > 1 {
		outdir = os.Args[1]
	}
	fmt.Println(Synth(outdir))
}
