using MotCua.Web.Api;
using MotCua.Web.Features.Administration;
using MotCua.Web.Features.Dashboard;
using MotCua.Web.Features.Desk;
using MotCua.Web.Features.DossierDocuments;
using MotCua.Web.Features.DossierForms;
using MotCua.Web.Features.DossierNotifications;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.OnlineSubmission;
using MotCua.Web.Features.Pakn;
using MotCua.Web.Features.ParIndex;
using MotCua.Web.Features.ProvinceAdmin;
using MotCua.Web.Features.ReferenceData;
using MotCua.Web.Features.Reports;
using MotCua.Web.Features.ServiceIndex;
using MotCua.Web.Features.Surveys;
using MotCua.Web.Infrastructure;
using MotCua.Web.Jobs;

var builder = WebApplication.CreateBuilder(args);
builder.AddMotCuaPlatform();
builder.Services
    .AddMotCuaApi()
    .AddDossiers()
    .AddDesk()
    .AddReferenceData()
    .AddOnlineSubmission()
    .AddProvinceAdmin()
    .AddDossierForms()
    .AddAdministration()
    .AddDossierDocuments(builder.Configuration)
    .AddDossierNotifications(builder.Configuration)
    .AddFeedback()
    .AddDashboard()
    .AddPakn()
    .AddSurveys()
    .AddReports()
    .AddServiceIndex()
    .AddParIndex(builder.Configuration)
    .AddMotCuaJobs(builder.Configuration, builder.Environment.ContentRootPath);

var app = builder.Build();
app.UseMotCuaPipeline();
app.MapMotCuaApi()
    .MapDossiers()
    .MapDesk()
    .MapReferenceData()
    .MapProvinceAdmin()
    .MapDossierForms()
    .MapAdministration()
    .MapDossierDocuments()
    .MapFeedback()
    .MapDashboard()
    .MapPakn()
    .MapSurveys()
    .MapReports()
    .MapServiceIndex()
    .MapParIndex();
app.MapRazorPages();
await app.InitialiseDatabaseAsync();
await app.RunBoundedAsync();
