using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Programmes.Matching;

/// <summary>
/// The programme's hard enrolment questions, which matching never breaks: <see cref="HardRule.Different"/> ("not
/// the same manager or team": two people who gave the same answer are never paired) and <see cref="HardRule.Same"/>
/// ("the same site": only people who gave the same answer are). Only questions asked of both roles can compare a
/// mentee with a mentor; answers are compared exactly, ignoring case. The board and the bulk run both use this.
/// </summary>
public sealed class HardAnswers
{
    private readonly IReadOnlyList<(Guid Id, HardRule Rule)> _questions;
    private readonly Dictionary<(Guid, ProgrammeRole), Dictionary<Guid, string>> _answers;

    private HardAnswers(IReadOnlyList<(Guid, HardRule)> questions, Dictionary<(Guid, ProgrammeRole), Dictionary<Guid, string>> answers)
    {
        _questions = questions;
        _answers = answers;
    }

    public bool IsEmpty => _questions.Count == 0;

    /// <summary>The hard questions and the answers of the given participants (all enrolled ones if null).</summary>
    public static async Task<HardAnswers> LoadAsync(TrellisDbContext db, Guid programmeId, IQueryable<Participant> participants,
        CancellationToken ct)
    {
        var questions = (await db.EnrolmentQuestions.AsNoTracking()
                .Where(q => q.ProgrammeId == programmeId && q.Use == QuestionUse.Hard && q.Role == null)
                .Select(q => new { q.Id, q.HardRule }).ToListAsync(ct))
            .Select(q => (q.Id, q.HardRule)).ToList();
        var answers = new Dictionary<(Guid, ProgrammeRole), Dictionary<Guid, string>>();
        if (questions.Count == 0) return new HardAnswers(questions, answers);
        var ids = questions.Select(q => q.Id).ToHashSet();
        foreach (var p in await participants.AsNoTracking().Select(p => new { p.MemberId, p.Role, p.Answers }).ToListAsync(ct))
            answers[(p.MemberId, p.Role)] = p.Answers.Where(a => ids.Contains(a.QuestionId) && a.Values.Count > 0)
                .ToDictionary(a => a.QuestionId, a => a.Values[0].Trim().ToUpperInvariant());
        return new HardAnswers(questions, answers);
    }

    /// <summary>The first "different" question: the bulk engine checks it for every pair itself (its organisation unit).</summary>
    public Guid? UnitQuestion => _questions.Where(q => q.Rule == HardRule.Different).Select(q => (Guid?)q.Id).FirstOrDefault();

    /// <summary>Whether any hard question besides <see cref="UnitQuestion"/> must be checked pair by pair.</summary>
    public bool BeyondUnit => _questions.Count > (UnitQuestion is null ? 0 : 1);

    public string? Answer(Guid memberId, ProgrammeRole role, Guid questionId) =>
        _answers.GetValueOrDefault((memberId, role))?.GetValueOrDefault(questionId);

    public bool Allows(Guid menteeId, Guid mentorId)
    {
        if (_questions.Count == 0) return true;
        var mentee = _answers.GetValueOrDefault((menteeId, ProgrammeRole.Mentee)) ?? [];
        var mentor = _answers.GetValueOrDefault((mentorId, ProgrammeRole.Mentor)) ?? [];
        foreach (var (id, rule) in _questions)
        {
            var same = mentee.TryGetValue(id, out var a) && mentor.TryGetValue(id, out var b) && a == b;
            if (same == (rule == HardRule.Different)) return false;
        }
        return true;
    }
}
