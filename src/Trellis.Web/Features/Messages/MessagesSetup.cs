using Microsoft.AspNetCore.SignalR;
using Trellis.Web.Features.Moderation;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Messages;

public static class MessagesSetup
{
    /// <summary>Messages and their live updates. With SignalR:Redis set (a StackExchange.Redis connection
    /// string) every node publishes through Redis, so a member connected to one node sees messages saved on another.</summary>
    public static IServiceCollection AddTrellisMessages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MessageOptions>().BindConfiguration(MessageOptions.SectionName);
        services.AddScoped<MessageHandlers>();
        services.AddSingleton<MessageBroadcaster>();
        services.AddScoped<IReportTarget, MessageReportTarget>();
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<LiveAccess>();
        var signalR = services.AddSignalR(o => o.AddFilter<LiveAccess>());
        if (configuration["SignalR:Redis"] is { Length: > 0 } redis)
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("trellis"));
        return services;
    }

    public static void MapMessagesHub(this IEndpointRouteBuilder app) => app.MapHub<MessagesHub>(MessagesHub.Path);
}
