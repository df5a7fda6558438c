namespace MotCua.Web;

/// <summary>Marker for the shared UI strings in Resources/SharedResource(.en).resx; the neutral file is Vietnamese.</summary>
#pragma warning disable CA1052 // Referenced only as a type argument of IStringLocalizer<T>.
public sealed class SharedResource;
#pragma warning restore CA1052
