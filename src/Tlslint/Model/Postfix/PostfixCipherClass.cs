namespace Tlslint.Model.Postfix;

/// <summary>The weak cipher classes a Postfix exclusion list is expected to remove, named by their OpenSSL alias.</summary>
public enum PostfixCipherClass
{
    /// <summary><c>eNULL</c>: no encryption.</summary>
    ENull,

    /// <summary><c>aNULL</c>: no authentication (anonymous DH/ECDH).</summary>
    ANull,

    /// <summary><c>EXPORT</c>: 40/56-bit export suites.</summary>
    Export,

    /// <summary><c>LOW</c>: single DES and other 56/64-bit suites.</summary>
    Low,

    /// <summary><c>RC4</c>.</summary>
    Rc4,

    /// <summary><c>3DES</c>: 64-bit block cipher (SWEET32).</summary>
    TripleDes,

    /// <summary><c>MD5</c>: suites with an HMAC-MD5 record MAC.</summary>
    Md5,
}
