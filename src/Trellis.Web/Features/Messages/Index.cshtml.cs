using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Messages;

/// <summary>The conversation of a mentorship, oldest to newest, with "earlier messages" paging, a compose box,
/// and edit/delete for my own messages. Works as plain forms; /js/messages.js adds live updates.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class IndexModel(MessageHandlers handlers, MentorshipAccess access, TimeProvider time, IOptions<MessageOptions> options) : TrellisPageModel
{
    public MentorshipMembership? Membership { get; private set; }
    /// <summary>Oldest first.</summary>
    public IReadOnlyList<MessageView> Messages { get; private set; } = [];
    /// <summary>The cursor for the page before this one, if there is one.</summary>
    public string? Earlier { get; private set; }
    public bool ShowingEarlier { get; private set; }
    public Guid? Editing { get; private set; }
    public int EditMinutes => (int)options.Value.EditWindow.TotalMinutes;

    [BindProperty] public MessageForm Input { get; set; } = new();
    [BindProperty] public MessageForm Edit { get; set; } = new();

    public MessageItem Item(MessageView m) =>
        new(m, Me, Membership!.IsActive, time.GetUtcNow(), Editing == m.Id, options.Value.EditWindow);

    public async Task<IActionResult> OnGetAsync(Guid id, string? before, Guid? edit, CancellationToken ct)
    {
        var loaded = await LoadAsync(id, before, ct);
        if (loaded is not null) return loaded;
        Editing = edit;
        if (before is null) await handlers.MarkReadAsync(Me, id, ct);
        return Page();
    }

    /// <summary>One message as this member sees it: what the live script puts into the page.</summary>
    public async Task<IActionResult> OnGetMessageAsync(Guid id, Guid messageId, CancellationToken ct)
    {
        Membership = await access.FindAsync(Me, id, ct);
        if (Membership is null) return NotFound();
        var result = await handlers.GetAsync(Me, id, messageId, ct);
        return result.IsSuccess ? Partial("_Message", Item(result.Value)) : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await handlers.PostAsync(Me, id, new PostMessageRequest(Input.Body), ct);
        if (result.IsSuccess) return Redirect($"{MessageHandlers.PageLink(id)}#m-{result.Value.Number}");
        return await ShowErrorAsync(id, result.Error, "Input", null, ct);
    }

    public async Task<IActionResult> OnPostEditAsync(Guid id, Guid messageId, CancellationToken ct)
    {
        var result = await handlers.EditAsync(Me, id, messageId, new EditMessageRequest(Edit.Body, Edit.Version), ct);
        if (result.IsSuccess) return Redirect($"{MessageHandlers.PageLink(id)}#m-{result.Value.Number}");
        return await ShowErrorAsync(id, result.Error, "Edit", messageId, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid messageId, CancellationToken ct)
    {
        var result = await handlers.DeleteAsync(Me, id, messageId, ct);
        if (!result.IsSuccess) return await ShowErrorAsync(id, result.Error, "Input", null, ct);
        TempData["Status"] = "Your message is deleted.";
        return Redirect($"{MessageHandlers.PageLink(id)}#m-{result.Value.Number}");
    }

    /// <summary>The live script calls this when a message arrives while the page is visible.</summary>
    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken ct) =>
        await handlers.MarkReadAsync(Me, id, ct) ? new NoContentResult() : NotFound();

    private async Task<IActionResult> ShowErrorAsync(Guid id, Error error, string prefix, Guid? editing, CancellationToken ct)
    {
        if (error is NotFoundError) return NotFound();
        AddErrors(error, prefix);
        Editing = editing;
        return await LoadAsync(id, null, ct) ?? Page();
    }

    /// <returns>Null when loaded; otherwise what to answer instead.</returns>
    private async Task<IActionResult?> LoadAsync(Guid id, string? before, CancellationToken ct)
    {
        Membership = await access.FindAsync(Me, id, ct);
        if (Membership is not { HasWorkspace: true }) return NotFound();
        var result = await handlers.ListAsync(Me, id, before, null, ct);
        if (!result.IsSuccess) return result.Error is NotFoundError ? NotFound() : BadRequest();
        Messages = result.Value.Items.Reverse().ToList();
        Earlier = result.Value.Next;
        ShowingEarlier = before is not null;
        return null;
    }

    public sealed class MessageForm
    {
        public string? Body { get; set; }
        public int? Version { get; set; }
    }
}

/// <summary>One message on the page, with what the viewer may do with it.</summary>
public sealed record MessageItem(MessageView Message, Guid Viewer, bool MentorshipActive, DateTimeOffset Now, bool Editing, TimeSpan EditWindow)
{
    public bool Mine => Message.AuthorId == Viewer;
    public bool CanEdit => Mine && MentorshipActive && Message.EditableUntil is { } until && Now <= until;
    public bool CanDelete => Mine && Message.State == MessageState.Visible;
}
