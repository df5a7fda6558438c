using System.Net.Sockets;
using System.Text;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>The test server itself, driven by a raw client so that the encodings SmtpClient does not use are covered.</summary>
public sealed class TestSmtpServerTests
{
    [Fact]
    public async Task Data_DotStuffedQuotedPrintableAndQEncodedSubject_AreDecoded()
    {
        await using var server = TestSmtpServer.Start();
        var ct = TestContext.Current.CancellationToken;
        using var client = new TcpClient();
        await client.ConnectAsync(TestSmtpServer.Host, server.Port, ct);
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);

        Assert.StartsWith("220", await reader.ReadLineAsync(ct), StringComparison.Ordinal);
        Assert.StartsWith("250", await Send("HELO raw.test"), StringComparison.Ordinal);
        Assert.StartsWith("250", await Send("NOOP"), StringComparison.Ordinal);
        Assert.StartsWith("503", await Send("RCPT TO:<early@example.vn>"), StringComparison.Ordinal);
        Assert.StartsWith("250", await Send("MAIL FROM:<from@example.vn>"), StringComparison.Ordinal);
        Assert.StartsWith("250", await Send("RSET"), StringComparison.Ordinal);
        Assert.StartsWith("250", await Send("MAIL FROM:<from@example.vn>"), StringComparison.Ordinal);
        Assert.StartsWith("250", await Send("RCPT TO:<to@example.vn>"), StringComparison.Ordinal);
        Assert.StartsWith("354", await Send("DATA"), StringComparison.Ordinal);
        var data = string.Join("\r\n",
            "Subject: =?utf-8?Q?H=E1=BB=93_s=C6=A1?= =?utf-8?Q?_=C4=91=C3=A3_c=C3=B3?=",
            " =?utf-8?B?IGvhur90IHF14bqj?=",
            "Message-ID: <raw-1@example.vn>",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "..Ch=E1=BA=A5m =C4=91=E1=BA=A7u d=C3=B2ng, d=C3=B2ng d=C3=A0i =",
            "n=E1=BB=91i ti=E1=BA=BFp",
            ".");
        Assert.StartsWith("250", await Send(data), StringComparison.Ordinal);
        Assert.StartsWith("221", await Send("QUIT"), StringComparison.Ordinal);

        var message = Assert.Single(server.Messages);
        Assert.Equal("from@example.vn", message.MailFrom);
        Assert.Equal(["to@example.vn"], message.Recipients);
        Assert.Equal("Hồ sơ đã có kết quả", message.Subject);
        Assert.Equal("<raw-1@example.vn>", message.MessageId);
        Assert.Equal(".Chấm đầu dòng, dòng dài nối tiếp", message.TextBody?.TrimEnd('\r', '\n'));

        async Task<string?> Send(string line)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), ct);
            return await reader.ReadLineAsync(ct);
        }
    }

    [Fact]
    public void DecodeEncodedWords_CharacterSplitAcrossWords_IsJoinedBeforeDecoding()
    {
        // "ộ" is E1 BB 99 in UTF-8; the first word ends after E1 BB.
        var decoded = SmtpReceivedMessage.DecodeEncodedWords("=?utf-8?Q?M=E1=BB?= =?utf-8?Q?=99t_c=E1=BB=ADa?=");

        Assert.Equal("Một cửa", decoded);
    }

    [Fact]
    public void DecodeEncodedWords_PlainTextAroundWords_IsKept()
    {
        var decoded = SmtpReceivedMessage.DecodeEncodedWords("Re: =?utf-8?B?SOG7kyBzxqE=?= 123");

        Assert.Equal("Re: Hồ sơ 123", decoded);
    }
}
