namespace Tlslint.Model;

/// <summary>A version tlslint assumes, and why (built-in default, <c>--assume</c>, or what the tree says).</summary>
/// <param name="Version">The version.</param>
/// <param name="Source">Why, in words: "default (Debian 12)", "--assume", "compatibility_level = 3.9 in main.cf:12".</param>
/// <param name="FromUser">True when the user said so; detection from the tree then does not override it.</param>
public sealed record AssumedVersion(ProductVersion Version, string Source, bool FromUser = false);
