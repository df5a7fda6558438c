using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Access;
using MotCua.Domain.Dossiers;
using MotCua.Persistence.Identity;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Pages.Account;

/// <summary>A person opens a citizen account (role <see cref="StaffRole.Citizen"/>, never unit-scoped) to submit and follow
/// dossiers online; staff accounts are created by an administrator, never here.</summary>
[AllowAnonymous]
public sealed class RegisterModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect("/Portal/MyDossiers") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            FullName = Input.FullName.Trim(),
            PhoneNumber = string.IsNullOrWhiteSpace(Input.Phone) ? null : Input.Phone.Trim(),
        };
        var created = await users.CreateAsync(user, Input.Password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, nameof(StaffRole.Citizen));
        }

        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email",
                    PageErrors.Text(VietnameseIdentityErrorDescriber.Detail(error)));
            }

            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/Portal/MyDossiers");
    }

    public sealed class RegisterInput
    {
        [Required(ErrorMessage = "Register_FullNameRequired")]
        [StringLength(200, ErrorMessage = "Register_FullNameTooLong")] // AppUserConfiguration: FullName max 200
        [Display(Name = "Register_FullName")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "Login_EmailRequired")]
        [EmailAddress(ErrorMessage = "Login_EmailInvalid")]
        [StringLength(256, ErrorMessage = "Login_EmailInvalid")]
        [Display(Name = "Login_Email")]
        public string Email { get; set; } = "";

        [Phone(ErrorMessage = "Register_PhoneInvalid")]
        [StringLength(DossierFieldLimits.ApplicantPhone, ErrorMessage = "Register_PhoneInvalid")]
        [Display(Name = "Register_Phone")]
        public string? Phone { get; set; }

        [Required(ErrorMessage = "Login_PasswordRequired")]
        [DataType(DataType.Password)]
        [Display(Name = "Login_Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Register_ConfirmRequired")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "Register_ConfirmMismatch")]
        [Display(Name = "Register_Confirm")]
        public string ConfirmPassword { get; set; } = "";
    }
}
