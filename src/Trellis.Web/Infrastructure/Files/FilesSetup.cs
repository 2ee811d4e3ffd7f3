namespace Trellis.Web.Infrastructure.Files;

public static class FilesSetup
{
    /// <summary>The local-disk store under the data directory; another store (object storage) would be registered here instead.</summary>
    public static IServiceCollection AddTrellisFiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FileStoreOptions>().Bind(configuration.GetSection(FileStoreOptions.SectionName))
            .Validate(o => o.MaxBytes > 0, "Files:MaxBytes must be positive.");
        services.AddSingleton<IFileStore, LocalFileStore>();
        return services;
    }
}
