using Tlslint.Text;

namespace Tlslint.Syntax.Postfix;

/// <summary>A master.cf entry: the eight fields, the command's arguments and its <c>-o</c> overrides.</summary>
public sealed record MasterService(
    MasterField Name,
    MasterField Type,
    MasterField Private,
    MasterField Unprivileged,
    MasterField Chroot,
    MasterField Wakeup,
    MasterField MaxProcesses,
    MasterField Command,
    IReadOnlyList<MasterField> Arguments,
    IReadOnlyList<PostfixParameter> Overrides,
    TextRange Range)
{
    /// <summary>The range of the first physical line: where Postfix and tlslint point for the service.</summary>
    public required TextRange HeaderRange { get; init; }

    /// <summary><c>name/type</c>, as postconf -M and -P print it.</summary>
    public string Key => $"{Name.Text}/{Type.Text}";
}
