namespace Trellis.Web.Features.Programmes;

/// <summary>
/// A mentoring programme a coordinator runs: a cohort (enrolment opens and closes, a matching day, a
/// running period) or an evergreen programme (rolling enrolment). Owns its state machine
/// (docs/programmes.md): each move checks the state and refuses an illegal one with a
/// <see cref="ProgrammeError"/>. Who may make a move (a coordinator) is decided by the query that found it.
/// </summary>
public sealed class Programme
{
    public const int NameMax = 120, SlugMax = 40, DescriptionMax = 10_000, TermMax = 30;

    private Programme() { }

    public Programme(string slug, string name, ProgrammeKind kind, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        Slug = slug;
        Name = name;
        Kind = kind;
        Status = ProgrammeStatus.Draft;
        CreatedAt = at;
        Touch(at);
    }

    public Guid Id { get; private set; }

    /// <summary>The short address (/Programmes/{slug}); fixed at creation so links in invitations keep working.</summary>
    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public ProgrammeKind Kind { get; private set; }
    public ProgrammeStatus Status { get; private set; }

    /// <summary>Hidden from lists, read-only, history kept.</summary>
    public DateTimeOffset? ArchivedAt { get; private set; }

    public DateOnly? EnrolmentOpensOn { get; private set; }
    public DateOnly? EnrolmentClosesOn { get; private set; }
    public DateOnly? MatchingOn { get; private set; }
    public DateOnly? RunsFrom { get; private set; }
    public DateOnly? RunsUntil { get; private set; }

    /// <summary>The programme's own words for the roles ("student", "alumnus"); empty means mentee / mentor.</summary>
    public string MenteeTerm { get; private set; } = "";
    public string MentorTerm { get; private set; } = "";

    public EnrolmentRules MenteeEnrolment { get; private set; } = new();
    public EnrolmentRules MentorEnrolment { get; private set; } = new();

    public MatchingMode MatchingMode { get; private set; } = MatchingMode.Bulk;
    public BulkMethod BulkMethod { get; private set; } = BulkMethod.Optimal;

    /// <summary>Mentee choice: how many requests to the programme's mentors a mentee may have open at once.</summary>
    public int MaxOpenRequests { get; private set; } = 3;

    /// <summary>The capacity a mentor gets for this programme unless they (or the import) say otherwise.</summary>
    public int DefaultMentorCapacity { get; private set; } = 1;

    /// <summary>The agreement every approved pair starts from (the mentee's goals are added to it).</summary>
    public ProgrammeTemplate Template { get; private set; } = ProgrammeTemplate.Default;

    /// <summary>The introduction e-mail both members of an approved pair receive; {mentee}, {mentor}, {programme}.</summary>
    public string IntroSubject { get; private set; } = DefaultIntroSubject;
    public string IntroBody { get; private set; } = DefaultIntroBody;

    /// <summary>When true an approved pair is asked to accept the match and starts as active once both have,
    /// with the template as the agreement in force; otherwise the template is sent as a proposal to negotiate.</summary>
    public bool StartDirectly { get; private set; }

    public const string DefaultIntroSubject = "{programme}: meet {mentor} and {mentee}";
    public const string DefaultIntroBody =
        "Hello {mentee} and {mentor},\n\nThe coordinators of {programme} think you two would work well together. " +
        "The proposal below is a starting point for your mentorship: read it, change what does not suit you, " +
        "and agree on it together.\n\nEnjoy the conversations.";

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Changes on every change, so two coordinators saving at once cannot both win.</summary>
    public Guid Version { get; private set; }

    public bool IsArchived => ArchivedAt is not null;

    public string MenteeWord => MenteeTerm.Length > 0 ? MenteeTerm : "mentee";
    public string MentorWord => MentorTerm.Length > 0 ? MentorTerm : "mentor";
    public string WordFor(ProgrammeRole role) => role == ProgrammeRole.Mentee ? MenteeWord : MentorWord;

    /// <summary>People can enrol: a cohort while enrolling, an evergreen programme while enrolling or running.</summary>
    public bool AcceptsEnrolment => !IsArchived && (Status == ProgrammeStatus.Enrolling
        || (Kind == ProgrammeKind.Evergreen && Status == ProgrammeStatus.Running));

    /// <summary>Pairs can be made: a cohort while matching or running (late joiners), an evergreen one whenever it is open.</summary>
    public bool AcceptsMatching => !IsArchived && Status is ProgrammeStatus.Matching or ProgrammeStatus.Running
        || (!IsArchived && Kind == ProgrammeKind.Evergreen && Status == ProgrammeStatus.Enrolling);

    /// <summary>Members other than coordinators can see the programme's page once it is no longer a draft.</summary>
    public bool IsPublished => Status != ProgrammeStatus.Draft && !IsArchived;

    public void Describe(ProgrammeDetails details, DateTimeOffset at)
    {
        Name = details.Name;
        Description = details.Description;
        Kind = details.Kind;
        EnrolmentOpensOn = details.EnrolmentOpensOn;
        EnrolmentClosesOn = details.EnrolmentClosesOn;
        MatchingOn = details.MatchingOn;
        RunsFrom = details.RunsFrom;
        RunsUntil = details.RunsUntil;
        MenteeTerm = details.MenteeTerm;
        MentorTerm = details.MentorTerm;
        Touch(at);
    }

