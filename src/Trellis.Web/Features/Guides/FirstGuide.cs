using Microsoft.EntityFrameworkCore;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Guides;

/// <summary>
/// The guide every Trellis site starts with: how to start a mentorship, in Trellis's own words (after the advice in
/// the product's seed article). Written at start-up and by the demo, once: a site that has it (by its slug) keeps its
/// own edits, and two nodes starting together insert it once (the unique slug lets one through).
/// </summary>
public static class FirstGuide
{
    public const string Slug = "how-to-start-a-mentorship";
    public const string Title = "How to start a mentorship";

    public static async Task<bool> EnsureAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        if (await db.Guides.AnyAsync(g => g.Slug == Slug, ct)) return false;
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        db.Guides.Add(new Guide(Slug, Title, Body, authorId: null, GuideVisibility.Public, programmeId: null, now));
        return await db.TrySaveAsync(ct);
    }

    public const string Body = """
        A mentor is someone further along in your kind of work who shares what they learned the hard way: how they read a situation, what they would try, what they wish someone had told them. Few people ask for one, and that is a missed chance — a good mentor can speed up your growth more than most courses, and many mentorships turn into friendships that last well beyond the work.

        ## Is now the right time?

        Yes, at any stage. Someone just starting out, someone changing field and someone a few years from retiring all meet situations that somebody else has already been through. If you have experience of your own, consider mentoring too: mentors often say they learn as much as their mentees. And keep a mentor of your own — nobody stops learning. Your mentor need not be older or more senior than you; what matters is that they know something you want to learn.

        ## Choosing a mentor

        Take your time; the choice shapes everything that follows. Look for someone:

        - whose work you respect, and whose path has something you would like for yourself (not a copy of their career — the qualities and the kind of success);
        - who actually wants to mentor, and has some time for it (how much is for the two of you to agree);
        - who will be straight with you, including when the news is not what you hoped;
        - whom you can trust: you may tell them things you would not say at work;
        - whom you simply like. You should look forward to your conversations.

        On Trellis, **Find a mentor** lets you search by what you want to learn, and a mentor's profile says how much room they have.

        ## Agree how it will work

        There is no single right shape. Some pairs are formal, with goals and a fixed schedule; others are a monthly chat. What matters is that it suits you both and that you say it out loud at the start.

        As the mentee, come with a first proposal: what you hope to get, how often you would like to meet, how you will keep in touch in between. Then ask how much time your mentor can give, and build the rhythm around that. Be ready to adjust.

        A light arrangement can be plenty. For example:

        1. a one-hour call about once a month;
        2. short messages in between;
        3. now and then, a piece of work sent for a quick critique;
        4. your mentor passing on an article or a book that made them think of you;
        5. a quick check-in when something at work worries you.

        Write down what you expect of each other, and say what stays between you two — confidentiality is worth naming explicitly. On Trellis this is your **agreement**: the request you send proposes it, your mentor can suggest changes, and meetings, messages, critiques, shared articles and check-ins all live in the mentorship's workspace.

        ## Keep it alive

        Treat the arrangement as a draft. If it stops working for either of you, talk about it and change it — that is a normal part of a mentorship, not a failure. On Trellis you can revise the agreement at any time, and both of you must accept the new version.

        ## Why mentors do it

        You may wonder what a mentor gains. Reasons differ: some want to see a particular person do well; some want to pass on what they know to the next people in their field; some just enjoy thinking about problems with someone who is keen to learn. Most find it rewarding in more ways than they expected.

        ## Your questions

        Something we did not cover? Ask it below: other members and the site's team answer questions here.
        """;
}
