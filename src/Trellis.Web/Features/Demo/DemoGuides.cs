using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Guides;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Demo;

/// <summary>
/// The demo's guides: the site's first guide (as every new site has it) with a question a member asked and a mentor
/// answered, and a guide the demo coordinator wrote for the running programme's participants, with a question whose
/// answer is marked. Everything goes through the guide handlers; a guide that exists already is left as it is.
/// </summary>
public static class DemoGuides
{
    public const string ProgrammeGuideTitle = "Your first month in the circle";

    public static async Task<IReadOnlyList<string>> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await FirstGuide.EnsureAsync(services, ct);
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<TrellisDbContext>();
        var questions = sp.GetRequiredService<QuestionHandlers>();
        var slugs = new List<string> { FirstGuide.Slug };

        var running = await db.Programmes.Where(p => p.Slug == DemoProgrammes.RunningSlug).Select(p => new { p.Id }).SingleOrDefaultAsync(ct);
        var coordinator = await db.Users.Where(u => u.NormalizedEmail == DemoProgrammes.CoordinatorEmail.ToUpperInvariant()).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
        if (running is null || coordinator is not { } author) return slugs;
        var people = await db.Participants.Where(p => p.ProgrammeId == running.Id).OrderBy(p => p.MemberId)
            .Select(p => new { p.MemberId, p.Role }).ToListAsync(ct);
        var mentee = people.First(p => p.Role == Programmes.ProgrammeRole.Mentee).MemberId;
        var mentor = people.First(p => p.Role == Programmes.ProgrammeRole.Mentor).MemberId;

        var first = await db.Guides.Where(g => g.Slug == FirstGuide.Slug).Select(g => g.Id).SingleAsync(ct);
        if (!await db.GuideQuestions.AnyAsync(q => q.GuideId == first, ct))
        {
            var asked = await questions.AskAsync(mentee, first, new AskQuestion("How do I bring up confidentiality without sounding suspicious?"), ct);
            if (asked.IsSuccess)
                await questions.AnswerAsync(mentor, first, asked.Value.Id, new AnswerQuestion(
                    "Make it about both of you: \"What we talk about stays between us unless we agree otherwise — does that work for you?\" Most mentors are glad you asked."), ct);
        }

        var existing = await db.Guides.Where(g => g.ProgrammeId == running.Id && g.Title == ProgrammeGuideTitle).Select(g => g.Slug).FirstOrDefaultAsync(ct);
        if (existing is not null) return [.. slugs, existing];
        var written = await sp.GetRequiredService<GuideHandlers>().CreateAsync(author, new WriteGuide(ProgrammeGuideTitle,
            "Welcome to the circle. In your first month:\n\n1. Meet your mentor once, for about an hour.\n2. Write down together what you want from the next three months; Trellis keeps it as your agreement.\n3. Plan the next meeting before you end the first.\n\nIf you are stuck, ask below — the coordinators read every question.",
            nameof(GuideVisibility.ProgrammeOnly), running.Id), ct);
        if (!written.IsSuccess) return slugs;
        var question = await questions.AskAsync(mentee, written.Value.Id, new AskQuestion("Can we meet by phone instead of video?"), ct);
        if (question.IsSuccess)
        {
            var answered = await questions.AnswerAsync(author, written.Value.Id, question.Value.Id,
                new AnswerQuestion("Yes — any way that suits you both. Put it in your agreement so it is clear."), ct);
            if (answered.IsSuccess)
                await questions.MarkAsync(author, written.Value.Id, question.Value.Id, new MarkAnswer(answered.Value.Answers[^1].Id), ct);
        }
        return [.. slugs, written.Value.Slug];
    }
}
