using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Accounts;

namespace Trellis.Web.Features.Programmes.Matching;

public sealed class DraftMatchConfiguration : IEntityTypeConfiguration<DraftMatch>
{
    public void Configure(EntityTypeBuilder<DraftMatch> b)
    {
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.HasOne<Programme>().WithMany().HasForeignKey(d => d.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(d => d.MenteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(d => d.MentorId).OnDelete(DeleteBehavior.Restrict);
        // One open draft per mentee and programme, decided in the database, so two runs or two coordinators
        // cannot give the same mentee two drafts.
        b.HasIndex(d => new { d.ProgrammeId, d.MenteeId }).IsUnique().HasFilter($"\"Status\" = '{nameof(DraftStatus.Draft)}'");
        b.HasIndex(d => new { d.ProgrammeId, d.Status });
        b.Property(d => d.Version).IsConcurrencyToken();
        b.Property(d => d.Reasons).HasConversion(
            r => JsonSerializer.Serialize(r, JsonSerializerOptions.Web),
            s => JsonSerializer.Deserialize<List<string>>(s, JsonSerializerOptions.Web) ?? new List<string>(),
            new ValueComparer<List<string>>((x, y) => ReferenceEquals(x, y), r => r.Count, r => r));
    }
}
