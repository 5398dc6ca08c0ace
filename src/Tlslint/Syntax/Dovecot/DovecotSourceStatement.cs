namespace Tlslint.Syntax.Dovecot;

/// <summary>A statement in reading order after includes were followed, with the file it came from.</summary>
public sealed record DovecotSourceStatement(Text.SourceFile File, DovecotStatement Statement);
