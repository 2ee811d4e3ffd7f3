using Trellis.Web;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Email;
using Trellis.Web.Infrastructure.Observability;

var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));

builder.AddTrellisDatabase();
builder.AddTrellisAuth();
builder.AddTrellisEmail();
builder.AddTrellisObservability();
builder.AddTrellisWeb();
builder.Services.AddTrellisFeatures(builder.Configuration);

var app = builder.Build();

if (AdminCommands.IsCommand(args))
    return await AdminCommands.RunAsync(app, args);

await app.Services.MigrateAsync();
await Trellis.Web.Features.Guides.FirstGuide.EnsureAsync(app.Services);

app.UseTrellisPipeline();
app.MapTrellisEndpoints();
await app.RunAsync();
return 0;

public partial class Program;
