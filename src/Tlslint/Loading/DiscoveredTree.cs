using Tlslint.Model;

namespace Tlslint.Loading;

/// <summary>A configuration tree found on disk: the product, its root directory, and its files by role.</summary>
/// <param name="Product">Which server the tree configures.</param>
/// <param name="Directory">Absolute path of the tree's directory.</param>
/// <param name="Files">Absolute paths of the tree's top-level files (main.cf, master.cf …).</param>
public sealed record DiscoveredTree(Product Product, string Directory, IReadOnlyList<string> Files);
