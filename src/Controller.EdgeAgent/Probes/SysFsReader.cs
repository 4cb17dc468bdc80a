using System.Globalization;

namespace Controller.EdgeAgent.Probes;

/// <summary>
/// Reads small kernel files (procfs, sysfs) under an injectable root, so tests can lay out a fake tree. Every failure
/// a kernel file can produce — missing, unreadable (RAPL's energy_uj is root-only on recent kernels), vanished between
/// listing and reading (a hot-unplugged battery), not a number — reads as null, never as an exception.
/// </summary>
public sealed class SysFsReader(string root)
{
    /// <summary>Kernel files are a few hundred bytes; anything much larger is not the file we expect.</summary>
    private const int MaxBytes = 64 * 1024;

    public string Root { get; } = root;

    public string? ReadText(string relativePath)
    {
        try
        {
            var path = Path.Combine(Root, relativePath);
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var buffer = new byte[MaxBytes];
            var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return System.Text.Encoding.UTF8.GetString(buffer, 0, length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The file's first token as an integer; null when absent or not an integer.</summary>
    public long? ReadLong(string relativePath) =>
        long.TryParse(ReadText(relativePath)?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Names of the entries of a directory matching <paramref name="pattern"/>, sorted; empty when the directory is absent.</summary>
    public IReadOnlyList<string> Entries(string relativeDirectory, string pattern)
    {
        try
        {
            var names = Directory.EnumerateFileSystemEntries(Path.Combine(Root, relativeDirectory), pattern)
                .Select(Path.GetFileName)
                .OfType<string>()
                .ToList();
            names.Sort(StringComparer.Ordinal);
            return names;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return [];
        }
    }
}
