using System.Text.RegularExpressions;
using DrillRunner.Core.Kinds;

namespace DrillRunner.Core.Plans;

/// <summary>
/// Reading "recoveryPoint.vault" and "recoveryPoint.copyOf" of an "aws-backup" target, and how they meet
/// "backupVaultName": the vault's name has one home (<see cref="AwsBackupTarget.BackupVaultName"/>), so the two
/// may name the same vault or only one of them may be given.
/// </summary>
public static partial class PlanReader
{
    /// <summary>The vault's name (from backupVaultName, the vault's name or its ARN) and where points are listed; (backupVaultName, null) without vault or copyOf.</summary>
    private static (string? VaultName, PointOrigin? Origin) ReadPointOrigin(JsonObjectReader target, string? backupVaultName, PointPlace? place)
    {
        if (place is null)
        {
            return (backupVaultName, null);
        }

        string? vaultName = backupVaultName;
        string? vaultArn = null;
        string? vaultAccount = null;
        if (place.Vault is { } vault)
        {
            var arn = BackupVaultArn().Match(vault);
            if (arn.Success)
            {
                vaultArn = vault;
                vaultAccount = arn.Groups["account"].Value;
                vaultName = arn.Groups["name"].Value;
            }
            else if (vault.StartsWith("arn:", StringComparison.Ordinal))
            {
                target.Problem(place.VaultPath, $"'{vault}' is not a backup vault's ARN.", "write arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME, or just the vault's name for a vault of this account.");
                return (backupVaultName, null);
            }
            else if (!VaultName().IsMatch(vault))
            {
                target.Problem(place.VaultPath, $"'{vault}' is not a backup vault name (2–50 letters, digits, '-' or '_').", "copy the vault's name from AWS Backup, or give its ARN.");
                return (backupVaultName, null);
            }
            else
            {
                vaultName = vault;
            }

            if (backupVaultName is not null && backupVaultName != vaultName)
            {
                target.Problem(
                    place.VaultPath,
                    $"names vault '{vaultName}', but backupVaultName names '{backupVaultName}': a recovery point comes from one vault.",
                    "remove backupVaultName (recoveryPoint.vault names the vault and lists it directly), or make them the same vault.");
            }
        }

        if (place.CopyOf is { } copyOf && RestoreKinds.Parse(copyOf) is null)
        {
            target.Problem(place.CopyOfPath, $"'{copyOf}' is not the ARN of a resource type this runner restores from AWS Backup.", $"give the source resource's ARN, one of: {RestoreKinds.SupportedArnForms}.");
            return (vaultName, null);
        }

        return (vaultName, new PointOrigin(vaultArn, vaultAccount, place.CopyOf));
    }

    // AWS Backup: "Backup vault names ... consist of letters, numbers, and hyphens" (CreateBackupVault, pattern ^[a-zA-Z0-9\-\_]{2,50}$).
    [GeneratedRegex(@"^[A-Za-z0-9_-]{2,50}$")]
    private static partial Regex VaultName();

    [GeneratedRegex(@"^arn:aws[a-z-]*:backup:[a-z0-9-]+:(?<account>[0-9]{12}):backup-vault:(?<name>[A-Za-z0-9_-]{2,50})$")]
    private static partial Regex BackupVaultArn();
}
