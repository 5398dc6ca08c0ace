namespace Tlslint.Analysis;

/// <summary>Whether a rule can offer a text edit, and how safe applying it is.</summary>
public enum FixAvailability
{
    None,
    Safe,
    Unsafe,
}
