namespace Tlslint.Model;

/// <summary>Where an effective value came from.</summary>
public enum SettingOrigin
{
    /// <summary>Written in the scope of the endpoint itself (a master.cf <c>-o</c>, a vhost directive).</summary>
    Explicit,

    /// <summary>Written in an enclosing scope (main.cf for a service, <c>http {}</c> for a server).</summary>
    Inherited,

    /// <summary>Not written anywhere: the product's built-in default for the assumed version.</summary>
    Default,
}
