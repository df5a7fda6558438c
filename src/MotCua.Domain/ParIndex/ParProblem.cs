using MotCua.Domain.Common;

namespace MotCua.Domain.ParIndex;

/// <summary>One problem of a framework or an assessment: where (a JSON path such as
/// <c>areas[2].criteria[0].subCriteria[1].method.rows</c>), what (a translatable message with a stable code) and whether
/// it only stops issuing (<paramref name="IssueOnly"/>: a declared total that the parts do not reach yet, which a draft
/// may have while it is being edited).</summary>
public sealed record ParProblem(string Path, FieldMessage Message, bool IssueOnly = false)
{
    /// <summary>"path: message", for the command line.</summary>
    public override string ToString() => $"{Path}: {Message.Text}";
}
