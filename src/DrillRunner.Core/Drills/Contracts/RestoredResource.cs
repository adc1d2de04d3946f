namespace DrillRunner.Core.Drills.Contracts;

/// <summary>What a completed restore job created: how to describe it, how to tag it, and who verifies it.</summary>
/// <param name="ScratchKind">One of <see cref="Kinds.ScratchKinds"/>: routes describe, verification and teardown.</param>
/// <param name="ResourceId">The id its describe call takes (DB identifier, volume id, file system id; bucket or table name).</param>
/// <param name="VerifierFunction">The plan's verifier Lambda, if it names one.</param>
public sealed record RestoredResource(string ScratchKind, string ResourceId, TagResourcesParameters Tagging, string? VerifierFunction);
