using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Persistence.Identity;

namespace MotCua.Web.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signInManager, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signInManager.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        var message = result.IsLockedOut ? "Login_LockedOut" : result.IsNotAllowed ? "Login_NotAllowed" : "Login_Invalid";
        ModelState.AddModelError(string.Empty, text[message]);
        return Page();
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Login_EmailRequired")]
        [EmailAddress(ErrorMessage = "Login_EmailInvalid")]
        [Display(Name = "Login_Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Login_PasswordRequired")]
        [DataType(DataType.Password)]
        [Display(Name = "Login_Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Login_RememberMe")]
        public bool RememberMe { get; set; }
    }
}
