using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Accounts;

namespace Trellis.Web.Features.Moderation;

public sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.Text).HasMaxLength(Report.TextMax);
        b.Ignore(r => r.IsOpen);
        // One open report per reporter per item, decided by the database so a double click files one.
        b.HasIndex(r => new { r.ReporterId, r.Kind, r.ItemId }).IsUnique().HasFilter($"\"Status\" = '{ReportStatus.Open}'");
        b.HasIndex(r => new { r.Status, r.FiledAt });
    }
}

public sealed class AdminActionConfiguration : IEntityTypeConfiguration<AdminAction>
{
    public void Configure(EntityTypeBuilder<AdminAction> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Reason).HasMaxLength(AdminAction.ReasonMax);
        b.HasIndex(a => a.ReportId);
        b.HasIndex(a => new { a.MemberId, a.At });
    }
}
