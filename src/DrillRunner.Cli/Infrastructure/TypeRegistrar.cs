using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Infrastructure;

/// <summary>Spectre.Console.Cli's registrar over Microsoft.Extensions.DependencyInjection, as Spectre's own injection example builds it.</summary>
internal sealed class TypeRegistrar(IServiceCollection services) : ITypeRegistrar
{
    public ITypeResolver Build() => new TypeResolver(services.BuildServiceProvider());

    public void Register(Type service, Type implementation) => services.AddSingleton(service, implementation);

    public void RegisterInstance(Type service, object implementation) => services.AddSingleton(service, implementation);

    public void RegisterLazy(Type service, Func<object> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        services.AddSingleton(service, _ => factory());
    }
}
