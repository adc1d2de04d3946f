namespace DrillRunner.Cli.Tests;

/// <summary>
/// Plans written by mistake or in malice: every one is refused by `drill plan validate` with exit 2
/// and a message that names the field, without echoing megabytes back or crashing.
/// </summary>
public sealed class HostilePlanTests
{
    private const string Arn = "arn:aws:rds:eu-west-1:123456789012:db:billing";

    public static TheoryData<string, string, string> Plans() => new()
    {
        { "not JSON", "{ name: prod", "$ (line" },
        { "truncated", Plan()[..(Plan().Length / 2)], "$ (line" },
        { "empty file", "", "$ (line" },
        { "only whitespace", "   \n\t ", "$ (line" },
        { "an array", "[]", "$" },
        { "a string", "\"prod\"", "$" },
        { "null", "null", "$" },
        { "deep nesting", new string('[', 5000) + new string(']', 5000), "$ (line" },
        { "deep nesting in a field", Plan(name: "\"prod\", \"x\": " + new string('[', 200) + new string(']', 200)), "$" },
        { "10 MB name", Plan(name: Quote(new string('a', 10_000_000))), "$.name" },
        { "10 MB unknown field", Plan(name: "\"prod\", \"" + new string('z', 10_000_000) + "\": 1"), "$." },
        { "NUL in the name", Plan(name: "\"pr\\u0000od\""), "$.name" },
        { "control character in the name", Plan(name: "\"pr\\u0007od\""), "$.name" },
        { "newline in the table name", Plan(table: "\"orders\\nprod\""), "$.targets[0].tableName" },
        { "Cyrillic look-alike in the table name", Plan(table: "\"оrders-prod\""), "$.targets[0].tableName" },
        { "fullwidth look-alike in the prefix", Plan(prefix: "\"ｄrill-\""), "$.scratchPrefix" },
        { "zero-width space in the target id", Plan(id: "\"ord\u200Bers\""), "$.targets[0].id" },
        { "right-to-left override in the name", Plan(name: "\"prod\u202Edorp\""), "$.name" },
        { "empty prefix", Plan(prefix: "\"\""), "$.scratchPrefix" },
        { "prefix of one character", Plan(prefix: "\"d\""), "$.scratchPrefix" },
        { "prefix that is a source's own start", Plan(prefix: "\"orders-\""), "$.targets[0].tableName" },
        { "prefix equal to a source", Plan(prefix: "\"orders-prod\""), "$.targets[0].tableName" },
        { "prefix with no separator at its end", Plan(prefix: "\"drill\""), "$.scratchPrefix" },
        { "prefix matching every table", Plan(prefix: "\"*\""), "$.scratchPrefix" },
        { "number as the name", Plan(name: "42"), "$.name" },
        { "negative objective", Plan(rto: "-5"), "$.objectives.rtoMinutes" },
        { "NaN objective", Plan(rto: "\"NaN\""), "$.objectives.rtoMinutes" },
        { "huge objective", Plan(rto: "1e308"), "$.objectives.rtoMinutes" },
        { "no targets", Plan(targets: "[]"), "$.targets" },
        { "targets not an array", Plan(targets: "{}"), "$.targets" },
        { "target not an object", Plan(targets: "[\"orders\"]"), "$.targets[0]" },
        { "unknown target type", Plan(targets: "[{ \"id\": \"x\", \"type\": \"mongodb\", \"tableName\": \"x\" }]"), "$.targets[0].type" },
        { "unknown field", Plan(name: "\"prod\", \"deleteSources\": true"), "$.deleteSources" },
        { "the same key twice, the second one winning", Plan(table: "\"orders-prod\", \"tableName\": \"customers-prod\""), "$.targets[0].tableName" },
        { "same source twice", Plan(targets: "[" + Table("a", "orders-prod") + ", " + Table("b", "orders-prod") + "]"), "$.targets[1].tableName" },
        { "ARN of an unsupported type", Plan(targets: Backup("arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc")), "$.targets[0].resourceArn" },
        { "ARN of a snapshot", Plan(targets: Backup("arn:aws:rds:eu-west-1:123456789012:snapshot:nightly")), "$.targets[0].resourceArn" },
        { "ARNs in two partitions", Plan(targets: "[" + BackupTarget("a", Arn) + ", " + BackupTarget("b", "arn:aws-cn:rds:cn-north-1:123456789012:db:ledger") + "]"), "$.targets[1].resourceArn" },
        { "ARNs in two regions", Plan(targets: "[" + BackupTarget("a", Arn) + ", " + BackupTarget("b", "arn:aws:rds:us-east-1:123456789012:db:ledger") + "]"), "$.targets[1].resourceArn" },
        { "ARNs in two accounts", Plan(targets: "[" + BackupTarget("a", Arn) + ", " + BackupTarget("b", "arn:aws:rds:eu-west-1:999999999999:db:ledger") + "]"), "$.targets[1].resourceArn" },
        { "ARN with a malformed account", Plan(targets: Backup("arn:aws:rds:eu-west-1:12345:db:billing")), "$.targets[0].resourceArn" },
        { "restore metadata naming the source", Plan(targets: Backup(Arn, "\"restoreMetadata\": { \"DBInstanceIdentifier\": \"billing\" }")), "$.targets[0].restoreMetadata.DBInstanceIdentifier" },
        { "restore metadata into the source bucket", Plan(targets: Backup("arn:aws:s3:::invoices", "\"restoreMetadata\": { \"NewBucket\": \"false\", \"DestinationBucketName\": \"invoices\" }")), "$.targets[0].restoreMetadata" },
        { "restore metadata into the source file system", Plan(targets: Backup("arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-0abc", "\"restoreMetadata\": { \"newFileSystem\": \"false\", \"file-system-id\": \"fs-0abc\" }")), "$.targets[0].restoreMetadata" },
        { "health URL with a file scheme", Plan(health: "file:///etc/passwd"), "$.healthChecks[0].url" },
        { "health URL with a javascript scheme", Plan(health: "javascript:alert(1)"), "$.healthChecks[0].url" },
        { "health URL at the instance metadata service", Plan(health: "http://169.254.169.254/latest/meta-data/iam/security-credentials/"), "$.healthChecks[0].url" },
        { "health URL at the IPv6 metadata service", Plan(health: "http://[fd00:ec2::254]/latest/meta-data/"), "$.healthChecks[0].url" },
        { "health URL at a link-local address", Plan(health: "http://169.254.10.20/health"), "$.healthChecks[0].url" },
        { "health URL at the ECS credentials endpoint", Plan(health: "http://169.254.170.2/v2/credentials"), "$.healthChecks[0].url" },
        { "health URL at the metadata service's host name", Plan(health: "http://instance-data/latest/meta-data/iam/security-credentials/"), "$.healthChecks[0].url" },
        { "health URL at the metadata service through NAT64", Plan(health: "http://[64:ff9b::a9fe:a9fe]/latest/meta-data/"), "$.healthChecks[0].url" },
        { "health URL with credentials", Plan(health: "https://user:secret@app.example.com/health"), "$.healthChecks[0].url" },
        { "relative health URL", Plan(health: "/health"), "$.healthChecks[0].url" },
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public async Task Validate_HostilePlan_ExitsTwoNamingTheField(string why, string json, string path)
    {
        var (exitCode, output, diagnostics) = await CliHarness.RunAsync("plan", "validate", CliHarness.PlanFile(json));

        Assert.True(exitCode == 2, $"{why}: exit {exitCode}: {Head(output + diagnostics)}");
        Assert.True((output + diagnostics).Contains(path, StringComparison.Ordinal), $"{why}: the message does not name {path}: {Head(output + diagnostics)}");
        Assert.True(output.Length + diagnostics.Length < 20_000, $"{why}: {output.Length + diagnostics.Length} characters of output");
    }

    [Fact]
    public async Task Validate_PrefixThatTheRunnersOwnTableStartsWith_ExitsTwoNamingThePrefix()
    {
        var (exitCode, output, _) = await CliHarness.RunAsync("plan", "validate", CliHarness.PlanFile(Plan()), "--table", "drill-runner-RunsTable-1A2B3C4D5E6F");

        Assert.Equal(2, exitCode);
        Assert.Contains("$.scratchPrefix", output, StringComparison.Ordinal);
        Assert.Contains("runner's own runs table 'drill-runner-RunsTable-1A2B3C4D5E6F'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSet_HoldsAtLeastFortyHostilePlans()
    {
        Assert.True(Plans().Count >= 40);
    }

    private static string Head(string text) => text.Length <= 600 ? text : text[..600] + "…";

    private static string Quote(string text) => $"\"{text}\"";

    private static string Table(string id, string table) => $$"""{ "id": "{{id}}", "type": "dynamodb", "tableName": "{{table}}" }""";

    private static string BackupTarget(string id, string arn, string extra = "") =>
        $$"""{ "id": "{{id}}", "type": "aws-backup", "resourceArn": "{{arn}}"{{(extra.Length > 0 ? ", " + extra : "")}} }""";

    private static string Backup(string arn, string extra = "") => "[" + BackupTarget("x", arn, extra) + "]";

    private static string Plan(string name = "\"prod\"", string prefix = "\"drill-\"", string rto = "60", string? targets = null, string id = "\"orders\"", string table = "\"orders-prod\"", string? health = null) => $$"""
        { "name": {{name}}, "objectives": { "rtoMinutes": {{rto}}, "rpoMinutes": 15 }, "scratchPrefix": {{prefix}},
          "targets": {{targets ?? $$"""[ { "id": {{id}}, "type": "dynamodb", "tableName": {{table}} } ]"""}}
          {{(health is null ? "" : $$""", "healthChecks": [ { "name": "app", "url": "{{health}}" } ]""")}} }
        """;
}
