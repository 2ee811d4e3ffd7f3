using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Mentorships.Workspace;

namespace Trellis.Web.Features.Programmes.Health;

/// <summary>
/// A programme's automatic nudges: each kind on or off with its threshold. Off until a coordinator turns a kind on;
/// the two pair thresholds are also the health page's (<see cref="Rules"/>). A programme without a row has
/// <see cref="Defaults"/>.
/// </summary>
public sealed class NudgeSettings
{
    private NudgeSettings() { }

    public NudgeSettings(Guid programmeId) => ProgrammeId = programmeId;

    public static NudgeSettings Defaults(Guid programmeId) => new(programmeId);

    public Guid ProgrammeId { get; private set; }
    public bool NoMeetingOn { get; private set; }
    public int NoMeetingWeeks { get; private set; } = HealthRules.Default.NoMeetingWeeks;
    public bool RequestPendingOn { get; private set; }
    public int RequestPendingDays { get; private set; } = HealthRules.Default.RequestPendingDays;
    public bool NotMatchedOn { get; private set; }
    public int NotMatchedDays { get; private set; } = 14;
    public bool EnrolmentUnfinishedOn { get; private set; }
    public int EnrolmentUnfinishedDays { get; private set; } = 3;
    public DateTimeOffset? UpdatedAt { get; private set; }

    /// <summary>Empty until first saved; then changes on every save, so two coordinators cannot both win.</summary>
    public Guid Version { get; private set; }

    public HealthRules Rules => new(NoMeetingWeeks, RequestPendingDays);

    public bool AnyOn => NoMeetingOn || RequestPendingOn || NotMatchedOn || EnrolmentUnfinishedOn;

    public void Set(NudgeSettingsInput input, DateTimeOffset at)
    {
        NoMeetingOn = input.NoMeetingOn!.Value;
        NoMeetingWeeks = input.NoMeetingWeeks!.Value;
        RequestPendingOn = input.RequestPendingOn!.Value;
        RequestPendingDays = input.RequestPendingDays!.Value;
        NotMatchedOn = input.NotMatchedOn!.Value;
        NotMatchedDays = input.NotMatchedDays!.Value;
        EnrolmentUnfinishedOn = input.EnrolmentUnfinishedOn!.Value;
        EnrolmentUnfinishedDays = input.EnrolmentUnfinishedDays!.Value;
        UpdatedAt = at;
        Version = Guid.NewGuid();
    }
}

/// <summary>The settings as the API and the page send them; <c>version</c> is the one read (empty before the first save).
/// Checked by <see cref="Errors"/> after the programme is found, so an outsider gets 404, never a 400 about the body.</summary>
public sealed record NudgeSettingsInput(bool? NoMeetingOn, int? NoMeetingWeeks, bool? RequestPendingOn, int? RequestPendingDays,
    bool? NotMatchedOn, int? NotMatchedDays, bool? EnrolmentUnfinishedOn, int? EnrolmentUnfinishedDays, Guid? Version)
{
    public const int MaxWeeks = 26, MaxDays = 60;

    public Invalid? Errors()
    {
        var errors = new Dictionary<string, string[]>();
        void On(string name, bool? value) { if (value is null) errors[name] = ["Say whether this nudge is on (true) or off (false)."]; }
        void Range(string name, int? value, int max, string unit)
        {
            if (value is null or < 1 || value > max) errors[name] = [$"Must be between 1 and {max} {unit}."];
        }
        On("noMeetingOn", NoMeetingOn);
        Range("noMeetingWeeks", NoMeetingWeeks, MaxWeeks, "weeks");
        On("requestPendingOn", RequestPendingOn);
        Range("requestPendingDays", RequestPendingDays, MaxDays, "days");
        On("notMatchedOn", NotMatchedOn);
        Range("notMatchedDays", NotMatchedDays, MaxDays, "days");
        On("enrolmentUnfinishedOn", EnrolmentUnfinishedOn);
        Range("enrolmentUnfinishedDays", EnrolmentUnfinishedDays, MaxDays, "days");
        if (Version is null) errors["version"] = ["Send the version you are acting on."];
        return errors.Count > 0 ? new Invalid(errors) : null;
    }
}

public sealed record NudgeSettingsView(bool NoMeetingOn, int NoMeetingWeeks, bool RequestPendingOn, int RequestPendingDays,
    bool NotMatchedOn, int NotMatchedDays, bool EnrolmentUnfinishedOn, int EnrolmentUnfinishedDays, Guid Version)
{
    public static NudgeSettingsView Of(NudgeSettings s) => new(s.NoMeetingOn, s.NoMeetingWeeks, s.RequestPendingOn, s.RequestPendingDays,
        s.NotMatchedOn, s.NotMatchedDays, s.EnrolmentUnfinishedOn, s.EnrolmentUnfinishedDays, s.Version);
}

public sealed class NudgeSettingsConfiguration : IEntityTypeConfiguration<NudgeSettings>
{
    public void Configure(EntityTypeBuilder<NudgeSettings> b)
    {
        b.ToTable("ProgrammeNudgeSettings");
        b.HasKey(s => s.ProgrammeId);
        b.HasOne<Programme>().WithMany().HasForeignKey(s => s.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.Rules);
        b.Ignore(s => s.AnyOn);
    }
}
