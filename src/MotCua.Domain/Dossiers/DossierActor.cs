namespace MotCua.Domain.Dossiers;

/// <summary>The person or system firing a trigger.</summary>
/// <param name="Id">The user id; <see langword="null"/> for <see cref="DossierActorRole.System"/> or anonymous portal calls.</param>
/// <param name="Role">The role the table checks.</param>
public sealed record DossierActor(Guid? Id, DossierActorRole Role);
