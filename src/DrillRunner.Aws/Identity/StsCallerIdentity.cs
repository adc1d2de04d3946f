using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using DrillRunner.Core.Ports;

namespace DrillRunner.Aws.Identity;

/// <summary>The requester as AWS knows it: the ARN GetCallerIdentity returns (a user, or an assumed role and session).</summary>
public sealed class StsCallerIdentity(IAmazonSecurityTokenService sts) : ICallerIdentity
{
    public async Task<string> WhoAsync(CancellationToken cancellationToken) =>
        (await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken)).Arn;
}
