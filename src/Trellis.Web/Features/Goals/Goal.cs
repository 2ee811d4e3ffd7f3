namespace Trellis.Web.Features.Goals;

/// <summary>What the owner sends to create or change a goal; <see cref="Version"/> is required to change one.</summary>
public sealed record GoalInput(string? Title, string? WhyItMatters, DateOnly? TargetDate, string? MeasurableOutcome, Guid? Version = null);

/// <summary>
/// One of a mentee's career goals. It belongs to the member, not to a mentorship: linking it to a mentorship
/// (<see cref="GoalLink"/>) lets that mentorship's mentor see it and comment with progress notes; an unlinked
/// goal is private to its owner. Only the owner changes the goal and its milestones.
/// </summary>
public sealed class Goal
{
    public const int TitleMax = 200, WhyMax = 2000, OutcomeMax = 1000, MilestonesMax = 30;

    private readonly List<GoalMilestone> _milestones = [];
    private readonly List<GoalNote> _notes = [];
    private readonly List<GoalLink> _links = [];

    private Goal() { }

    private Goal(Guid ownerId, string title, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        OwnerId = ownerId;
        Title = title;
        CreatedAt = at;
        UpdatedAt = at;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid OwnerId { get; private set; }
    public string Title { get; private set; } = "";
    public string WhyItMatters { get; private set; } = "";
    public DateOnly? TargetDate { get; private set; }
    public string MeasurableOutcome { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>Changes on every edit of the goal's own fields: two edits from the same version → the second gets 409.</summary>
    public Guid Version { get; private set; }

    public IReadOnlyList<GoalMilestone> Milestones => _milestones;
    public IReadOnlyList<GoalNote> Notes => _notes;
    public IReadOnlyList<GoalLink> Links => _links;

    public static Result<Goal> Create(Guid ownerId, GoalInput input, DateOnly today, DateTimeOffset at)
    {
        if (Validate(input, today, previousTarget: null) is { } invalid) return invalid;
        var goal = new Goal(ownerId, input.Title!.Trim(), at);
        goal.Apply(input);
        return goal;
    }

    /// <summary>A goal named in the agreement, with nothing but its title yet.</summary>
    public static Goal FromAgreement(Guid ownerId, string title, DateTimeOffset at) => new(ownerId, title.Trim(), at);

    public Error? Edit(GoalInput input, DateOnly today, DateTimeOffset at)
    {
        var errors = Validate(input, today, TargetDate)?.Errors ?? new Dictionary<string, string[]>();
        if (input.Version is null) errors["version"] = ["Send the version of the goal you are changing."];
        if (errors.Count > 0) return new Invalid(errors);
        if (input.Version != Version) return Stale;
        Apply(input);
        UpdatedAt = at;
        Version = Guid.NewGuid();
        return null;
    }

    public static readonly ConflictError Stale = new("This goal was changed in the meantime. Reload it to see what changed.");

    public Result<GoalMilestone> AddMilestone(string? title, DateOnly? dueDate, DateTimeOffset at)
    {
        title = title?.Trim() ?? "";
        if (title.Length == 0) return new Invalid("title", "Name the milestone.");
        if (title.Length > TitleMax) return new Invalid("title", $"Must be at most {TitleMax} characters.");
        if (_milestones.Count >= MilestonesMax) return new ConflictError($"A goal can have at most {MilestonesMax} milestones.");
        var milestone = new GoalMilestone(Id, title, dueDate, _milestones.Count == 0 ? 1 : _milestones.Max(m => m.Position) + 1, at);
        _milestones.Add(milestone);
        UpdatedAt = at;
        return milestone;
    }

    public Error? ChangeMilestone(Guid milestoneId, string? title, DateOnly? dueDate, bool done, DateTimeOffset at)
    {
        if (_milestones.SingleOrDefault(m => m.Id == milestoneId) is not { } milestone) return new NotFoundError("No such milestone.");
        title = title?.Trim() ?? "";
        if (title.Length == 0) return new Invalid("title", "Name the milestone.");
        if (title.Length > TitleMax) return new Invalid("title", $"Must be at most {TitleMax} characters.");
        milestone.Change(title, dueDate, done, at);
        UpdatedAt = at;
        return null;
    }

    public Error? RemoveMilestone(Guid milestoneId)
    {
        if (_milestones.SingleOrDefault(m => m.Id == milestoneId) is not { } milestone) return new NotFoundError("No such milestone.");
        _milestones.Remove(milestone);
        return null;
    }

    /// <param name="mentorshipId">The mentorship a mentor wrote it in (only that mentor and the owner see it); null for the owner's own notes.</param>
    public Result<GoalNote> AddNote(Guid authorId, Guid? mentorshipId, string? text, DateTimeOffset at)
    {
        text = text?.Trim() ?? "";
        if (text.Length == 0) return new Invalid("text", "Write the note.");
        if (text.Length > GoalNote.TextMax) return new Invalid("text", $"Must be at most {GoalNote.TextMax} characters.");
        var note = new GoalNote(Id, authorId, mentorshipId, text, at);
        _notes.Add(note);
        return note;
    }

    /// <summary>True if it was not linked yet.</summary>
    public bool LinkTo(Guid mentorshipId, DateTimeOffset at)
    {
        if (_links.Any(l => l.MentorshipId == mentorshipId)) return false;
        _links.Add(new GoalLink(Id, mentorshipId, at));
        return true;
    }

    public bool Unlink(Guid mentorshipId) => _links.RemoveAll(l => l.MentorshipId == mentorshipId) > 0;

    private void Apply(GoalInput input)
    {
        Title = input.Title!.Trim();
        WhyItMatters = input.WhyItMatters?.Trim() ?? "";
        TargetDate = input.TargetDate;
        MeasurableOutcome = input.MeasurableOutcome?.Trim() ?? "";
    }

    /// <summary>A target date may not be set in the past, but a goal whose date has passed can still be edited without moving it.</summary>
    private static Invalid? Validate(GoalInput input, DateOnly today, DateOnly? previousTarget)
    {
        var errors = new Dictionary<string, string[]>();
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0) errors["title"] = ["Name the goal."];
        else if (title.Length > TitleMax) errors["title"] = [$"Must be at most {TitleMax} characters."];
        if (input.WhyItMatters?.Trim().Length > WhyMax) errors["whyItMatters"] = [$"Must be at most {WhyMax} characters."];
        if (input.MeasurableOutcome?.Trim().Length > OutcomeMax) errors["measurableOutcome"] = [$"Must be at most {OutcomeMax} characters."];
        if (input.TargetDate is { } target && target < today && target != previousTarget)
            errors["targetDate"] = [$"Must be today ({today:yyyy-MM-dd}) or later."];
        return errors.Count > 0 ? new Invalid(errors) : null;
    }
}

public sealed class GoalMilestone
{
    private GoalMilestone() { }

