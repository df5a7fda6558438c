Console.WriteLine("motcua");
