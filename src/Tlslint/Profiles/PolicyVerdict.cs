using Tlslint.Analysis;

namespace Tlslint.Profiles;

/// <summary>What a profile says of something it does not accept: the level to report it at, and why, for messages.</summary>
/// <param name="Level">The level of the finding under this profile.</param>
/// <param name="Reason">One clause naming the profile's reason, e.g. "NCSC-NL 2025 rates TLS 1.0 and 1.1 insufficient".</param>
public readonly record struct PolicyVerdict(Level Level, string Reason);
