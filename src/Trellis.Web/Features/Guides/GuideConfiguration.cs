using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.Programmes;

namespace Trellis.Web.Features.Guides;

public sealed class GuideConfiguration : IEntityTypeConfiguration<Guide>
{
    public void Configure(EntityTypeBuilder<Guide> b)
    {
        b.HasKey(g => g.Id);
        b.Property(g => g.Id).ValueGeneratedNever();
        b.Property(g => g.Slug).HasMaxLength(Guide.SlugMax);
        b.HasIndex(g => g.Slug).IsUnique();
        b.Property(g => g.Title).HasMaxLength(Guide.TitleMax);
        b.Property(g => g.Body).HasMaxLength(Guide.BodyMax);
        b.Property(g => g.Version).IsConcurrencyToken();
        b.HasOne<Member>().WithMany().HasForeignKey(g => g.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Programme>().WithMany().HasForeignKey(g => g.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(g => new { g.ProgrammeId, g.UpdatedAt });
    }
}

public sealed class GuideQuestionConfiguration : IEntityTypeConfiguration<GuideQuestion>
{
    public void Configure(EntityTypeBuilder<GuideQuestion> b)
    {
        b.HasKey(q => q.Id);
        b.Property(q => q.Id).ValueGeneratedNever();
        b.Property(q => q.Text).HasMaxLength(GuideQuestion.TextMax);
        b.HasOne<Guide>().WithMany().HasForeignKey(q => q.GuideId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(q => q.AskerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(q => new { q.GuideId, q.AskedAt });
    }
}

public sealed class GuideAnswerConfiguration : IEntityTypeConfiguration<GuideAnswer>
{
    public void Configure(EntityTypeBuilder<GuideAnswer> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Text).HasMaxLength(GuideAnswer.TextMax);
        b.HasOne<GuideQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.QuestionId, a.AnsweredAt });
    }
}
