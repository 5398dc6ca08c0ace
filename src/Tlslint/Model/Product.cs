namespace Tlslint.Model;

/// <summary>The servers tlslint understands.</summary>
public enum Product
{
    Postfix,
    Dovecot,
    Apache,
    Nginx,
}
