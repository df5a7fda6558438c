namespace MotCua.Cli;

/// <summary>Process exit codes of `motcua`.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}
