using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;

namespace MotCua.Web.Features.DossierDocuments;

/// <summary>The owner citizen tried to upload while the dossier is not waiting for them
/// (<c>document.citizen_upload_closed</c>) → 422.</summary>
public sealed record CitizenUploadClosed(DossierStatus Status)
    : Error("document.citizen_upload_closed",
        $"Hồ sơ đang ở trạng thái {DossierWorkflow.ApiName(Status)}, không chờ công dân bổ sung: chỉ nộp thêm tệp khi hồ sơ "
        + "đã nộp trực tuyến nhưng chưa được tiếp nhận, hoặc khi được yêu cầu bổ sung, hoàn thiện.");
