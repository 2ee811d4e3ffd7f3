using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.FindMentor;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.MenteeChoice;

public static class MenteeChoiceApi
{
    public static void MapMenteeChoice(this RouteGroupBuilder api)
    {
        api.MapGet("/programmes/{id:guid}/mentors", Search).WithTags("Programmes").WithName("FindProgrammeMentors")
            .RequireAuthorization(Policies.Member)
            .WithSummary("A mentee-choice programme's mentors for one of its enrolled mentees, best match first, with the reasons.");
    }

    private static Task<Results<Ok<ProgrammeMentorResults>, ProblemHttpResult>> Search(Guid id, HttpContext http,
        ProgrammeMentors mentors, CancellationToken ct, string? q = null, [FromQuery] string[]? languages = null,
        int page = 1, int pageSize = 20) =>
        mentors.SearchAsync(http.User.MemberId(), id,
            new MentorQuery { Q = q, Languages = languages ?? [], Page = page, PageSize = pageSize }, ct).ToOk();
}
