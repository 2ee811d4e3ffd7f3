using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Files;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Critiques;

public static class CritiquesApi
{
    public static void MapCritiques(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/mentorships/{id:guid}/critiques").WithTags("Critiques").RequireAuthorization(Policies.Member);
        group.MapGet("", List).WithName("ListCritiques")
            .WithSummary("The mentorship's requests for critique, newest first.");
        group.MapGet("/{cid:guid}", Get).WithName("GetCritique")
            .WithSummary("One request with the critique and its replies.");
        group.MapPost("", Submit).WithName("SubmitCritique")
            .Accepts<SubmitCritiqueForm>("multipart/form-data")
            .DisableAntiforgery() // the form is read in Submit; cookie-signed-in callers need the header token (CookieApiForgery)
            .WithSummary("The mentee sends work: title, feedbackWanted, dueDate (yyyy-MM-dd) and either link (http/https) or file " +
                "(PDF, DOCX, PPTX, XLSX, PNG, JPEG, TXT, MD; at most Files:MaxBytes, 20 MB by default; checked by content).");
        group.MapPost("/{cid:guid}/answer", Answer).WithName("AnswerCritique")
            .WithSummary("The mentor answers with a critique (Markdown), once.");
        group.MapPost("/{cid:guid}/replies", Reply).WithName("ReplyToCritique")
            .WithSummary("Either member adds a reply (Markdown) while the request is not closed.");
        group.MapPost("/{cid:guid}/close", Close).WithName("CloseCritique")
            .WithSummary("The mentee closes the request.");
        group.MapPost("/{cid:guid}/reopen", Reopen).WithName("ReopenCritique")
            .WithSummary("The mentee reopens a closed request.");
        group.MapDelete("/{cid:guid}", Delete).WithName("DeleteCritique")
            .WithSummary("The mentee deletes the request; its file is removed from storage.");
        group.MapGet("/{cid:guid}/file", Download).WithName("DownloadCritiqueFile")
            .WithSummary("The uploaded file, as an attachment. Only the two members.");
    }

    private static async Task<Results<Ok<IReadOnlyList<CritiqueSummary>>, ProblemHttpResult>> List(Guid id, HttpContext http, CritiqueHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.ListAsync(http.User.MemberId(), id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<CritiqueView>, ProblemHttpResult>> Get(Guid id, Guid cid, HttpContext http, CritiqueHandlers handlers, CancellationToken ct) =>
        ToResult(await handlers.GetAsync(http.User.MemberId(), id, cid, ct));

    /// <summary>Reads the multipart form itself, so that a body over the limit becomes a 400 naming "file"
    /// instead of an exception, and the limit comes from configuration.</summary>
    private static async Task<Results<Created<CritiqueView>, ProblemHttpResult>> Submit(
        Guid id, HttpContext http, CritiqueHandlers handlers, IOptions<FileStoreOptions> options, CancellationToken ct)
    {
        var me = http.User.MemberId();
        var limits = options.Value;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limits.MaxRequestBytes;
        if (!http.Request.HasFormContentType) return new Invalid("file", "Send the work as multipart/form-data.").ToProblem();
        if (http.Request.ContentLength > limits.MaxRequestBytes) return TooLarge(limits);
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limits.MaxRequestBytes }, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limits);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or IOException)
        {
            // A body cut short, a boundary that never closes, a part over the form's limits.
            return new Invalid("file", $"The upload did not arrive whole, or is larger than {limits.Describe()}. Send it again.").ToProblem();
        }
        var file = form.Files.GetFile("file");
        await using var content = file?.OpenReadStream();
        var result = await handlers.SubmitAsync(me, id, new SubmitCritique(form["title"], form["feedbackWanted"], form["dueDate"], form["link"],
            file is null ? null : new WorkFile(content!, file.Length, file.FileName)), ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/mentorships/{id}/critiques/{result.Value.Id}", result.Value) : result.Error.ToProblem();
    }

    private static ProblemHttpResult TooLarge(FileStoreOptions limits) =>
        new Invalid("file", $"The file is larger than {limits.Describe()}.").ToProblem();

    private static async Task<Results<Ok<CritiqueView>, ProblemHttpResult>> Answer(Guid id, Guid cid, CritiqueText request, HttpContext http, CritiqueHandlers handlers, CancellationToken ct) =>
        ToResult(await handlers.AnswerAsync(http.User.MemberId(), id, cid, request, ct));

    private static async Task<Results<Ok<CritiqueView>, ProblemHttpResult>> Reply(Guid id, Guid cid, CritiqueText request, HttpContext http, CritiqueHandlers handlers, CancellationToken ct) =>
        ToResult(await handlers.ReplyAsync(http.User.MemberId(), id, cid, request, ct));

    private static async Task<Results<Ok<CritiqueView>, ProblemHttpResult>> Close(Guid id, Guid cid, HttpContext http, CritiqueHandlers handlers, CancellationToken ct) =>
        ToResult(await handlers.CloseAsync(http.User.MemberId(), id, cid, ct));

    private static async Task<Results<Ok<CritiqueView>, ProblemHttpResult>> Reopen(Guid id, Guid cid, HttpContext http, CritiqueHandlers handlers, CancellationToken ct) =>
        ToResult(await handlers.ReopenAsync(http.User.MemberId(), id, cid, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, Guid cid, HttpContext http, CritiqueHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.DeleteAsync(http.User.MemberId(), id, cid, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(Guid id, Guid cid, HttpContext http, CritiqueHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.OpenFileAsync(http.User.MemberId(), id, cid, ct);
        if (!result.IsSuccess) return result.Error.ToProblem();
        var (file, content) = result.Value;
        var headers = http.Response.Headers;
        headers.ContentDisposition = FileNames.AttachmentHeader(file.Name);
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-store";
        // Even a file that is meant to be read in a browser (a PDF, an image) must not run anything.
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.Stream(content, file.ContentType);
    }

    private static Results<Ok<CritiqueView>, ProblemHttpResult> ToResult(Result<CritiqueView> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
}
