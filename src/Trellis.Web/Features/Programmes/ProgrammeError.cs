namespace Trellis.Web.Features.Programmes;

public enum ProgrammeErrorKind
{
    WrongState,
    Conflict,
    Invalid,
}

/// <summary>Why a programme (or something in it) refused a change. <see cref="ToError"/> maps it to HTTP.</summary>
public sealed record ProgrammeError(ProgrammeErrorKind Kind, string Detail, string Field = "")
{
    public static ProgrammeError WrongState(string detail) => new(ProgrammeErrorKind.WrongState, detail);
    public static ProgrammeError Conflict(string detail) => new(ProgrammeErrorKind.Conflict, detail);
    public static ProgrammeError Invalid(string field, string detail) => new(ProgrammeErrorKind.Invalid, detail, field);

    public Error ToError() => Kind == ProgrammeErrorKind.Invalid
        ? new Invalid(Field, Detail)
        : new ConflictError(Detail);
}
