namespace Trellis.Web.Infrastructure.Email;

public static class EmailSetup
{
    public static WebApplicationBuilder AddTrellisEmail(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Email");
        builder.Services.Configure<EmailOptions>(section);
        if (string.IsNullOrWhiteSpace(section["Smtp:Host"]))
            builder.Services.AddSingleton<IMailTransport, DropFolderMailTransport>();
        else
            builder.Services.AddSingleton<IMailTransport, SmtpMailTransport>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        if (builder.Configuration.GetValue("Email:RunWorker", true))
            builder.Services.AddHostedService<OutboxWorker>();
        return builder;
    }
}
