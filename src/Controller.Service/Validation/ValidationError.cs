namespace Controller.Service.Validation;

/// <summary>One problem with one field of an incoming message.</summary>
/// <param name="Field">camelCase JSON path of the field, e.g. <c>modalities[1].sizeBytes</c>.</param>
/// <param name="Message">What is wrong, including the offending value.</param>
public sealed record ValidationError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
