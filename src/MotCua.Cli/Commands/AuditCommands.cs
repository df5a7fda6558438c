using System.CommandLine;
using MotCua.Persistence;
using MotCua.Persistence.Dossiers;

namespace MotCua.Cli.Commands;

internal static class AuditCommands
{
    public static Command Create(CliContext cli)
    {
        var verify = new Command(
            "verify", "Kiểm tra chuỗi băm lịch sử và nhật ký truy cập dữ liệu cá nhân của mọi hồ sơ; trả mã lỗi 1 và nêu mục hỏng đầu tiên");
        verify.SetAction(async (_, ct) =>
        {
            await using var db = DatabaseSetup.CreateContext(cli.Database());
            var result = await HistoryAudit.VerifyAsync(db, ct: ct);
            if (result.IsIntact)
            {
                await cli.Output.WriteLineAsync(
                    $"Toàn vẹn: {result.DossiersChecked} hồ sơ, {result.EntriesChecked} mục lịch sử, {result.ReadsChecked} lượt truy cập dữ liệu cá nhân"
                    + (result.ReadsPending > 0 ? $" (và {result.ReadsPending} lượt đã ghi, chờ niêm phong vào chuỗi)." : "."));
                return ExitCodes.Ok;
            }

            var chain = result.BrokenChain == AuditChain.ReadLog ? "mục nhật ký truy cập dữ liệu cá nhân" : "mục lịch sử";
            await cli.Output.WriteLineAsync(
                $"HỎNG: hồ sơ {result.BrokenDossierId:D} ({result.BrokenDossierCode ?? "chưa có mã"}), {chain} {result.BrokenEntryIndex}.");
            return ExitCodes.Failure;
        });
        return new Command("audit", "Kiểm toán dữ liệu hồ sơ") { verify };
    }
}
