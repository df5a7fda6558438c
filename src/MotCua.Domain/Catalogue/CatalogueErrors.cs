using MotCua.Domain.Calendar;
using MotCua.Domain.Common;

namespace MotCua.Domain.Catalogue;

/// <summary>A problem with one field of one catalogue entry.</summary>
/// <param name="Code">Machine-readable error code.</param>
/// <param name="Message">Explanation naming the procedure and field.</param>
/// <param name="ProcedureCode">Procedure code as given (may be malformed or empty).</param>
/// <param name="Field">JSON-style path of the field, e.g. <c>requiredDocuments[1].copies</c>.</param>
public abstract record CatalogueError(string Code, string Message, string ProcedureCode, string Field) : Error(Code, Message);

/// <summary>A mandatory field is missing or blank.</summary>
public sealed record FieldRequired(string ProcedureCode, string Field)
    : CatalogueError("catalogue.field_required", $"{ProcedureCode}: '{Field}' is required.", ProcedureCode, Field);

/// <summary>A field has a value outside its allowed range or format.</summary>
public sealed record FieldInvalid(string ProcedureCode, string Field, string Detail)
    : CatalogueError("catalogue.field_invalid", $"{ProcedureCode}: '{Field}' is invalid: {Detail}", ProcedureCode, Field);

/// <summary>The internal-process slices do not add up to the processing time (TT 01/2018 Art. 8; ND 61/2018 Art. 19(6)).</summary>
public sealed record SlicesDoNotSumToLimit(string ProcedureCode, decimal SliceTotal, decimal Limit, ProcessingTimeUnit Unit)
    : CatalogueError(
        "catalogue.slices_mismatch",
        $"{ProcedureCode}: internal process slices sum to {SliceTotal} {Unit} but the processing time is {Limit} {Unit}.",
        ProcedureCode,
        "internalProcess");

/// <summary>Two versions of the same procedure code are in force on a common date.</summary>
public sealed record OverlappingVersions(string ProcedureCode, int Version, int OtherVersion)
    : CatalogueError(
        "catalogue.overlapping_versions",
        $"{ProcedureCode}: versions {Version} and {OtherVersion} have overlapping validity periods.",
        ProcedureCode,
        "validFrom");

/// <summary>The same version number is used twice for one procedure code.</summary>
public sealed record DuplicateVersion(string ProcedureCode, int Version)
    : CatalogueError("catalogue.duplicate_version", $"{ProcedureCode}: version {Version} appears more than once.", ProcedureCode, "version");

/// <summary>A fixture entry could not be read (bad JSON type, unknown enum name or unknown property).</summary>
public sealed record MalformedEntry(string ProcedureCode, string Field, string Detail)
    : CatalogueError("catalogue.malformed_entry", $"{ProcedureCode}: '{Field}' could not be read: {Detail}", ProcedureCode, Field);

/// <summary>A procedure or a set of procedures was rejected; every problem is listed.</summary>
/// <param name="Errors">All field errors found, in document order.</param>
public sealed record CatalogueRejected(IReadOnlyList<CatalogueError> Errors)
    : Error("catalogue.rejected", $"{Errors.Count} catalogue error(s): " + string.Join(" | ", Errors.Take(5).Select(e => e.Message)));
