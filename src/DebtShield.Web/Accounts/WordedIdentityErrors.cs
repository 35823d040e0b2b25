using System.Globalization;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Identity;

namespace DebtShield.Web.Accounts;

/// <summary>
/// Identity's refusals (a short password, a login already taken, …) in the admin's language: the
/// describer Identity ships with words them in English only, whatever the page's language.
/// </summary>
public sealed class WordedIdentityErrors : IdentityErrorDescriber
{
    /// <inheritdoc/>
    public override IdentityError DefaultError() => Error(nameof(DefaultError), WebText.Identity_DefaultError);

    /// <inheritdoc/>
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), WebText.Identity_ConcurrencyFailure);

    /// <inheritdoc/>
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), WebText.Identity_PasswordMismatch);

    /// <inheritdoc/>
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), WebText.Identity_InvalidToken);

    /// <inheritdoc/>
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), WebText.Identity_InvalidUserName, userName);

    /// <inheritdoc/>
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), WebText.Identity_InvalidEmail, email);

    /// <inheritdoc/>
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), WebText.Identity_DuplicateLogin, userName);

    /// <inheritdoc/>
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), WebText.Identity_DuplicateLogin, email);

    /// <inheritdoc/>
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), WebText.Identity_PasswordTooShort, length);

    /// <inheritdoc/>
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), WebText.Identity_PasswordRequiresUniqueChars, uniqueChars);

    /// <inheritdoc/>
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), WebText.Identity_UserAlreadyInRole, role);

    /// <inheritdoc/>
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), WebText.Identity_UserNotInRole, role);

    private static IdentityError Error(string code, string format, params object?[] values) =>
        new() { Code = code, Description = string.Format(CultureInfo.CurrentCulture, format, values) };
}
