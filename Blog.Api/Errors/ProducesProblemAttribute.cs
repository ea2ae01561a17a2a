using Blog.Api.Hal;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Api.Errors;

/// <summary>Documents that an action can answer <paramref name="statusCode"/> with a problem+json body.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
public sealed class ProducesProblemAttribute(int statusCode)
    : ProducesResponseTypeAttribute(statusCode == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails), statusCode, MediaTypes.ProblemJson);
