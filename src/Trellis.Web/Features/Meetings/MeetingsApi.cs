using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Meetings;

public static class MeetingsApi
{
    public static void MapMeetings(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/mentorships/{id:guid}/meetings").WithTags("Meetings").RequireAuthorization(Policies.Member);
        group.MapGet("", List).WithName("ListMeetings").WithSummary("Every meeting of the mentorship, earliest first, with times in my own zone.");
        group.MapPost("", Propose).WithName("ProposeMeeting")
            .WithSummary("Propose a meeting: start (local time in timeZone, default my profile's zone) and end or minutes (15–240).");
        group.MapGet("/{meetingId:guid}", Get).WithName("GetMeeting").WithSummary("One meeting with its agenda, shared notes, my private notes and action items.");
        group.MapGet("/{meetingId:guid}.ics", Ics).WithName("DownloadMeetingIcs").WithSummary("The meeting as an iCalendar file (same UID and SEQUENCE as in the feed).");
        group.MapPost("/{meetingId:guid}/accept", Accept).WithName("AcceptMeeting").WithSummary("Confirm a proposed time. 409 if the version is stale.");
        group.MapPost("/{meetingId:guid}/reschedule", Reschedule).WithName("RescheduleMeeting").WithSummary("Propose a new time; the other member confirms it. 409 if the version is stale.");
        group.MapPost("/{meetingId:guid}/cancel", Cancel).WithName("CancelMeeting").WithSummary("Cancel, with a note for the other member.");
        group.MapPut("/{meetingId:guid}/call", SetCall).WithName("SetMeetingCallDetails")
            .WithSummary("Set how to join: an https video link or a phone number (empty clears them). Only the pair sees them.");
        group.MapPost("/{meetingId:guid}/agenda", AddAgenda).WithName("AddAgendaItem").WithSummary("Add something to talk about, before the meeting.");
        group.MapPost("/{meetingId:guid}/notes", AddNote).WithName("AddMeetingNote").WithSummary("Add a shared note, or a private one only I will ever see (Markdown).");
        group.MapPut("/{meetingId:guid}/notes/{noteId:guid}", EditNote).WithName("EditMeetingNote").WithSummary("Edit one of my own notes.");
        group.MapPost("/{meetingId:guid}/actions", AddAction).WithName("AddActionItem").WithSummary("Add an action item for one of the two members, with an optional due date.");
        group.MapPut("/{meetingId:guid}/actions/{actionId:guid}/done", SetDone).WithName("SetActionItemDone").WithSummary("Mark an action item done or not done.");

        var me = api.MapGroup("/me").WithTags("Meetings").RequireAuthorization(Policies.Member);
        me.MapGet("/meetings", Upcoming).WithName("ListMyUpcomingMeetings").WithSummary("My meetings still to come, across all my mentorships.");
        me.MapGet("/calendar", GetFeed).WithName("GetCalendarFeed").WithSummary("Whether I have a calendar feed, and my reminder settings. The address itself is only shown when made.");
        me.MapPost("/calendar", RegenerateFeed).WithName("RegenerateCalendarFeed").WithSummary("Make a new private feed address; any earlier one stops working.");
        me.MapDelete("/calendar", RevokeFeed).WithName("RevokeCalendarFeed").WithSummary("Turn my calendar feed off.");
        me.MapPut("/calendar/reminders", SetReminders).WithName("SetMeetingReminders").WithSummary("Which meeting reminders I want: a day before, an hour before.");
    }

    /// <summary>
    /// The private feed calendar apps poll. Anonymous by design (they cannot sign in): the 256-bit token in
    /// the address is the credential. Never cached by proxies, never logged by Trellis.
    /// </summary>
    public static void MapCalendarFeed(this IEndpointRouteBuilder app) =>
        app.MapGet("/calendar/{token}.ics", Feed).AllowAnonymous().ExcludeFromDescription();

    private static async Task<IResult> Feed(string token, CalendarFeeds feeds, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "private, no-store";
        // FeedTokenRedaction moved the token out of the path before anything could log it.
        var ics = await feeds.FeedAsync(http.Items[FeedTokenRedaction.TokenKey] as string ?? token, ct);
        return ics is null ? Results.NotFound() : Results.Text(ics, MeetingCalendar.ContentType);
    }

    private static async Task<Results<Ok<IReadOnlyList<MeetingSummary>>, ProblemHttpResult>> List(Guid id, HttpContext http, MeetingHandlers h, CancellationToken ct) =>
        Answer(await h.ListAsync(http.User.MemberId(), id, ct));

