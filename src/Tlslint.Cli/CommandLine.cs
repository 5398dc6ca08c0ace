using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Tlslint.Analysis;
using Tlslint.Configuration;
using Tlslint.Model;
using Tlslint.Reporting;
using Tlslint.Rules;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Cli;

/// <summary>The <c>tlslint</c> command: options declared in one place, one action per command calling the library.</summary>
public static class CommandLine
{
    public const int ExitOk = 0;
    public const int ExitFindings = 1;
    public const int ExitInputError = 2;

    private static readonly Argument<string[]> PathsArgument = new("PATH")
    {
        Description = "Files or directories to lint (default: the current directory)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<string?> RootOption = new("--root")
    {
        Description = "Resolve absolute paths inside configurations under DIR (lint a copy of /etc)",
        HelpName = "DIR",
    };

    private static readonly Option<string?> NginxPrefixOption = new("--nginx-prefix")
    {
        Description = "nginx: resolve relative include and file paths from DIR instead of the directory of nginx.conf",
        HelpName = "DIR",
    };

    private static readonly Option<string[]> ExcludeOption = new("--exclude")
    {
        Description = "Leave out files and directories matching GLOB (repeatable)",
        HelpName = "GLOB",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string[]> SelectOption = new("--select")
    {
        Description = "Run only these rules: IDs or prefixes, comma-separated (TLS1,TLS207)",
        HelpName = "RULES",
    };

    private static readonly Option<string[]> IgnoreOption = new("--ignore")
    {
        Description = "Do not run these rules: IDs or prefixes, comma-separated",
        HelpName = "RULES",
    };

    private static readonly Option<string> FailOnOption = new("--fail-on")
    {
        Description = "Exit 1 when a finding at or above this level exists: error, warning, note or none",
        DefaultValueFactory = _ => "warning",
        HelpName = "LEVEL",
    };

    private static readonly Option<string> FormatOption = new("--format")
    {
        Description = "Output format: text, json, sarif (GitHub code scanning) or github (workflow annotations)",
        DefaultValueFactory = _ => "text",
        HelpName = "FORMAT",
    };

    private static readonly Option<string> EndpointsFormatOption = new("--format")
    {
        Description = "Output format: text or json",
        DefaultValueFactory = _ => "text",
        HelpName = "FORMAT",
    };

    private static readonly Option<string?> OutputOption = new("--output", "-o")
    {
        Description = "Write the report to FILE instead of standard output",
        HelpName = "FILE",
    };

    private static readonly Option<string[]> DefineOption = new("--define", "-D")
    {
        Description = "Define NAME for Apache httpd's <IfDefine>, like httpd -D NAME (repeatable)",
        HelpName = "NAME",
    };

    private static readonly Option<string[]> AssumeOption = new("--assume")
    {
        Description = "Assume a version where the tree does not tell: postfix=3.7, openssl=3.0 (repeatable)",
        HelpName = "PRODUCT=VERSION",
    };

    private static readonly Option<int> ExpiryDaysOption = new("--expiry-days")
    {
        Description = "Report certificates that expire within DAYS days (default 30)",
        DefaultValueFactory = _ => LintRequest.DefaultExpiryDays,
        HelpName = "DAYS",
    };

    private static readonly Option<string?> NowOption = new("--now")
    {
        Description = "Judge certificate dates at this moment instead of the current time (ISO 8601, UTC unless a zone is given)",
        HelpName = "TIME",
    };

    private static readonly Option<bool> NoColorOption = new("--no-color")
    {
        Description = "Never colour the text output (colour is used only on a terminal, and never with NO_COLOR set)",
    };

    private static readonly Option<bool> ReportUnusedOption = new("--report-unused-ignores")
    {
        Description = "Report rules named in `# tlslint ignore=` comments that accept no finding (as TLS009)",
    };

    private static readonly Option<string?> ConfigOption = new("--config")
    {
        Description = "Read settings from FILE instead of the nearest .tlslint.yaml above the first PATH",
        HelpName = "FILE",
    };

    private static readonly Option<bool> NoConfigOption = new("--no-config")
    {
        Description = "Do not read any .tlslint.yaml",
    };

    private static readonly Option<string?> ProfileOption = new("--profile")
    {
        Description = "Policy to judge against: intermediate (default), modern or ncsc-2025",
        HelpName = "PROFILE",
    };

    private static readonly Option<string?> BaselineOption = new("--baseline")
    {
        Description = "Report only findings that FILE (written by --write-baseline) does not list",
        HelpName = "FILE",
    };

    private static readonly Option<string?> WriteBaselineOption = new("--write-baseline")
    {
        Description = "Record the current findings in FILE as accepted, and exit 0",
        HelpName = "FILE",
    };

    private static readonly Option<bool> SarifIncludeSuppressedOption = new("--sarif-include-suppressed")
    {
        Description = "Keep findings accepted by `# tlslint ignore=` comments in SARIF, marked with `suppressions`",
    };

    private static readonly Option<bool> OnlyChangedOption = new("--only-changed")
    {
        Description = "Lint the trees the given files belong to, report only findings in those files (for pre-commit)",
    };

    private static readonly Argument<string> RuleArgument = new("RULE") { Description = "A rule ID or name, e.g. TLS101" };

    private static readonly Argument<string?> CipherStringArgument = new("STRING")
    {
        Description = "An OpenSSL cipher string, e.g. 'HIGH:!aNULL' (quote it for the shell)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<string> BuildOption = new("--build")
    {
        Description = "OpenSSL build: debian12 (default), debian12-legacy (legacy provider loaded) or full (every suite of the 3.0 table)",
        DefaultValueFactory = _ => "debian12",
        HelpName = "BUILD",
    };

    private static readonly Option<int?> SecLevelOption = new("--seclevel")
    {
        Description = "Security level the context has before the string (Postfix sets 0); @SECLEVEL=n in the string still wins",
        HelpName = "N",
    };

    private static readonly Option<string?> Tls13Option = new("--tls13")
    {
        Description = "TLS 1.3 suites (SSL_CTX_set_ciphersuites), e.g. 'TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256'",
        HelpName = "SUITES",
    };

    private static readonly Option<string> CiphersFormatOption = new("--format")
    {
        Description = "Output format: text or json",
        DefaultValueFactory = _ => "text",
        HelpName = "FORMAT",
    };

    private static readonly Option<bool> StdinOption = new("--stdin")
    {
        Description = "Read one cipher string per line from standard input; write one JSON object per line (id, cipherstring, ok, error, tls13, ciphers, supported)",
    };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, Console.In, stdout, stderr);

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/>, reading <c>--stdin</c> input from <paramref name="stdin"/>.</summary>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var root = BuildRoot(stdin, stdout, stderr);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"tlslint: {error.Message}");
            }

