using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace DrillRunner.Local.StandIn;

/// <summary>AWSSDK clients for loopback endpoints: dummy credentials, a fixed signing region.</summary>
public static class LocalClients
{
    public static IAmazonDynamoDB DynamoDb(Uri endpoint) =>
        new AmazonDynamoDBClient(
            new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1" });
}
