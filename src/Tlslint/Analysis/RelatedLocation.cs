using Tlslint.Text;

namespace Tlslint.Analysis;

/// <summary>A second place that explains a finding (the service that inherits a value, the winning duplicate).</summary>
public sealed record RelatedLocation(SourceLocation Location, string Message);