            stderr.WriteLine("Run `tlslint --help` for usage.");
            return ExitInputError;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static RootCommand BuildRoot(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("tlslint: finds weak or broken TLS settings in Postfix configurations before a scanner does");
        foreach (var option in new Option[] { RootOption, NginxPrefixOption, ExcludeOption, SelectOption, IgnoreOption, FailOnOption, FormatOption, OutputOption, AssumeOption, DefineOption, NoColorOption, ReportUnusedOption, ConfigOption, NoConfigOption, ProfileOption, BaselineOption, WriteBaselineOption, SarifIncludeSuppressedOption, ExpiryDaysOption, NowOption, OnlyChangedOption })
        {
            root.Options.Add(option);
        }

        // The built-in --version prints the entry assembly's version, which is the test host's when Run is called in-process.
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new PrintVersion(stdout);
        }

        root.Arguments.Add(PathsArgument);
        root.SetAction(parse => Lint(parse, stdout, stderr));

        var endpoints = new Command("endpoints", "List every TLS endpoint with its effective settings and where each comes from");
        endpoints.Arguments.Add(PathsArgument);
        foreach (var option in new Option[] { RootOption, NginxPrefixOption, ExcludeOption, EndpointsFormatOption, OutputOption, AssumeOption, DefineOption, ConfigOption, NoConfigOption, ProfileOption })
        {
            endpoints.Options.Add(option);
        }

