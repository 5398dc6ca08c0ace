using Tlslint.Cli;

return CommandLine.Run(args, Console.Out, Console.Error);
