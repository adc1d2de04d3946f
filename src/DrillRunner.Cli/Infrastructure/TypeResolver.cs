using Spectre.Console.Cli;

namespace DrillRunner.Cli.Infrastructure;

/// <summary>Resolves commands and their constructor arguments from the built service provider.</summary>
internal sealed class TypeResolver(IServiceProvider provider) : ITypeResolver, IDisposable
{
    public object? Resolve(Type? type) => type is null ? null : provider.GetService(type);

    public void Dispose()
    {
        if (provider is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
