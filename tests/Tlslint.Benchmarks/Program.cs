using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Tlslint.Benchmarks.LintBenchmarks).Assembly).Run(args);