    public EnrolmentRules EnrolmentFor(ProgrammeRole role) => role == ProgrammeRole.Mentee ? MenteeEnrolment : MentorEnrolment;

    public void SetEnrolment(EnrolmentRules mentees, EnrolmentRules mentors, int defaultMentorCapacity, DateTimeOffset at)
    {
        MenteeEnrolment = mentees;
        MentorEnrolment = mentors;
        DefaultMentorCapacity = defaultMentorCapacity;
        Touch(at);
    }

    public void SetMatching(ProgrammeMatchingSettings settings, DateTimeOffset at)
    {
        MatchingMode = settings.Mode;
        BulkMethod = settings.BulkMethod;
        MaxOpenRequests = settings.MaxOpenRequests;
        StartDirectly = settings.StartDirectly;
        Template = settings.Template;
        IntroSubject = settings.IntroSubject;
        IntroBody = settings.IntroBody;
        Touch(at);
    }

    /// <summary>The moves a coordinator can make from the current state, in the order a programme takes them.</summary>
    public IReadOnlyList<ProgrammeStatus> NextStates() => IsArchived ? [] : (Kind, Status) switch
    {
        (_, ProgrammeStatus.Draft) => [ProgrammeStatus.Enrolling],
        (ProgrammeKind.Cohort, ProgrammeStatus.Enrolling) => [ProgrammeStatus.Matching, ProgrammeStatus.Closed],
        (ProgrammeKind.Evergreen, ProgrammeStatus.Enrolling) => [ProgrammeStatus.Running, ProgrammeStatus.Closed],
        (_, ProgrammeStatus.Matching) => [ProgrammeStatus.Running, ProgrammeStatus.Enrolling, ProgrammeStatus.Closed],
        (_, ProgrammeStatus.Running) => [ProgrammeStatus.Closed],
        _ => [],
    };

    public ProgrammeError? MoveTo(ProgrammeStatus to, DateTimeOffset at)
    {
        if (IsArchived) return ProgrammeError.WrongState("This programme is archived; it can no longer change.");
        if (!NextStates().Contains(to))
            return ProgrammeError.WrongState($"A {Kind.ToString().ToLowerInvariant()} programme that is " +
                $"{Describe(Status)} cannot become {Describe(to)}.");
        if (to == ProgrammeStatus.Enrolling && Kind == ProgrammeKind.Cohort && Status == ProgrammeStatus.Draft
            && EnrolmentClosesOn is null)
            return ProgrammeError.Invalid("enrolmentClosesOn", "A cohort needs the day enrolment closes before it opens.");
        Status = to;
        if (to == ProgrammeStatus.Closed) ClosedAt = at;
        Touch(at);
        return null;
    }

    /// <summary>Winding down closes a running programme; its handler ends the running pairs with notice. (Closing
    /// by a move leaves the pairs to run to their agreed end: they belong to their members.)</summary>
    public ProgrammeError? WindDown(DateTimeOffset at) => Status == ProgrammeStatus.Running
        ? MoveTo(ProgrammeStatus.Closed, at)
        : ProgrammeError.WrongState($"Only a running programme can be wound down; this one is {Describe(Status)}.");

    /// <summary>Archiving keeps everything; only a draft or a closed programme can be archived.</summary>
    public ProgrammeError? Archive(DateTimeOffset at)
    {
        if (IsArchived) return ProgrammeError.WrongState("This programme is archived already.");
        if (Status is not (ProgrammeStatus.Draft or ProgrammeStatus.Closed))
            return ProgrammeError.WrongState("Close the programme before archiving it.");
        ArchivedAt = at;
        Touch(at);
        return null;
    }

    public static string Describe(ProgrammeStatus status) => status switch
    {
        ProgrammeStatus.Draft => "a draft",
        ProgrammeStatus.Enrolling => "enrolling",
        ProgrammeStatus.Matching => "matching",
        ProgrammeStatus.Running => "running",
        _ => "closed",
    };

    public void Touch(DateTimeOffset at)
    {
        UpdatedAt = at;
        Version = Guid.NewGuid();
    }
}

/// <summary>What a coordinator edits about a programme; validated by <see cref="ProgrammeInput"/> first.</summary>
public sealed record ProgrammeDetails(
    string Name, string Description, ProgrammeKind Kind, DateOnly? EnrolmentOpensOn, DateOnly? EnrolmentClosesOn,
    DateOnly? MatchingOn, DateOnly? RunsFrom, DateOnly? RunsUntil, string MenteeTerm, string MentorTerm);

public enum ProgrammeKind
{
    Cohort,
    Evergreen,
}

public enum ProgrammeStatus
{
    Draft,
    Enrolling,
    Matching,
    Running,
    Closed,
}

public enum ProgrammeRole
{
    Mentee,
    Mentor,
}
