using System.Buffers.Binary;
using System.Text;

namespace Controller.Learning.TorchSharp.Native;

/// <summary>
/// The symbol-version requirements (<c>.gnu.version_r</c>) of a 64-bit little-endian ELF shared library, and the one edit
/// the adaptation makes: setting <c>VER_FLG_WEAK</c> on a requirement, so the dynamic loader reports a missing version
/// instead of refusing the library (glibc's <c>dl-version.c</c> treats a missing weak version as not fatal).
/// </summary>
internal sealed class ElfVersionNeeds
{
    private const uint ShtDynsym = 11;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const uint ShtGnuVersym = 0x6fffffff;
    private const ushort VerFlagWeak = 0x2;

    private readonly byte[] _image;
    private readonly List<Requirement> _requirements = [];
    private readonly Dictionary<ushort, List<string>> _symbolsByVersionIndex = [];

    private ElfVersionNeeds(byte[] image, string path)
    {
        _image = image;
        if (image.Length < 64 || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F')
        {
            throw new InvalidDataException($"{path} is not an ELF file.");
        }

        if (image[4] != 2 || image[5] != 1)
        {
            throw new InvalidDataException($"{path} is not a 64-bit little-endian ELF file (class {image[4]}, data {image[5]}).");
        }

        var sectionOffset = checked((int)U64(0x28));
        var sectionSize = U16(0x3A);
        var sectionCount = U16(0x3C);
        var sections = new List<(uint Type, long Offset, long Size, uint Link, uint Info, long EntrySize)>();
        for (var i = 0; i < sectionCount; i++)
        {
            var h = sectionOffset + (i * sectionSize);
            sections.Add((U32(h + 4), (long)U64(h + 0x18), (long)U64(h + 0x20), U32(h + 0x28), U32(h + 0x2C), (long)U64(h + 0x38)));
        }

        var verneed = sections.FindIndex(s => s.Type == ShtGnuVerneed);
        if (verneed < 0)
        {
            return;
        }

        var (_, needOffset, _, needStrings, needCount, _) = sections[verneed];
        var strings = sections[(int)needStrings].Offset;
        var entry = (int)needOffset;
        for (var n = 0; n < needCount; n++)
        {
            var auxCount = U16(entry + 2);
            var file = CString(strings + U32(entry + 4));
            var aux = entry + (int)U32(entry + 8);
            for (var a = 0; a < auxCount; a++)
            {
                _requirements.Add(new Requirement(file, CString(strings + U32(aux + 8)), U16(aux + 6), (U16(aux + 4) & VerFlagWeak) != 0, aux + 4));
                aux += (int)U32(aux + 12);
            }

            entry += (int)U32(entry + 12);
        }

        // Which dynamic symbols each version index is attached to (.gnu.version runs parallel to .dynsym).
        var dynsym = sections.FindIndex(s => s.Type == ShtDynsym);
        var versym = sections.FindIndex(s => s.Type == ShtGnuVersym);
        if (dynsym < 0 || versym < 0)
        {
            return;
        }

        var symbols = sections[dynsym];
        var symbolStrings = sections[(int)symbols.Link].Offset;
        var count = symbols.Size / Math.Max(symbols.EntrySize, 1);
        for (var s = 0; s < count; s++)
        {
            var index = (ushort)(U16((int)(sections[versym].Offset + (s * 2))) & 0x7fff);
            var name = CString(symbolStrings + U32((int)(symbols.Offset + (s * symbols.EntrySize))));
            if (!_symbolsByVersionIndex.TryGetValue(index, out var list))
            {
                _symbolsByVersionIndex[index] = list = [];
            }

            list.Add(name);
        }
    }

    /// <summary>One required version: the library that must define it, its name, its index in <c>.gnu.version</c>, whether it is weak.</summary>
    public sealed record Requirement(string File, string Version, ushort Index, bool Weak, int FlagsOffset);

    public IReadOnlyList<Requirement> Requirements => _requirements;

    public static ElfVersionNeeds Read(string path) => new(File.ReadAllBytes(path), path);

    /// <summary>Names of the dynamic symbols bound to <paramref name="requirement"/>'s version.</summary>
    public IReadOnlyList<string> SymbolsOf(Requirement requirement) =>
        _symbolsByVersionIndex.TryGetValue(requirement.Index, out var names) ? names : [];

    /// <summary>The image with <paramref name="requirement"/> marked weak; the file this was read from is not touched.</summary>
    public byte[] WithWeak(Requirement requirement)
    {
        var copy = (byte[])_image.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(requirement.FlagsOffset), (ushort)(U16(requirement.FlagsOffset) | VerFlagWeak));
        return copy;
    }

    private ushort U16(int offset) => BinaryPrimitives.ReadUInt16LittleEndian(_image.AsSpan(offset));

    private uint U32(int offset) => BinaryPrimitives.ReadUInt32LittleEndian(_image.AsSpan(offset));

    private ulong U64(int offset) => BinaryPrimitives.ReadUInt64LittleEndian(_image.AsSpan(offset));

    private string CString(long offset)
    {
        var start = checked((int)offset);
        var end = Array.IndexOf(_image, (byte)0, start);
        return Encoding.ASCII.GetString(_image, start, end - start);
    }
}
