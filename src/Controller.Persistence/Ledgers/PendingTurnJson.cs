using System.Text.Json.Serialization;

namespace Controller.Persistence.Ledgers;

/// <summary>Source-generated JSON for the ledger's pending turns: read and written on every decision, so no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PendingTurn[]))]
internal sealed partial class PendingTurnJson : JsonSerializerContext;
