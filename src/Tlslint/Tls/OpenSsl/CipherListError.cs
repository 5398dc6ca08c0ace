namespace Tlslint.Tls.OpenSsl;

/// <summary>Why OpenSSL rejects a cipher string (the call fails and the context keeps no usable list).</summary>
public enum CipherListError
{
    None,

    /// <summary>"no cipher match": nothing TLS 1.2-or-older is selected (or a TLS 1.3 list names nothing known).</summary>
    NoCipherMatch,

    /// <summary>"invalid command": a character that starts no word, an operator without a word, or a bad <c>@</c> command.</summary>
    InvalidCommand,
}
