using Tlslint.Model.Postfix;

namespace Tlslint.Tests.Model;

/// <summary><c>$</c> expansion as mac_expand() does it (formats.md §1.4, §1.11 cases 8 and 9).</summary>
public sealed class PostfixExpanderTests
{
    private static PostfixExpander With(params (string Name, string Value)[] parameters)
    {
        var values = parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        return new PostfixExpander(name => values.TryGetValue(name, out var v) ? v : null);
    }

    private static string Expand(PostfixExpander expander, string raw)
    {
        var value = expander.Expand(raw, out var error);
        Assert.That(error, Is.Null);
        return value!;
    }

    [TestCase("$name", "x")]
    [TestCase("${name}", "x")]
    [TestCase("$(name)", "x")]
    [TestCase("a${name}b", "axb")]
    [TestCase("a$name.b", "ax.b")]
    [TestCase("no reference", "no reference")]
    public void Simple_references(string raw, string expected)
    {
        Assert.That(Expand(With(("name", "x")), raw), Is.EqualTo(expected));
    }

    [Test]
    public void References_expand_recursively()
    {
        var e = With(("a", "[$b]"), ("b", "${c}-$c"), ("c", "z"));

        Assert.That(Expand(e, "$a"), Is.EqualTo("[z-z]"));
    }

    [Test]
    public void Double_dollar_is_a_literal_dollar_and_is_not_expanded_again()
    {
        var e = With(("name", "x"));

        Assert.That(Expand(e, "$$name"), Is.EqualTo("$name"));
        Assert.That(Expand(e, "a$$"), Is.EqualTo("a$"));
    }

    [Test]
    public void Undefined_names_expand_to_empty_and_are_collected_across_calls()
    {
        var e = With(("defined", "d"));

        Assert.That(Expand(e, "<$nowhere>"), Is.EqualTo("<>"));
        Assert.That(Expand(e, "${other}$defined"), Is.EqualTo("d"));
        Assert.That(e.Undefined, Is.EquivalentTo(new[] { "nowhere", "other" }));
    }

    [Test]
    public void Name_is_the_longest_run_of_letters_digits_and_underscores()
    {
        var e = With(("1abc", "one"), ("a_b", "ab"));

        Assert.That(Expand(e, "$1abc-$a_b/x"), Is.EqualTo("one-ab/x"));
    }

    [Test]
    public void Dollar_before_a_non_name_character_is_kept()
    {
        Assert.That(Expand(With(), "cost $-x and $"), Is.EqualTo("cost $-x and $"));
    }

    [TestCase("x", "yes")]
    [TestCase("", "")]
    public void Question_mark_form_gives_the_value_when_the_name_is_non_empty(string name, string expected)
    {
        Assert.That(Expand(With(("name", name)), "${name?yes}"), Is.EqualTo(expected));
    }

    [TestCase("x", "")]
    [TestCase("", "fallback")]
    public void Colon_form_gives_the_value_when_the_name_is_empty(string name, string expected)
    {
        Assert.That(Expand(With(("name", name)), "${name:fallback}"), Is.EqualTo(expected));
    }

    [Test]
    public void Colon_form_treats_an_undefined_name_as_empty()
    {
        var e = With();

        Assert.That(Expand(e, "${missing:dflt}"), Is.EqualTo("dflt"));
        Assert.That(e.Undefined, Does.Contain("missing"));
    }

    [Test]
    public void Braced_value_may_contain_colons()
    {
        Assert.That(Expand(With(("name", "")), "${name:{a:b}}"), Is.EqualTo("a:b"));
    }

    [TestCase("x", "then")]
    [TestCase("", "else")]
    public void If_else_form(string name, string expected)
    {
        var e = With(("name", name));

        Assert.That(Expand(e, "${name?{then}:{else}}"), Is.EqualTo(expected));
        Assert.That(Expand(e, "${name?{then}:else}"), Is.EqualTo(expected));
        Assert.That(Expand(e, "${name ? {then} : {else}}"), Is.EqualTo(expected), "whitespace around {value} is ignored");
    }

    [Test]
    public void Braces_inside_a_braced_value_are_kept_when_balanced()
    {
        Assert.That(Expand(With(("name", "x")), "${name?{{inner}}}"), Is.EqualTo("{inner}"));
    }

