namespace Tlslint.Analysis;

/// <summary>Finding levels: exactly SARIF's, most severe first.</summary>
public enum Level
{
    Error,
    Warning,
    Note,
}
