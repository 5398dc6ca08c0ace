using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Certificates;

public sealed class KeyPasswordInConfig : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS310",
        Name: "key-password-in-config",
        Title: "The private key's passphrase is written in the configuration",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.Dovecot,
        SecuritySeverity: 5.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.PrivateKeyPassword is not { } password)
        {
            return;
        }

        context.Report(endpoint, password,
            $"`{password.Name}` holds the key's passphrase as text, so everyone who can read the configuration (or a `doveconf -P` dump) can use the key; read it from a root-only file with `{password.Name} = </path`, or use a key without passphrase that only root can read");
    }
}
