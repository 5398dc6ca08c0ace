using System.Text;
using BenchmarkDotNet.Attributes;
using Tlslint.Analysis;
using Tlslint.Rules;
using Tlslint.Syntax.Apache;
using Tlslint.Text;

namespace Tlslint.Benchmarks;

/// <summary>
/// httpd trees: a hosting-sized one (2,000 virtual hosts, one file each, read through a wildcard include) and the
/// parse of one file holding all of them. Run: dotnet run -c Release --project tests/Tlslint.Benchmarks.
/// </summary>
[MemoryDiagnoser]
public class ApacheBenchmarks
{
    private const int Hosts = 2000;
    private string _tree = null!;
    private SourceFile _single = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tree = Path.Combine(Path.GetTempPath(), $"tlslint-bench-apache-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(_tree, "sites-enabled"));
        File.WriteAllText(Path.Combine(_tree, "apache2.conf"),
            "Listen 443\nSSLProtocol -all +TLSv1.2 +TLSv1.3\nSSLHonorCipherOrder on\nIncludeOptional sites-enabled/*.conf\n");
        var all = new StringBuilder();
        for (var i = 0; i < Hosts; i++)
        {
            var host = VirtualHost(i);
            all.Append(host);
            File.WriteAllText(Path.Combine(_tree, "sites-enabled", $"site{i:D4}.conf"), host);
        }

        _single = new SourceFile("all.conf", "/virtual/all.conf", all.ToString());
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_tree, recursive: true);

    [Benchmark]
    public int LintTwoThousandVirtualHosts() =>
        Linter.Run(new LintRequest { Paths = [_tree], Rules = RuleCatalog.All, WorkingDirectory = _tree }).Findings.Count;

    [Benchmark]
    public int ParseTwoThousandVirtualHostFile() => ApacheParser.Parse(_single).Statements.Count;

    private static string VirtualHost(int i) => $"""
        <VirtualHost *:443>
            ServerName site{i}.example.org
            SSLEngine on
            SSLCertificateFile /etc/ssl/certs/site{i}.pem
            SSLCertificateKeyFile /etc/ssl/private/site{i}.key
            Header always set Strict-Transport-Security "max-age=63072000"
            <Directory /var/www/site{i}>
                Require all granted
            </Directory>
        </VirtualHost>

        """;
}
