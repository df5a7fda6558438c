using System.CommandLine;
using MotCua.Cli.Bench;
using MotCua.Persistence.Seeding;

namespace MotCua.Cli.Commands;

/// <summary>`motcua bench dossiers`: HTTP load against a running MotCua on this machine.</summary>
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
        return new Command("bench", "Đo hiệu năng") { dossiers };
    }
}
