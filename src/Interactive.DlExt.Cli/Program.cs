// Placeholder entry point until the trainer lands (replaced in the same issue).
System.Console.WriteLine("dlext: training command not wired yet");
