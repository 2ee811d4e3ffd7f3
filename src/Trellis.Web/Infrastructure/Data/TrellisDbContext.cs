using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.CheckIns;
using Trellis.Web.Features.FindMentor;
using Trellis.Web.Features.Goals;
using Trellis.Web.Features.Meetings;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Lifecycle;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Messages;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Email;

namespace Trellis.Web.Infrastructure.Data;

/// <summary>
/// The one model. Each database has a thin subclass with its own migrations folder
/// (see ADR 0002), so the model is written once and checked for pending changes per provider.
/// </summary>
public abstract class TrellisDbContext(DbContextOptions options)
    : IdentityDbContext<Member, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Profile> Profiles => Set<Profile>();
    public DbSet<Mentorship> Mentorships => Set<Mentorship>();
    public DbSet<AgreementVersion> AgreementVersions => Set<AgreementVersion>();
    public DbSet<MentorshipQuestion> MentorshipQuestions => Set<MentorshipQuestion>();
    public DbSet<TimelineEntry> TimelineEntries => Set<TimelineEntry>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ConversationRead> ConversationReads => Set<ConversationRead>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<MemberSession> MemberSessions => Set<MemberSession>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ProfileEmbedding> ProfileEmbeddings => Set<ProfileEmbedding>();
    public DbSet<Features.Blocking.Block> Blocks => Set<Features.Blocking.Block>();
    public DbSet<Reflection> Reflections => Set<Reflection>();
    public DbSet<Features.Moderation.Report> Reports => Set<Features.Moderation.Report>();
    public DbSet<Features.Moderation.AdminAction> AdminActions => Set<Features.Moderation.AdminAction>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<MeetingNote> MeetingNotes => Set<MeetingNote>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<MeetingReminderPreference> MeetingReminderPreferences => Set<MeetingReminderPreference>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<Trellis.Web.Features.Critiques.Critique> Critiques => Set<Trellis.Web.Features.Critiques.Critique>();
    public DbSet<Trellis.Web.Features.Resources.Resource> Resources => Set<Trellis.Web.Features.Resources.Resource>();
    public DbSet<Trellis.Web.Features.Reviews.Review> Reviews => Set<Trellis.Web.Features.Reviews.Review>();
    public DbSet<Trellis.Web.Features.Endorsements.Endorsement> Endorsements => Set<Trellis.Web.Features.Endorsements.Endorsement>();
    public DbSet<Features.Programmes.Programme> Programmes => Set<Features.Programmes.Programme>();
    public DbSet<Features.Programmes.ProgrammeCoordinator> ProgrammeCoordinators => Set<Features.Programmes.ProgrammeCoordinator>();
    public DbSet<Features.Programmes.Enrolment.Participant> Participants => Set<Features.Programmes.Enrolment.Participant>();
    public DbSet<Features.Programmes.Enrolment.EnrolmentQuestion> EnrolmentQuestions => Set<Features.Programmes.Enrolment.EnrolmentQuestion>();
    public DbSet<Features.Programmes.Enrolment.Invitation> Invitations => Set<Features.Programmes.Enrolment.Invitation>();
    public DbSet<Features.Programmes.Matching.DraftMatch> DraftMatches => Set<Features.Programmes.Matching.DraftMatch>();
    public DbSet<Features.Programmes.Matching.BulkRun> BulkRuns => Set<Features.Programmes.Matching.BulkRun>();
    public DbSet<Features.Programmes.Matching.PairRule> PairRules => Set<Features.Programmes.Matching.PairRule>();
    public DbSet<Features.Guides.Guide> Guides => Set<Features.Guides.Guide>();
    public DbSet<Features.Guides.GuideQuestion> GuideQuestions => Set<Features.Guides.GuideQuestion>();
    public DbSet<Features.Guides.GuideAnswer> GuideAnswers => Set<Features.Guides.GuideAnswer>();
    public DbSet<Features.Programmes.Health.NudgeClaim> NudgeClaims => Set<Features.Programmes.Health.NudgeClaim>();
    public DbSet<Features.Programmes.Health.NudgeSettings> NudgeSettings => Set<Features.Programmes.Health.NudgeSettings>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Member>(m =>
        {
            m.Property(x => x.DisplayName).HasMaxLength(Member.DisplayNameMaxLength);
        });
        builder.ApplyConfigurationsFromAssembly(typeof(TrellisDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as readable strings, never as numbers whose meaning can drift.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

public sealed class SqliteTrellisDbContext(DbContextOptions<SqliteTrellisDbContext> options) : TrellisDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot order or compare DateTimeOffset values; store them as UTC ticks instead
        // (the convention covers the nullable form too).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}

public sealed class PostgresTrellisDbContext(DbContextOptions<PostgresTrellisDbContext> options) : TrellisDbContext(options);
