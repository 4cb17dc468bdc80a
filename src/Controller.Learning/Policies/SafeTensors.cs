using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Controller.Learning.Policies;

/// <summary>A float32 tensor as stored in a safetensors file.</summary>
/// <param name="Name">Tensor name, e.g. <c>pi.0.weight</c>.</param>
/// <param name="Shape">Dimensions, row-major.</param>
/// <param name="Data">Values; length is the product of <paramref name="Shape"/>.</param>
public sealed record NamedTensor(string Name, IReadOnlyList<int> Shape, float[] Data);

/// <summary>
/// The safetensors layout (huggingface/safetensors): an 8-byte little-endian header length, a UTF-8 JSON header mapping
/// each tensor name to <c>{"dtype", "shape", "data_offsets": [begin, end]}</c> (offsets relative to the data section) plus
/// an optional <c>"__metadata__"</c> string map, padded with spaces to 8 bytes, then the raw little-endian data.
/// Only <c>F32</c> is written or accepted.
/// </summary>
public static class SafeTensors
{
    /// <summary>Refuse headers beyond this; the reference implementation caps them at 100 MB too.</summary>
    public const int MaxHeaderBytes = 100_000_000;

    public static void Write(Stream stream, IReadOnlyList<NamedTensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var header = new JsonObject();
        if (metadata is { Count: > 0 })
        {
            var meta = new JsonObject();
            foreach (var (key, value) in metadata)
            {
                meta[key] = value;
            }

            header["__metadata__"] = meta;
        }

        long offset = 0;
        foreach (var tensor in tensors)
        {
            var expected = tensor.Shape.Aggregate(1L, (a, d) => a * d);
            if (expected != tensor.Data.Length || tensor.Shape.Any(d => d < 0))
            {
                throw new ArgumentException($"Tensor '{tensor.Name}' has {tensor.Data.Length} values for shape [{string.Join(", ", tensor.Shape)}].", nameof(tensors));
            }

            if (tensor.Name == "__metadata__" || header.ContainsKey(tensor.Name))
            {
                throw new ArgumentException($"Tensor name '{tensor.Name}' is reserved or repeated.", nameof(tensors));
            }

            var bytes = (long)tensor.Data.Length * sizeof(float);
            header[tensor.Name] = new JsonObject
            {
                ["dtype"] = "F32",
                ["shape"] = new JsonArray(tensor.Shape.Select(d => (JsonNode)d).ToArray()),
                ["data_offsets"] = new JsonArray(offset, offset + bytes),
            };
            offset += bytes;
        }

        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        var padded = (json.Length + 7) / 8 * 8;
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
        stream.Write(length);
        stream.Write(json);
        for (var i = json.Length; i < padded; i++)
        {
            stream.WriteByte((byte)' ');
        }

        foreach (var tensor in tensors)
        {
            WriteLittleEndian(stream, tensor.Data);
        }
    }

