using MotCua.Domain.Catalogue;

namespace MotCua.Web.Forms;

/// <summary>One row of the "Thành phần hồ sơ" table of Form 01.</summary>
/// <param name="Name">The document, e.g. "Tờ khai đăng ký khai sinh".</param>
/// <param name="Form">Original, certified copy, copy or scan.</param>
/// <param name="Copies">How many copies of it were handed in.</param>
public sealed record ReceivedDocument(string Name, DocumentForms Form, int Copies);
