namespace MotCua.Cli;

/// <summary>Bad command-line input; the message is shown to the user as one line.</summary>
public sealed class CliInputException(string message) : Exception(message);