    /// <summary>Reads every tensor and the metadata; throws <see cref="InvalidDataException"/> naming what is wrong.</summary>
    public static (IReadOnlyList<NamedTensor> Tensors, IReadOnlyDictionary<string, string> Metadata) Read(Stream stream)
    {
        Span<byte> lengthBytes = stackalloc byte[8];
        if (stream.ReadAtLeast(lengthBytes, 8, throwOnEndOfStream: false) < 8)
        {
            throw new InvalidDataException("safetensors: the file is shorter than its 8-byte header length.");
        }

        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        if (headerLength == 0 || headerLength > MaxHeaderBytes)
        {
            throw new InvalidDataException($"safetensors: header length {headerLength} is outside 1..{MaxHeaderBytes}.");
        }

        var headerBytes = new byte[headerLength];
        if (stream.ReadAtLeast(headerBytes, headerBytes.Length, throwOnEndOfStream: false) < headerBytes.Length)
        {
            throw new InvalidDataException($"safetensors: the file ends inside its {headerLength}-byte header.");
        }

        JsonObject header;
        try
        {
            header = JsonNode.Parse(headerBytes) as JsonObject
                ?? throw new InvalidDataException("safetensors: the header is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"safetensors: the header is not valid JSON ({ex.Message}).", ex);
        }

        var data = ReadAll(stream);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new List<(string Name, int[] Shape, long Begin, long End)>();
        foreach (var (name, node) in header)
        {
            if (name == "__metadata__")
            {
                foreach (var (key, value) in node as JsonObject ?? throw new InvalidDataException("safetensors: __metadata__ is not an object."))
                {
                    metadata[key] = value?.GetValueKind() == JsonValueKind.String
                        ? value.GetValue<string>()
                        : throw new InvalidDataException($"safetensors: metadata '{key}' is not a string.");
                }

                continue;
            }

            entries.Add(ParseEntry(name, node));
        }

        // Tensors must tile the data section exactly: no gaps, no overlaps, nothing left over.
        long expectedBegin = 0;
        var tensors = new List<NamedTensor>(entries.Count);
        foreach (var (name, shape, begin, end) in entries.OrderBy(e => e.Begin))
        {
            if (begin != expectedBegin || end > data.Length)
            {
                throw new InvalidDataException($"safetensors: tensor '{name}' has data_offsets [{begin}, {end}] but the data section is {data.Length} bytes and the previous tensor ends at {expectedBegin}.");
            }

            var values = new float[(end - begin) / sizeof(float)];
            var bytes = data.AsSpan((int)begin, (int)(end - begin));
            if (BitConverter.IsLittleEndian)
            {
                bytes.CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
            }
            else
            {
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * 4)..]);
                }
            }

            tensors.Add(new NamedTensor(name, shape, values));
            expectedBegin = end;
        }

        if (expectedBegin != data.Length)
        {
            throw new InvalidDataException($"safetensors: the data section has {data.Length} bytes but the tensors cover {expectedBegin}.");
        }

        return (tensors, metadata);
    }

    private static (string Name, int[] Shape, long Begin, long End) ParseEntry(string name, JsonNode? node)
    {
        try
        {
            var entry = node as JsonObject ?? throw new InvalidDataException($"safetensors: tensor '{name}' is not an object.");
            var dtype = entry["dtype"]?.GetValue<string>();
            if (dtype != "F32")
            {
                throw new InvalidDataException($"safetensors: tensor '{name}' has dtype '{dtype}'; only F32 is supported.");
            }

            var shape = (entry["shape"] as JsonArray ?? throw new InvalidDataException($"safetensors: tensor '{name}' has no shape."))
                .Select(d => d!.GetValue<int>()).ToArray();
            var offsets = entry["data_offsets"] as JsonArray;
            if (offsets is not { Count: 2 })
            {
                throw new InvalidDataException($"safetensors: tensor '{name}' needs data_offsets [begin, end].");
            }

            var begin = offsets[0]!.GetValue<long>();
            var end = offsets[1]!.GetValue<long>();
            var count = shape.Aggregate(1L, (a, d) => d < 0 ? throw new InvalidDataException($"safetensors: tensor '{name}' has a negative dimension.") : a * d);
            if (begin < 0 || end - begin != count * sizeof(float))
            {
                throw new InvalidDataException($"safetensors: tensor '{name}' of shape [{string.Join(", ", shape)}] needs {count * sizeof(float)} bytes; data_offsets [{begin}, {end}] give {end - begin}.");
            }

            return (name, shape, begin, end);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"safetensors: tensor '{name}' has a malformed entry ({ex.Message}).", ex);
        }
    }

    private static void WriteLittleEndian(Stream stream, float[] data)
    {
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(data.AsSpan()));
            return;
        }

        Span<byte> buffer = stackalloc byte[4];
        foreach (var value in data)
        {
            BinaryPrimitives.WriteSingleLittleEndian(buffer, value);
            stream.Write(buffer);
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