        endpoints.SetAction(parse => Endpoints(parse, stdout, stderr));
        root.Subcommands.Add(endpoints);

        var rules = new Command("rules", "List every rule: ID, level, products and title");
        rules.SetAction(_ => ListRules(stdout));
        root.Subcommands.Add(rules);

        var ciphers = new Command("ciphers", "Expand an OpenSSL cipher string exactly as OpenSSL 3.0 does (like `openssl ciphers -v`), with weak classes and mistakes");
        ciphers.Arguments.Add(CipherStringArgument);
        foreach (var option in new Option[] { BuildOption, SecLevelOption, Tls13Option, CiphersFormatOption, StdinOption })
        {
            ciphers.Options.Add(option);
        }

        ciphers.SetAction(parse => Ciphers(parse, stdin, stdout, stderr));
        root.Subcommands.Add(ciphers);

        var explain = new Command("explain", "Print a rule's documentation");
        explain.Arguments.Add(RuleArgument);
        explain.SetAction(parse => Explain(parse.GetValue(RuleArgument)!, stdout, stderr));
        root.Subcommands.Add(explain);
        return root;
    }

    private static int Lint(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        if (!TryRequest(parse, stderr, out var request, out var config))
        {
            return ExitInputError;
        }

        var format = parse.GetValue(FormatOption)!.ToLowerInvariant();
        var failOn = parse.GetResult(FailOnOption) is { Implicit: false } || config is null || (config.FailOn is null && !config.FailOnNone)
            ? parse.GetValue(FailOnOption)!.ToLowerInvariant()
            : config.FailOnNone ? "none" : config.FailOn!.Value.Id();
        Level? threshold = null;
        if (failOn != "none")
        {
            if (!LevelExtensions.TryParse(failOn, out var level))
            {
                return UsageError(stderr, $"--fail-on: `{failOn}` is not one of error, warning, note, none");
            }

            threshold = level;
        }

        IReportWriter? writer = format switch
        {
            "text" => new TextReportWriter(UseColor(parse, stdout)),
            "json" => new JsonReportWriter(),
            "sarif" => new SarifReportWriter(RuleCatalog.Doc, RuleCatalog.HelpUri, request.WorkingDirectory,
                parse.GetValue(SarifIncludeSuppressedOption)),
            "github" => new GithubReportWriter(),
            _ => null,
        };
        if (writer is null)
        {
            return UsageError(stderr, $"--format: `{format}` is not one of text, json, sarif, github");
        }

        Baseline? baseline = null;
        var baselinePath = parse.GetValue(BaselineOption) ?? config?.Baseline;
        var writeBaseline = parse.GetValue(WriteBaselineOption);
        if (baselinePath is not null && writeBaseline is null)
        {
            baseline = Baseline.Read(baselinePath, out var problem);
            if (baseline is null)
            {
                return UsageError(stderr, problem!);
            }
        }

        LintResult result;
        using (var progress = new ProgressDisplay(stderr, ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected,
                   ProgressDisplay.DelayFrom(Environment.GetEnvironmentVariable(ProgressDisplay.DelayVariable))))
        {
            result = Linter.Run(request with { Progress = progress.Report });
        }

        if (writeBaseline is not null)
        {
            return WriteBaseline(result, writeBaseline, stderr);
        }

        if (baseline is not null)
        {
            result = baseline.Filter(result);
        }

        if (!Emit(writer, result, parse.GetValue(OutputOption), stdout, stderr))
        {
            return ExitInputError;
        }

        foreach (var error in result.Errors)
        {
            stderr.WriteLine($"tlslint: {error}");
        }

        if (writer is SarifReportWriter sarif)
        {
            // Left out to stay within GitHub's limits: said here and in the log's notifications; the upload works.
            foreach (var truncation in sarif.Truncations)
            {
                stderr.WriteLine($"tlslint: warning: {truncation}");
            }

            foreach (var problem in sarif.LimitProblems)
            {
                stderr.WriteLine($"tlslint: {problem}");
            }

            if (sarif.LimitProblems.Count > 0)
            {
                return ExitInputError;
            }
        }

        if (result.HasInputProblems)
        {
            return ExitInputError;
        }

        return threshold is { } t && result.Findings.Any(f => f.Level.IsAtLeast(t)) ? ExitFindings : ExitOk;
    }

    private static int WriteBaseline(LintResult result, string path, TextWriter stderr)
    {
        foreach (var error in result.Errors)
        {
            stderr.WriteLine($"tlslint: {error}");
        }

        try
        {
            Baseline.Write(result, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return UsageError(stderr, $"--write-baseline {path}: {e.Message}");
        }

        stderr.WriteLine($"tlslint: wrote {result.Findings.Count} {(result.Findings.Count == 1 ? "finding" : "findings")} to {path}; run with --baseline {path} to report only new ones");
        return result.HasInputProblems ? ExitInputError : ExitOk;
    }

    private static int Endpoints(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        if (!TryRequest(parse, stderr, out var request, out _))
        {
            return ExitInputError;
        }

        var format = parse.GetValue(EndpointsFormatOption)!.ToLowerInvariant();
        if (format is not ("text" or "json"))
        {
            return UsageError(stderr, $"--format: `{format}` is not one of text, json");
        }

        var result = Linter.Run(request with { Rules = [] });
        if (!Emit(new EndpointsWriter(format == "json"), result, parse.GetValue(OutputOption), stdout, stderr))
        {
            return ExitInputError;
        }

        foreach (var error in result.Errors)
        {
            stderr.WriteLine($"tlslint: {error}");
        }

        return result.HasInputProblems ? ExitInputError : ExitOk;
    }

    /// <summary>`tlslint ciphers`: 0 when OpenSSL accepts the string (every line with --stdin is answered), 1 when it rejects it.</summary>
    private static int Ciphers(ParseResult parse, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var buildName = parse.GetValue(BuildOption)!;
        if (!OpenSslBuild.TryParse(buildName, out var build))
        {
            return UsageError(stderr, $"--build: `{buildName}` is not one of {string.Join(", ", OpenSslBuild.All.Select(b => b.Name))}");
        }

        var level = parse.GetValue(SecLevelOption);
        if (level is < 0 or > 5)
        {
            return UsageError(stderr, $"--seclevel: `{level}` is not a level from 0 to 5");
        }

        var tls13 = parse.GetValue(Tls13Option);
        if (parse.GetValue(StdinOption))
        {
            if (parse.GetValue(CipherStringArgument) is not null)
            {
                return UsageError(stderr, "ciphers: give either STRING or --stdin, not both");
            }

            var id = 0;
            while (stdin.ReadLine() is { } line)
            {
                CipherReport.WriteVectorLine(id++, CipherString.Evaluate(line, build, tls13, level), stdout);
            }

            return ExitOk;
        }

        var text = parse.GetValue(CipherStringArgument);
        if (text is null)
        {
            return UsageError(stderr, "ciphers: a cipher string is required (or --stdin)");
        }

        var format = parse.GetValue(CiphersFormatOption)!.ToLowerInvariant();
        if (format is not ("text" or "json"))
        {
            return UsageError(stderr, $"--format: `{format}` is not one of text, json");
        }

        var result = CipherString.Evaluate(text, build, tls13, level);
        if (format == "json")
        {
            CipherReport.WriteJson(result, stdout);
        }
        else
        {
            CipherReport.WriteText(result, stdout);
        }

        return result.Ok ? ExitOk : ExitFindings;
    }

    /// <summary>
    /// Builds the request from the command line and the project's <c>.tlslint.yaml</c> (found upward from the first
    /// path, or <c>--config</c>); a flag given on the command line wins over the file.
    /// </summary>
    private static bool TryRequest(ParseResult parse, TextWriter stderr, out LintRequest request, out ProjectConfig? config)
    {
        request = null!;
        config = null;
        var paths = parse.GetValue(PathsArgument) is { Length: > 0 } given ? given : ["."];
        var configPath = parse.GetResult(ConfigOption) is null ? null : parse.GetValue(ConfigOption);
        if (configPath is null && !(parse.GetResult(NoConfigOption) is not null && parse.GetValue(NoConfigOption)))
        {
            configPath = ProjectConfigReader.Find(Path.GetFullPath(paths[0]));
        }

        ProjectConfig? file = null;
        if (configPath is not null)
        {
            var errors = new List<string>();
            config = file = ProjectConfigReader.Read(configPath, errors);
            if (file is null)
            {
                foreach (var error in errors)
                {
                    UsageError(stderr, error);
                }

                return false;
            }
        }

        var assumptions = Assumptions.Default;
        var profileText = parse.GetResult(ProfileOption) is null ? null : parse.GetValue(ProfileOption);
        if (profileText is not null)
        {
            if (!ProfileExtensions.TryParse(profileText, out var profile))
            {
                UsageError(stderr, $"--profile: `{profileText}` is not one of {ProfileExtensions.Choices}");
                return false;
            }

            assumptions = assumptions with { Profile = profile };
        }
        else if (config?.Profile is { } configured)
        {
            assumptions = assumptions with { Profile = configured };
        }

        foreach (var (item, source) in (file?.Assume ?? []).Select(a => (a, $"{file!.Path}: assume"))
                     .Concat((parse.GetValue(AssumeOption) ?? []).Select(a => (a, "--assume"))))
        {
            if (!TryAssume(assumptions, item, out assumptions, out var problem))
            {
                UsageError(stderr, $"{source} {item}: {problem}");
                return false;
            }
        }

        var rootDir = parse.GetValue(RootOption) ?? config?.Root;
        if (rootDir is not null && !Directory.Exists(rootDir))
        {
            UsageError(stderr, $"--root {rootDir}: no such directory");
            return false;
        }

        var nginxPrefix = parse.GetValue(NginxPrefixOption);
        if (nginxPrefix is not null && !Directory.Exists(nginxPrefix))
        {
            UsageError(stderr, $"--nginx-prefix {nginxPrefix}: no such directory");
            return false;
        }

        DateTimeOffset? now = null;
        if (parse.GetValue(NowOption) is { } nowText)
        {
            if (!DateTimeOffset.TryParse(nowText, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
            {
                UsageError(stderr, $"--now {nowText}: not a date and time, e.g. 2026-01-31 or 2026-01-31T12:00:00Z");
                return false;
            }

            now = parsed;
        }

        var expiryDays = parse.GetValue(ExpiryDaysOption);
        if (expiryDays < 0)
        {
            UsageError(stderr, $"--expiry-days {expiryDays}: must be 0 or more");
            return false;
        }

        var select = SplitList(parse.GetValue(SelectOption));
        var ignore = SplitList(parse.GetValue(IgnoreOption));
        var excludes = parse.GetValue(ExcludeOption) ?? [];
        var levels = new Dictionary<string, Level>(StringComparer.OrdinalIgnoreCase);
        foreach (var (rule, level) in config?.Levels ?? new Dictionary<string, Level?>())
        {
            if (level is { } l)
            {
                levels[rule] = l;
            }
        }

        request = new LintRequest
        {
            Paths = paths,
            Now = now,
            ExpiryDays = expiryDays,
            Rules = RuleCatalog.All,
            Root = rootDir is null ? null : Path.GetFullPath(rootDir),
            NginxPrefix = nginxPrefix is null ? null : Path.GetFullPath(nginxPrefix),
            Excludes = excludes.Length > 0 ? excludes : config?.Exclude ?? [],
            Select = select.Count > 0 ? select : config?.Select ?? [],
            Ignore = (ignore.Count > 0 ? ignore : config?.Ignore ?? [])
                .Concat((config?.Levels ?? new Dictionary<string, Level?>()).Where(kv => kv.Value is null).Select(kv => kv.Key))
                .ToList(),
            LevelOverrides = levels,
            Assumptions = assumptions,
            Defines = parse.GetValue(DefineOption) ?? [],
            ReportUnusedSuppressions = parse.GetResult(ReportUnusedOption) is not null && parse.GetValue(ReportUnusedOption),
            OnlyGivenFiles = parse.GetResult(OnlyChangedOption) is not null && parse.GetValue(OnlyChangedOption),
        };
        // A selector typo is bad usage: say so before linting anything.
        var problems = RuleSelection.Problems(request.Rules, request.Select, request.Ignore)
            .Concat(levels.Keys.Where(k => RuleCatalog.Find(k) is null).Select(k => $"{file!.Path}: rules: `{k}` is not a rule (see `tlslint rules`)"))
            .ToList();
        foreach (var problem in problems)
        {
            UsageError(stderr, problem);
        }

        return problems.Count == 0;
    }

    internal static bool TryAssume(Assumptions current, string item, out Assumptions updated, out string problem)
    {
        updated = current;
        problem = string.Empty;
        var eq = item.IndexOf('=');
        if (eq <= 0 || !ProductVersion.TryParse(item[(eq + 1)..], out var version))
        {
            problem = "expected PRODUCT=VERSION, e.g. postfix=3.7";
            return false;
        }

        var name = item[..eq].Trim();
        var assumed = new AssumedVersion(version, "--assume", FromUser: true);
        if (string.Equals(name, "openssl", StringComparison.OrdinalIgnoreCase))
        {
            updated = current with { OpenSsl = assumed };
            return true;
        }

        if (!ProductExtensions.TryParse(name, out var product))
        {
            problem = $"`{name}` is not one of postfix, dovecot, apache, nginx, openssl";
            return false;
        }

        updated = current.With(product, assumed);
        return true;
    }

    private static List<string> SplitList(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();

    private static bool Emit(IReportWriter writer, LintResult result, string? output, TextWriter stdout, TextWriter stderr)
    {
        if (output is null)
        {
            writer.Write(result, stdout);
            return true;
        }

        try
        {
            using var file = new StreamWriter(output, append: false, new System.Text.UTF8Encoding(false));
            writer.Write(result, file);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"tlslint: --output {output}: {e.Message}");
            return false;
        }
    }

    /// <summary>Colour only for a terminal on the real standard output (not for a caller's writer, a file or a pipe).</summary>
    private static bool UseColor(ParseResult parse, TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out)
        && !parse.GetValue(NoColorOption)
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && parse.GetValue(OutputOption) is null
        && !Console.IsOutputRedirected;

    private static int ListRules(TextWriter stdout)
    {
        foreach (var rule in RuleCatalog.All)
        {
            var d = rule.Descriptor;
            var products = d.AppliesTo == Products.All ? "all" : string.Join(",", d.AppliesTo.Members().Select(p => p.Id()));
            stdout.WriteLine($"{d.Id}  {d.DefaultLevel.Id(),-7}  {products,-28}  {d.Name}: {d.Title}");
        }

        return ExitOk;
    }

    private static int Explain(string id, TextWriter stdout, TextWriter stderr)
    {
        var rule = RuleCatalog.Find(id);
        if (rule is null)
        {
            return UsageError(stderr, $"explain: no rule `{id}` (see `tlslint rules`)");
        }

        stdout.Write(RuleCatalog.Doc(rule));
        return ExitOk;
    }

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine($"tlslint: {message}");
        return ExitInputError;
    }

    private sealed class PrintVersion(TextWriter stdout) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            stdout.WriteLine(ToolInfo.Version);
            return ExitOk;
        }
    }
}
