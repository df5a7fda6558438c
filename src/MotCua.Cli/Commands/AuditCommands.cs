using System.CommandLine;
using MotCua.Persistence;
using MotCua.Persistence.Dossiers;

namespace MotCua.Cli.Commands;

internal static class AuditCommands
{
    public static Command Create(CliContext cli)
    {
        var verify = new Command("verify", "Kiểm tra chuỗi băm lịch sử của mọi hồ sơ; trả mã lỗi 1 và nêu hồ sơ hỏng đầu tiên");
        verify.SetAction(async (_, ct) =>
        {
            await using var db = DatabaseSetup.CreateContext(cli.Database());
            var result = await HistoryAudit.VerifyAsync(db, ct: ct);
            if (result.IsIntact)
            {
                await cli.Output.WriteLineAsync($"Toàn vẹn: {result.DossiersChecked} hồ sơ, {result.EntriesChecked} mục lịch sử.");
                return ExitCodes.Ok;
            }

            await cli.Output.WriteLineAsync(
                $"HỎNG: hồ sơ {result.BrokenDossierId:D} ({result.BrokenDossierCode ?? "chưa có mã"}), mục lịch sử {result.BrokenEntryIndex}.");
            return ExitCodes.Failure;
        });
        return new Command("audit", "Kiểm toán dữ liệu hồ sơ") { verify };
    }
}
