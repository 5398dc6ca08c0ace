namespace Tlslint.Model.Apache;

/// <summary>A configuration file in the order httpd reads it, as <c>-D DUMP_INCLUDES</c> lists it.</summary>
/// <param name="Path">The path as httpd builds it (server root, include pattern and directory entry joined).</param>
/// <param name="Depth">0 for the entry file, 1 for files it includes …</param>
/// <param name="IncludeLine">The line of the <c>Include</c> in the including file; null for the entry file.</param>
public sealed record ApacheIncludedFile(string Path, int Depth, int? IncludeLine);
