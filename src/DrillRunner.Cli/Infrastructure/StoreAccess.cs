namespace DrillRunner.Cli.Infrastructure;

/// <summary>What a command needs of the local store while another command holds it.</summary>
public enum StoreAccess
{
    /// <summary>Its runs table only: it may read and write through the holder's DynamoDB endpoint meanwhile.</summary>
    Shared,

    /// <summary>The whole local world (it runs executions or seeds data): it waits for no one and is refused while another holds the store.</summary>
    Exclusive,
}
