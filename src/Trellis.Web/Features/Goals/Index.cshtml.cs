using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Goals;

/// <summary>/Goals: my career goals, and a form for a new one.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class IndexModel(GoalHandlers handlers) : TrellisPageModel
{
    public IReadOnlyList<GoalView> Goals { get; private set; } = [];
    public IReadOnlyList<LinkView> Linkable { get; private set; } = [];

    [BindProperty] public GoalForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await handlers.CreateAsync(Me, new CreateGoal(Input.Title, Input.WhyItMatters, Input.TargetDate, Input.MeasurableOutcome, Input.MentorshipIds), ct);
        if (result.IsSuccess)
        {
            TempData["Status"] = "Goal added.";
            return Redirect(GoalHandlers.MineLink(result.Value.Id));
        }
        AddErrors(result.Error);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Goals = await handlers.ListMineAsync(Me, ct);
        Linkable = await handlers.LinkableMentorshipsAsync(Me, ct);
    }

    public sealed class GoalForm
    {
        public string? Title { get; set; }
        public string? WhyItMatters { get; set; }
        public DateOnly? TargetDate { get; set; }
        public string? MeasurableOutcome { get; set; }
        public Guid? Version { get; set; }
        public List<Guid> MentorshipIds { get; set; } = [];
    }
}
