using Tlslint.Analysis;

namespace Tlslint.Reporting;

/// <summary>Writes a lint result in one output format.</summary>
public interface IReportWriter
{
    void Write(LintResult result, TextWriter output);
}
