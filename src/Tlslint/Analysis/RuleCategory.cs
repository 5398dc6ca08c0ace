namespace Tlslint.Analysis;

/// <summary>The hundreds of the rule catalog.</summary>
public enum RuleCategory
{
    Integrity,
    Protocols,
    Ciphers,
    Certificates,
    Policy,
    Features,
}
