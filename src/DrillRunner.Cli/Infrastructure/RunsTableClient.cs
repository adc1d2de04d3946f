using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace DrillRunner.Cli.Infrastructure;

/// <summary>The DynamoDB client the CLI uses: AWS's default chain, or an explicit endpoint with dummy credentials.</summary>
public static class RunsTableClient
{
    public static IAmazonDynamoDB Create(RunsTableSettings settings) =>
        settings.ResolvedEndpoint is { } endpoint
            ? new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = "us-east-1" })
            : new AmazonDynamoDBClient();
}
