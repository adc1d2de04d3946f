using Spectre.Console.Cli;

namespace DrillRunner.Cli.Infrastructure;

/// <summary>The smallest registrar Spectre.Console.Cli needs: instances and types, constructor injection.</summary>
internal sealed class TypeRegistrar : ITypeRegistrar
{
    private readonly Dictionary<Type, Func<object>> _factories = [];

    public void Register(Type service, Type implementation) => _factories[service] = () => Create(implementation);

    public void RegisterInstance(Type service, object implementation) => _factories[service] = () => implementation;

    public void RegisterLazy(Type service, Func<object> factory) => _factories[service] = factory;

    public ITypeResolver Build() => new Resolver(this);

    private object Create(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => Resolve(p.ParameterType)
            ?? throw new InvalidOperationException($"Cannot build {type.Name}: nothing registered for {p.ParameterType.Name}.")).ToArray();
        return constructor.Invoke(arguments);
    }

    private object? Resolve(Type? type)
    {
        if (type is null)
        {
            return null;
        }

        if (_factories.TryGetValue(type, out var factory))
        {
            return factory();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            var element = type.GetGenericArguments()[0];
            var found = _factories.TryGetValue(element, out var single) ? new[] { single() } : [];
            var array = Array.CreateInstance(element, found.Length);
            found.CopyTo(array, 0);
            return array;
        }

        return type.IsClass && !type.IsAbstract ? Create(type) : null;
    }

    private sealed class Resolver(TypeRegistrar registrar) : ITypeResolver
    {
        public object? Resolve(Type? type) => registrar.Resolve(type);
    }
}