    private static async Task<Results<Created<MeetingDetails>, ProblemHttpResult>> Propose(Guid id, ProposeMeetingRequest request, HttpContext http, MeetingHandlers h, CancellationToken ct)
    {
        var result = await h.ProposeAsync(http.User.MemberId(), id, request, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/mentorships/{id}/meetings/{result.Value.Meeting.Id}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<MeetingDetails>, ProblemHttpResult>> Get(Guid id, Guid meetingId, HttpContext http, MeetingHandlers h, CancellationToken ct) =>
        Answer(await h.GetAsync(http.User.MemberId(), id, meetingId, ct));

    private static async Task<IResult> Ics(Guid id, Guid meetingId, HttpContext http, MeetingHandlers h, CancellationToken ct)
    {
        var result = await h.IcsAsync(http.User.MemberId(), id, meetingId, ct);
        if (!result.IsSuccess) return result.Error.ToProblem();
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.File(System.Text.Encoding.UTF8.GetBytes(result.Value), MeetingCalendar.ContentType, $"meeting-{meetingId:N}.ics");
    }

    private static async Task<Results<Ok<MeetingDetails>, ProblemHttpResult>> Accept(Guid id, Guid meetingId, AcceptMeetingRequest request, HttpContext http, MeetingHandlers h, CancellationToken ct) =>
        Answer(await h.AcceptAsync(http.User.MemberId(), id, meetingId, request, ct));

    private static async Task<Results<Ok<MeetingDetails>, ProblemHttpResult>> Reschedule(Guid id, Guid meetingId, RescheduleMeetingRequest request, HttpContext http, MeetingHandlers h, CancellationToken ct) =>
        Answer(await h.RescheduleAsync(http.User.MemberId(), id, meetingId, request, ct));

    private static async Task<Results<Ok<MeetingDetails>, ProblemHttpResult>> Cancel(Guid id, Guid meetingId, CancelMeetingRequest request, HttpContext http, MeetingHandlers h, CancellationToken ct) =>
        Answer(await h.CancelAsync(http.User.MemberId(), id, meetingId, request, ct));

    private static async Task<Results<Ok<MeetingDetails>, ProblemHttpResult>> SetCall(Guid id, Guid meetingId, CallDetailsRequest request, HttpContext http, MeetingHandlers h, CancellationToken ct) =>
        Answer(await h.SetCallDetailsAsync(http.User.MemberId(), id, meetingId, request, ct));

    private static async Task<Results<Ok<MeetingDetails>, ProblemHttpResult>> AddAgenda(Guid id, Guid meetingId, AgendaItemRequest request, HttpContext http, MeetingHandlers h, CancellationToken ct) =>
        Answer(await h.AddAgendaItemAsync(http.User.MemberId(), id, meetingId, request, ct));

    private static async Task<Results<Ok<MeetingDetails>, ProblemHttpResult>> AddNote(Guid id, Guid meetingId, NoteRequest request, HttpContext http, MeetingHandlers h, CancellationToken ct) =>
        Answer(await h.AddNoteAsync(http.User.MemberId(), id, meetingId, request, ct));

    private static async Task<Results<Ok<MeetingDetails>, ProblemHttpResult>> EditNote(Guid id, Guid meetingId, Guid noteId, NoteRequest request, HttpContext http, MeetingHandlers h, CancellationToken ct) =>
        Answer(await h.EditNoteAsync(http.User.MemberId(), id, meetingId, noteId, request, ct));

    private static async Task<Results<Ok<MeetingDetails>, ProblemHttpResult>> AddAction(Guid id, Guid meetingId, ActionItemRequest request, HttpContext http, MeetingHandlers h, CancellationToken ct) =>
        Answer(await h.AddActionItemAsync(http.User.MemberId(), id, meetingId, request, ct));

    private static async Task<Results<Ok<MeetingDetails>, ProblemHttpResult>> SetDone(Guid id, Guid meetingId, Guid actionId, ActionDoneRequest request, HttpContext http, MeetingHandlers h, CancellationToken ct) =>
        Answer(await h.SetActionDoneAsync(http.User.MemberId(), id, meetingId, actionId, request, ct));

    private static async Task<Ok<IReadOnlyList<MeetingSummary>>> Upcoming(HttpContext http, MeetingHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.UpcomingAsync(http.User.MemberId(), 50, ct));

    private static async Task<Ok<CalendarFeedView>> GetFeed(HttpContext http, CalendarFeeds feeds, CancellationToken ct) =>
        TypedResults.Ok(await feeds.GetAsync(http.User.MemberId(), ct));

    private static async Task<Ok<CalendarFeedView>> RegenerateFeed(HttpContext http, CalendarFeeds feeds, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await feeds.RegenerateAsync(http.User.MemberId(), ct));
    }

    private static async Task<Ok<CalendarFeedView>> RevokeFeed(HttpContext http, CalendarFeeds feeds, CancellationToken ct) =>
        TypedResults.Ok(await feeds.RevokeAsync(http.User.MemberId(), ct));

    private static async Task<Ok<CalendarFeedView>> SetReminders(ReminderSettingsRequest request, HttpContext http, CalendarFeeds feeds, CancellationToken ct) =>
        TypedResults.Ok(await feeds.SetRemindersAsync(http.User.MemberId(), request, ct));

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
}
