namespace MotCua.Persistence.Dossiers;

/// <summary>The last register-book number (Form 06, sổ theo dõi hồ sơ) issued by a desk in a year.</summary>
public sealed class RegisterBookCounter
{
    public Guid DeskId { get; set; }

    public int Year { get; set; }

    public int LastNumber { get; set; }
}
