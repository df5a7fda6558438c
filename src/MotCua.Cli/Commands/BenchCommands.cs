using System.CommandLine;
using MotCua.Cli.Bench;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.Cli.Commands;

/// <summary>`motcua bench dossiers`: HTTP load against a running MotCua on this machine; `motcua bench reports`: a report's
/// latency through the API against the same report by a GROUP BY over the raw tables.</summary>
internal static class BenchCommands
{
    public static Command Create(CliContext cli)
    {
        var url = new Option<string>("--url") { Description = "Địa chỉ ứng dụng (chỉ loopback), ví dụ http://127.0.0.1:5080", Required = true };
        var duration = new Option<string>("--duration") { Description = "Thời gian đo (30s, 2m)", DefaultValueFactory = _ => "30s" };
        var warmup = new Option<string>("--warmup") { Description = "Khởi động, không tính vào kết quả", DefaultValueFactory = _ => "3s" };
        var concurrency = new Option<int>("--concurrency") { Description = "Số luồng đồng thời", DefaultValueFactory = _ => 32 };
        var scenario = new Option<string>("--scenario") { Description = "mixed, transitions, list, public, pages (trang danh sách công việc, trang hồ sơ, trang tra cứu)", DefaultValueFactory = _ => "mixed" };
        var user = new Option<string>("--user")
        {
            Description = "Cán bộ một cửa (mặc định: tài khoản đo của preset scale, tiếp nhận được ở mọi xã)",
            DefaultValueFactory = _ => DemoData.BenchDeskUser.Email,
        };
        var receiptUnits = new Option<int>("--receipt-units")
        {
            Description = "Số xã/phường nhận hồ sơ (1 = chỉ Phường Tô Hiệu, như tài khoản tiepnhan@ demo)",
            DefaultValueFactory = _ => DemoData.CommuneCodes.Count,
        };
        var handler = new Option<string>("--handler-user") { Description = "Chuyên viên xử lý", DefaultValueFactory = _ => "chuyenvien@motcua.local" };
        var head = new Option<string>("--head-user") { Description = "Lãnh đạo cơ quan", DefaultValueFactory = _ => "lanhdao@motcua.local" };
        var password = new Option<string>("--password") { Description = "Mật khẩu (mặc định: mật khẩu demo)", DefaultValueFactory = _ => DemoData.Password };
        var rate = new Option<int>("--rate")
        {
            Description = "Tải mở: tổng số yêu cầu mỗi giây chia đều cho các luồng, độ trễ tính từ lúc lẽ ra phải gửi (0 = vòng kín)",
            DefaultValueFactory = _ => 0,
        };
        var dossiers = new Command("dossiers", "Đo tiếp nhận, chuyển bước, danh sách và tra cứu công khai qua HTTP")
        {
            url, duration, warmup, concurrency, scenario, user, handler, head, password, receiptUnits, rate,
        };
        dossiers.SetAction(async (parse, ct) =>
        {
            var options = BenchOptions.Parse(
                parse.GetRequiredValue(url), parse.GetValue(duration)!, parse.GetValue(warmup)!, parse.GetValue(concurrency),
                parse.GetValue(scenario)!, parse.GetValue(user)!, parse.GetValue(handler)!, parse.GetValue(head)!, parse.GetValue(password)!,
                parse.GetValue(receiptUnits), parse.GetValue(rate));
            return await new DossierBench(options, cli.Output).RunAsync(ct);
        });
        return new Command("bench", "Đo hiệu năng") { dossiers, Reports(cli) };
    }

    private static Command Reports(CliContext cli)
    {
        var url = new Option<string>("--url") { Description = "Địa chỉ ứng dụng (chỉ loopback), ví dụ http://127.0.0.1:5080", Required = true };
        var user = new Option<string>("--user") { Description = "Tài khoản đọc được báo cáo của đơn vị", DefaultValueFactory = _ => "noivu@motcua.local" };
        var password = new Option<string>("--password") { Description = "Mật khẩu (mặc định: mật khẩu demo)", DefaultValueFactory = _ => DemoData.Password };
        var unit = new Option<string>("--unit") { Description = "Mã định danh đơn vị (mặc định: UBND tỉnh demo)", DefaultValueFactory = _ => DemoData.ProvinceCode };
        var year = new Option<int>("--year") { Description = "Năm báo cáo (kỳ 01/01–31/12)", Required = true };
        var iterations = new Option<int>("--iterations") { Description = "Số lần đo qua API", DefaultValueFactory = _ => 30 };
        var rawIterations = new Option<int>("--raw-iterations") { Description = "Số lần đo GROUP BY trên bảng gốc", DefaultValueFactory = _ => 5 };
        var warmup = new Option<int>("--warmup") { Description = "Số lần chạy khởi động qua API, không tính", DefaultValueFactory = _ => 3 };
        var command = new Command("reports", "Đo Biểu 06, Biểu 06 trung tâm và bảng điểm 766 của một đơn vị trong một năm: qua API (thống kê lưu sẵn) và bằng GROUP BY trên bảng hồ sơ gốc (PostgreSQL)")
        {
            url, user, password, unit, year, iterations, rawIterations, warmup,
        };
        command.SetAction(async (parse, ct) =>
        {
            var database = CliDatabase.Options();
            if (database.Provider != DatabaseProvider.Postgres)
            {
                throw new CliInputException("bench reports đo trên PostgreSQL (Database__Provider=Postgres).");
            }

            if (parse.GetValue(iterations) < 1 || parse.GetValue(rawIterations) < 1 || parse.GetValue(warmup) < 0)
            {
                throw new CliInputException("--iterations và --raw-iterations phải từ 1, --warmup từ 0.");
            }

            var y = parse.GetValue(year);
            if (y is < 2000 or > 2100)
            {
                throw new CliInputException("--year phải trong 2000–2100.");
            }

            var options = new ReportBenchOptions(
                BenchOptions.LoopbackUrl(parse.GetRequiredValue(url)), parse.GetValue(user)!, parse.GetValue(password)!, DemoData.UnitId(parse.GetValue(unit)!),
                new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), parse.GetValue(iterations), parse.GetValue(rawIterations), parse.GetValue(warmup),
                database.ConnectionString);
            return await new ReportBench(options, cli.Output).RunAsync(ct);
        });
        return command;
    }
}
