using MotCua.Cli;

return await MotCuaCli.RunAsync(args, Console.Out, Console.Error);
