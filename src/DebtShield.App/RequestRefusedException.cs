namespace DebtShield.App;

/// <summary>
/// A use case refused a request the user can correct (an unknown loan, a duplicate name, a
/// conflicting import). The message is localised and names what to change; nothing was written.
/// </summary>
public sealed class RequestRefusedException : Exception
{
    /// <summary>Creates the exception with a localised message.</summary>
    public RequestRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a localised message and its cause.</summary>
    public RequestRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception (for serialisers and analyzers).</summary>
    public RequestRefusedException()
    {
    }
}
