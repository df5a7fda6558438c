using System.Globalization;
using MotCua.Domain.Common;

namespace MotCua.Web.Features.Dossiers;

/// <summary>The chosen procedure version is not in force on the day of submission.</summary>
public sealed record ProcedureNotInForceError(string ProcedureCode, int Version, DateOnly Date)
    : Error("dossier.procedure_not_in_force",
        string.Create(CultureInfo.InvariantCulture,
            $"Thủ tục {ProcedureCode} phiên bản {Version} không có hiệu lực vào ngày {Date:dd/MM/yyyy}; hãy chọn phiên bản đang có hiệu lực."));
