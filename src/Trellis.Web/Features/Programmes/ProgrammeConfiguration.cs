using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Accounts;

namespace Trellis.Web.Features.Programmes;

public sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Slug).HasMaxLength(Programme.SlugMax);
        b.HasIndex(p => p.Slug).IsUnique();
        b.Property(p => p.Name).HasMaxLength(Programme.NameMax);
        b.Property(p => p.Description).HasMaxLength(Programme.DescriptionMax);
        b.Property(p => p.MenteeTerm).HasMaxLength(Programme.TermMax);
        b.Property(p => p.MentorTerm).HasMaxLength(Programme.TermMax);
        b.Property(p => p.IntroSubject).HasMaxLength(ProgrammeInput.IntroSubjectMax);
        b.Property(p => p.IntroBody).HasMaxLength(ProgrammeInput.IntroBodyMax);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.OwnsOne(p => p.MenteeEnrolment);
        b.OwnsOne(p => p.MentorEnrolment);
        b.Navigation(p => p.MenteeEnrolment).IsRequired();
        b.Navigation(p => p.MentorEnrolment).IsRequired();
        // The template is read and written whole, never queried by term: one JSON column.
        b.Property(p => p.Template).HasConversion(
            t => JsonSerializer.Serialize(t, Json),
            s => JsonSerializer.Deserialize<ProgrammeTemplate>(s, Json) ?? ProgrammeTemplate.Default,
            new ValueComparer<ProgrammeTemplate>((x, y) => x == y, t => t.GetHashCode(), t => t));
        b.Ignore(p => p.IsArchived);
        b.Ignore(p => p.AcceptsEnrolment);
        b.Ignore(p => p.AcceptsMatching);
        b.Ignore(p => p.IsPublished);
        b.Ignore(p => p.MenteeWord);
        b.Ignore(p => p.MentorWord);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}

public sealed class ProgrammeCoordinatorConfiguration : IEntityTypeConfiguration<ProgrammeCoordinator>
{
    public void Configure(EntityTypeBuilder<ProgrammeCoordinator> b)
    {
        b.HasKey(c => new { c.ProgrammeId, c.MemberId });
        b.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.MemberId);
    }
}
