using System.Diagnostics.CodeAnalysis;
using DebtShield.Core.Reading;

namespace DebtShield.Import.CaseFiles;

/// <summary>The outcome of reading a case file: its content, or every error found in it.</summary>
public sealed class CaseFileReading
{
    internal CaseFileReading(CaseFileContent? content, IReadOnlyList<ReadingProblem> errors)
    {
        Content = content;
        Errors = errors;
    }

    /// <summary>The case, when the file was valid.</summary>
    public CaseFileContent? Content { get; }

    /// <summary>Every error found, fields named from the file's root (<c>loans[2].schedule[0].total</c>); empty when <see cref="Content"/> is set.</summary>
    public IReadOnlyList<ReadingProblem> Errors { get; }

    /// <summary>True when the case was read.</summary>
    [MemberNotNullWhen(true, nameof(Content))]
    public bool Succeeded => Content is not null;

    internal static CaseFileReading Failed(ReadingProblem error) => new(null, [error]);
}