    [Test]
    public void Formats_case_8_conditional_forms()
    {
        // formats.md §1.11 case 8
        var e = With(
            ("smtpd_tls_cert_file", "/etc/ssl/a.pem"),
            ("smtpd_tls_key_file", "$smtpd_tls_cert_file"),
            ("smtpd_tls_loglevel", "0"));

        Assert.That(Expand(e, "${smtpd_tls_cert_file?{yes:$smtpd_tls_cert_file}:{no}}"), Is.EqualTo("yes:/etc/ssl/a.pem"));
        Assert.That(Expand(e, "${smtpd_tls_key_file:{nokey}}"), Is.Empty);
        Assert.That(Expand(e, "${{$smtpd_tls_loglevel} == {0} ? {high} : {medium}}"), Is.EqualTo("high"));
        Assert.That(Expand(e, "$(my_excl) $$literal"), Is.EqualTo(" $literal"));
        Assert.That(e.Undefined, Is.EquivalentTo(new[] { "my_excl" }));
    }

    [TestCase("${{10} > {9} ? {t} : {f}}", "t")]
    [TestCase("${{10} == {010} ? {t} : {f}}", "t")]
    [TestCase("${{10a} > {9a} ? {t} : {f}}", "f")]
    [TestCase("${{abc} < {abd} ? {t} : {f}}", "t")]
    [TestCase("${{abc} != {abc} ? {t} : {f}}", "f")]
    [TestCase("${{5} <= {5} ? {t} : {f}}", "t")]
    [TestCase("${{5} >= {6} ? {t} : {f}}", "f")]
    [TestCase("${{5} >= {6} ? {t}}", "")]
    public void Relational_operators_compare_digits_numerically_and_text_lexicographically(string raw, string expected)
    {
        Assert.That(Expand(With(), raw), Is.EqualTo(expected));
    }

    [TestCase("3.10", "<level", "3.9", "f")]
    [TestCase("3.10", ">level", "3.9", "t")]
    [TestCase("3.9", "<level", "3.10", "t")]
    [TestCase("3.6", ">=level", "3.6", "t")]
    [TestCase("3.6.1", ">level", "3.6", "t")]
    [TestCase("3.6", "==level", "3.6.0", "t")]
    [TestCase("3.6", "!=level", "3.6", "f")]
    [TestCase("3.5", "<=level", "3.6", "t")]
    public void Level_comparisons_compare_per_component(string a, string op, string b, string expected)
    {
        Assert.That(Expand(With(), $"${{{{{a}}} {op} {{{b}}} ? {{t}} : {{f}}}}"), Is.EqualTo(expected));
    }

    [Test]
    public void Plain_less_than_compares_levels_as_strings()
    {
        // The reason <level exists: as text "3.10" sorts before "3.9".
        Assert.That(Expand(With(), "${{3.10} < {3.9} ? {t} : {f}}"), Is.EqualTo("t"));
    }

    [Test]
    public void Compare_levels_orders_3_10_above_3_9()
    {
        Assert.That(PostfixExpander.CompareLevels("3.10", "3.9"), Is.GreaterThan(0));
        Assert.That(PostfixExpander.CompareLevels("3.9", "3.10"), Is.LessThan(0));
        Assert.That(PostfixExpander.CompareLevels("3", "3.0.0"), Is.Zero);
    }

    [TestCase("0", "md5")]
    [TestCase("3.5", "md5")]
    [TestCase("3.6", "sha256")]
    [TestCase("3.10", "sha256")]
    public void Built_in_fingerprint_default_follows_compatibility_level(string level, string expected)
    {
        var e = With(("compatibility_level", level));

        Assert.That(Expand(e, "${{$compatibility_level} <level {3.6} ? {md5} : {sha256}}"), Is.EqualTo(expected));
    }

    [Test]
    public void Reference_loop_is_an_error()
    {
        // formats.md §1.11 case 9
        var e = With(("smtpd_tls_CAfile", "$smtpd_tls_CApath"), ("smtpd_tls_CApath", "$smtpd_tls_CAfile"));

        var value = e.Expand("$smtpd_tls_CAfile", out var error);

        Assert.That(value, Is.Null);
        Assert.That(error, Does.Contain("nesting"));
    }

    [Test]
    public void Self_reference_through_a_conditional_is_an_error()
    {
        var e = With(("a", "${a?{x}}"));

        Assert.That(e.Expand("$a", out var error), Is.Null);
        Assert.That(error, Is.Not.Null);
    }

    [TestCase("${name")]
    [TestCase("$(name")]
    [TestCase("${name?{x}")]
    public void Truncated_reference_is_an_error(string raw)
    {
        Assert.That(With(("name", "x")).Expand(raw, out var error), Is.Null);
        Assert.That(error, Is.Not.Null);
    }

    [Test]
    public void Unknown_operator_after_a_name_is_an_error()
    {
        Assert.That(With(("name", "x")).Expand("${name!x}", out var error), Is.Null);
        Assert.That(error, Is.Not.Null);
    }
}
