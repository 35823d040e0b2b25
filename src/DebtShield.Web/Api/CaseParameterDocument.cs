using DebtShield.Web.Accounts;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DebtShield.Web.Api;

/// <summary>
/// Says in the OpenAPI document what the case door reads and no endpoint declares: every route
/// about a case takes the case's id as <c>?case=</c> (once, never in the body), as
/// <c>/api/v1/cases</c> lists it.
/// </summary>
public sealed class CaseParameterDocument : IOpenApiOperationTransformer
{
    /// <inheritdoc/>
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<CaseFreeAttribute>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = CaseAccess.Parameter,
            In = ParameterLocation.Query,
            Required = false,
            Description = "The case's id, as /api/v1/cases lists it (a title is not accepted). Needed in multi-user mode; in local mode, left out for the ledger's only case. Named once: a second value, or a case in the body, is refused.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
        });
        return Task.CompletedTask;
    }
}
