namespace Tlslint.Model;

/// <summary>What an endpoint speaks inside TLS, where the product says so.</summary>
public enum ApplicationProtocol
{
    Http,
    Smtp,
    Imap,
    Pop3,

    /// <summary>Any TCP payload (nginx <c>stream</c>).</summary>
    Stream,
}
