namespace Controller.Learning.Policies;

/// <summary>A policy bundle that cannot be read or does not fit: the message names the file, field and value.</summary>
public sealed class PolicyBundleException : Exception
{
    public PolicyBundleException(string message)
        : base(message)
    {
    }

    public PolicyBundleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
