using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Resources;
using Trellis.Web.Infrastructure.Files;

namespace Trellis.Web.Features.Critiques;

public sealed class CritiqueConfiguration : IEntityTypeConfiguration<Critique>
{
    public void Configure(EntityTypeBuilder<Critique> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.HasOne<Mentorship>().WithMany().HasForeignKey(c => c.MentorshipId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(c => c.MenteeId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.Title).HasMaxLength(Critique.TitleMax);
        b.Property(c => c.FeedbackWanted).HasMaxLength(Critique.FeedbackMax);
        b.Property(c => c.Link).HasMaxLength(WebLink.MaxLength);
        b.Property(c => c.Answer).HasMaxLength(Critique.TextMax);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.OwnsOne(c => c.File, f =>
        {
            f.Property(x => x.Key).HasColumnName("FileKey").HasMaxLength(64);
            f.Property(x => x.Name).HasColumnName("FileName").HasMaxLength(FileNames.MaxLength);
            f.Property(x => x.ContentType).HasColumnName("FileContentType").HasMaxLength(100);
            f.Property(x => x.Size).HasColumnName("FileSize");
            f.Property(x => x.Sha256).HasColumnName("FileSha256").HasMaxLength(64);
            f.HasIndex(x => x.Key);
        });
        b.HasMany(c => c.Replies).WithOne().HasForeignKey(r => r.CritiqueId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Replies).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(c => new { c.MentorshipId, c.CreatedAt });
        b.HasIndex(c => new { c.Status, c.DueDate });
    }
}

public sealed class CritiqueReplyConfiguration : IEntityTypeConfiguration<CritiqueReply>
{
    public void Configure(EntityTypeBuilder<CritiqueReply> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Text).HasMaxLength(Critique.TextMax);
        b.HasIndex(r => new { r.CritiqueId, r.CreatedAt });
    }
}
