namespace Tlslint.Model;

/// <summary>A set of products, for the products a rule applies to.</summary>
[Flags]
public enum Products
{
    None = 0,
    Postfix = 1 << Product.Postfix,
    Dovecot = 1 << Product.Dovecot,
    Apache = 1 << Product.Apache,
    Nginx = 1 << Product.Nginx,
    All = Postfix | Dovecot | Apache | Nginx,
}
