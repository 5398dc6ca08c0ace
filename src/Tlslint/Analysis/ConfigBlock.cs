using Tlslint.Text;

namespace Tlslint.Analysis;

/// <summary>
/// A block of a configuration that a suppression comment above its first line covers as a whole: a Postfix master.cf
/// service with its <c>-o</c> lines, an nginx <c>server { … }</c>, an Apache <c>&lt;VirtualHost&gt;</c>, a Dovecot
/// <c>protocol imap { … }</c>. Loaders list them in <see cref="ConfigTree.Blocks"/>; endpoint anchors count as blocks too.
/// </summary>
/// <param name="Location">From the start of the header to the end of the block (its closing line included).</param>
/// <param name="Label">What the block is, for messages (<c>service submission/inet</c>).</param>
public sealed record ConfigBlock(SourceLocation Location, string Label);
