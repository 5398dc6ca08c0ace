namespace Tlslint.Model;

public static class ProductExtensions
{
    public static Products AsSet(this Product product) => (Products)(1 << (int)product);

    public static bool Contains(this Products set, Product product) => (set & product.AsSet()) != 0;

    public static IEnumerable<Product> Members(this Products set) =>
        Enum.GetValues<Product>().Where(p => set.Contains(p));

    /// <summary>Lower-case identifier used on the command line, in fixtures and in JSON (postfix, dovecot, apache, nginx).</summary>
    public static string Id(this Product product) => product switch
    {
        Product.Postfix => "postfix",
        Product.Dovecot => "dovecot",
        Product.Apache => "apache",
        Product.Nginx => "nginx",
        _ => throw new ArgumentOutOfRangeException(nameof(product)),
    };

    public static string DisplayName(this Product product) => product switch
    {
        Product.Postfix => "Postfix",
        Product.Dovecot => "Dovecot",
        Product.Apache => "Apache httpd",
        Product.Nginx => "nginx",
        _ => throw new ArgumentOutOfRangeException(nameof(product)),
    };

    public static bool TryParse(string id, out Product product)
    {
        foreach (var p in Enum.GetValues<Product>())
        {
            if (string.Equals(p.Id(), id, StringComparison.OrdinalIgnoreCase))
            {
                product = p;
                return true;
            }
        }

        product = default;
        return false;
    }
}
