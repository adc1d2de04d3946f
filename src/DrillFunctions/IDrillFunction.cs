namespace DrillFunctions;

/// <summary>A Lambda entry point: the managed runtime calls <see cref="Handle"/> with the raw payload.</summary>
public interface IDrillFunction
{
    Task<Stream> Handle(Stream input);
}
