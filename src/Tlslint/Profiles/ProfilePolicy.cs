using Tlslint.Model;
using Tlslint.Tls;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Profiles;

/// <summary>
/// What a profile (rules.md, "Profiles") accepts, in one place: the rules marked <i>profile</i> in the catalog ask it
/// for their triggers and levels instead of testing the profile themselves. A verdict carries the level to report at
/// and the profile's reason for messages; null means the profile accepts the thing asked about.
/// </summary>
public abstract class ProfilePolicy
{
    private static readonly ProfilePolicy Intermediate = new IntermediatePolicy();
    private static readonly ProfilePolicy Modern = new ModernPolicy();
    private static readonly ProfilePolicy Ncsc2025 = new Ncsc2025Policy();

    public static ProfilePolicy For(Profile profile) => profile switch
    {
        Profile.Modern => Modern,
        Profile.Ncsc2025 => Ncsc2025,
        _ => Intermediate,
    };

    public abstract Profile Profile { get; }

    /// <summary>The profile as messages name it: "the intermediate profile".</summary>
    public string Name => $"the {Profile.Id()} profile";

    /// <summary>TLS102: a version from TLS 1.0 up that the profile does not accept (SSL is TLS101's, always an error).</summary>
    public abstract PolicyVerdict? Protocol(TlsVersion version);

    /// <summary>TLS205: static-RSA key exchange (no forward secrecy) in a TLS 1.2-and-older list.</summary>
    public abstract PolicyVerdict StaticRsa { get; }

    /// <summary>TLS206: CBC suites kept beside AEAD ones.</summary>
    public abstract PolicyVerdict Cbc(IReadOnlyCollection<CipherSuite> cbc);

    /// <summary>
    /// TLS209: whether a TLS 1.2-and-older suite is weak enough that the server must impose its own order, so that a
    /// client able to use a better suite in the list cannot pick this one.
    /// </summary>
    public abstract bool NeedsServerOrder(CipherSuite suite);

    /// <summary>TLS209: the suites <see cref="NeedsServerOrder"/> picks out, as messages name them.</summary>
    public abstract string ServerOrderSuites { get; }

    /// <summary>TLS210: a finite-field DH group of <paramref name="primeBits"/> (a published group when <paramref name="knownGroup"/> names it).</summary>
    public abstract PolicyVerdict? DhGroup(int primeBits, string? knownGroup);

    /// <summary>TLS210: what to use instead.</summary>
    public abstract string DhAdvice { get; }

    /// <summary>TLS211: one key-exchange group of a curve or group list, by the name OpenSSL takes.</summary>
    public abstract PolicyVerdict? Group(string name);

    /// <summary>TLS211: the groups to keep.</summary>
    public abstract string GroupAdvice { get; }

    /// <summary>TLS212: one suite of a TLS 1.3 suite list.</summary>
    public abstract PolicyVerdict? Tls13Suite(CipherSuite suite);

    /// <summary>TLS212: the TLS 1.3 suites to keep.</summary>
    public abstract string Tls13Advice { get; }

    /// <summary>TLS408: the least HSTS <c>max-age</c> the profile accepts, in seconds.</summary>
    public abstract long MinimumHstsMaxAge { get; }

    /// <summary>TLS408: where <see cref="MinimumHstsMaxAge"/> comes from, for messages.</summary>
    public abstract string HstsSource { get; }

    /// <summary>TLS503: session tickets on for TLS 1.2 with a ticket key that is never rotated.</summary>
    public abstract PolicyVerdict UnrotatedTicketKey { get; }

    /// <summary>
    /// A clause ("or turn TLS 1.2 off …") the TLS 1.2-and-older rules (TLS205, TLS206, TLS209, TLS503) add to their
    /// advice when the profile would rather see TLS 1.2 off than its list tuned; null when the profile keeps TLS 1.2.
    /// </summary>
    public virtual string? Tls12Advice => null;

    public override string ToString() => Profile.Id();
}