    internal GoalMilestone(Guid goalId, string title, DateOnly? dueDate, int position, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        GoalId = goalId;
        Title = title;
        DueDate = dueDate;
        Position = position;
    }

    public Guid Id { get; private set; }
    public Guid GoalId { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly? DueDate { get; private set; }
    public bool Done { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public int Position { get; private set; }

    internal void Change(string title, DateOnly? dueDate, bool done, DateTimeOffset at)
    {
        Title = title;
        DueDate = dueDate;
        if (done && !Done) DoneAt = at;
        if (!done) DoneAt = null;
        Done = done;
    }
}

/// <summary>A dated progress note in Markdown, by the owner or by a mentor of a linked mentorship.</summary>
public sealed class GoalNote
{
    public const int TextMax = 4000;

    private GoalNote() { }

    internal GoalNote(Guid goalId, Guid authorId, Guid? mentorshipId, string text, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        GoalId = goalId;
        AuthorId = authorId;
        MentorshipId = mentorshipId;
        Text = text;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid GoalId { get; private set; }
    public Guid AuthorId { get; private set; }
    public Guid? MentorshipId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}

/// <summary>The goal is shared with this mentorship: its mentor sees the goal.</summary>
public sealed class GoalLink
{
    private GoalLink() { }

    internal GoalLink(Guid goalId, Guid mentorshipId, DateTimeOffset at)
    {
        GoalId = goalId;
        MentorshipId = mentorshipId;
        LinkedAt = at;
    }

    public Guid GoalId { get; private set; }
    public Guid MentorshipId { get; private set; }
    public DateTimeOffset LinkedAt { get; private set; }
}
