using DrillRunner.Core.Coverage.Survival;
using Xunit;

namespace DrillRunner.Core.Tests.Coverage.Survival;

public sealed class TemplatePoliciesTests
{
    [Fact]
    public void AJsonTemplate_GivesEachResourcesTypeAndPolicies_AndNullWhereNoneIsWritten()
    {
        const string json = """
            { "AWSTemplateFormatVersion": "2010-09-09",
              "Resources": {
                "Orders": { "Type": "AWS::DynamoDB::Table", "DeletionPolicy": "Retain", "UpdateReplacePolicy": "Snapshot", "Properties": { "TableName": { "Fn::Sub": "${AWS::StackName}-orders" } } },
                "Carts": { "Type": "AWS::DynamoDB::Table" },
                "Db": { "Type": "AWS::RDS::DBInstance", "DeletionPolicy": { "Fn::If": ["IsProd", "Retain", "Delete"] } } } }
            """;

        var (resources, unreadable) = TemplatePolicies.Read(json);

        Assert.Null(unreadable);
        Assert.Equal(new ResourcePolicies("AWS::DynamoDB::Table", "Retain", "Snapshot"), resources!["Orders"]);
        Assert.Equal(new ResourcePolicies("AWS::DynamoDB::Table", null, null), resources["Carts"]);
        // A policy computed by an intrinsic function is not known, never guessed.
        Assert.Equal(new ResourcePolicies("AWS::RDS::DBInstance", null, null), resources["Db"]);
    }

    [Fact]
    public void AYamlTemplate_WithShortFormTags_EvenUnknownOnes_IsRead()
    {
        const string yaml = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
            Resources:
              Orders:
                Type: AWS::DynamoDB::Table
                DeletionPolicy: RetainExceptOnCreate
                UpdateReplacePolicy: !Ref ReplacePolicy
                Properties:
                  TableName: !Sub '${AWS::StackName}-orders'
                  Extra: !SomeTagNobodyDefined { a: !GetAtt Other.Arn }
              Volume:
                Type: AWS::EC2::Volume
                DeletionPolicy: !If [IsProd, Snapshot, Delete]
                UpdateReplacePolicy: Snapshot
            Outputs:
              Name: { Value: !Ref Orders }
            """;

        var (resources, unreadable) = TemplatePolicies.Read(yaml);

        Assert.Null(unreadable);
        Assert.Equal(new ResourcePolicies("AWS::DynamoDB::Table", "RetainExceptOnCreate", null), resources!["Orders"]);
        Assert.Equal(new ResourcePolicies("AWS::EC2::Volume", null, "Snapshot"), resources["Volume"]);
    }

    [Theory]
    [InlineData("{ \"Parameters\": {} }", "no Resources")]
    [InlineData("Parameters:\n  Env: { Type: String }\n", "no Resources")]
    [InlineData("{ \"Resources\": [1, 2", "cannot be read as JSON or YAML")]
    [InlineData("Resources:\n  A: [unclosed\n", "cannot be read as JSON or YAML")]
    [InlineData("just a sentence", "not a YAML mapping")]
    [InlineData("", "no TemplateBody")]
    [InlineData("{ \"Resources\": { \"A\": { \"Type\": \"AWS::S3::Bucket\" }, \"A\": { \"Type\": \"AWS::S3::Bucket\" } } }", "cannot be read as JSON or YAML")]
    [InlineData("Resources:\n  A:\n    Type: AWS::S3::Bucket\n  A:\n    Type: AWS::S3::Bucket\n", "cannot be read as JSON or YAML")]
    public void ATemplateWithoutResources_OrNotJsonOrYaml_IsUnreadable_AndSaysWhy(string body, string why)
    {
        var (resources, unreadable) = TemplatePolicies.Read(body);

        Assert.Null(resources);
        Assert.Contains(why, unreadable, StringComparison.Ordinal);
    }
}
