using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Accounts;

namespace Trellis.Web.Features.Mentorships.Lifecycle;

/// <summary>
/// A member's own short reflection once a mentorship has closed: what they learned, what helped most.
/// Private to its author (docs/mentorships.md): it is for them, so they can be honest, and the other
/// member never reads it, not even once both have written one.
/// </summary>
public sealed class Reflection
{
    public const int TextMax = 2000;

    private Reflection() { }

    public Reflection(Guid mentorshipId, Guid authorId, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        MentorshipId = mentorshipId;
        AuthorId = authorId;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid MentorshipId { get; private set; }
    public Guid AuthorId { get; private set; }
    public string Learned { get; private set; } = "";
    public string HelpedMost { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Write(string learned, string helpedMost, DateTimeOffset at)
    {
        Learned = learned;
        HelpedMost = helpedMost;
        UpdatedAt = at;
    }
}

public sealed class ReflectionConfiguration : IEntityTypeConfiguration<Reflection>
{
    public void Configure(EntityTypeBuilder<Reflection> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasOne<Mentorship>().WithMany().HasForeignKey(r => r.MentorshipId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.Learned).HasMaxLength(Reflection.TextMax);
        b.Property(r => r.HelpedMost).HasMaxLength(Reflection.TextMax);
        b.HasIndex(r => new { r.MentorshipId, r.AuthorId }).IsUnique();
    }
}
