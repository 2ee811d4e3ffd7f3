using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Accounts;

namespace Trellis.Web.Features.Programmes.Matching;

public sealed class BulkRunConfiguration : IEntityTypeConfiguration<BulkRun>
{
    public void Configure(EntityTypeBuilder<BulkRun> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasOne<Programme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.ClaimedBy).HasMaxLength(200);
        // One run at a time per programme, decided in the database: two coordinators pressing "run" get one run.
        b.HasIndex(r => r.ProgrammeId).IsUnique()
            .HasFilter($"\"Status\" IN ('{nameof(BulkRunStatus.Queued)}', '{nameof(BulkRunStatus.Running)}')");
        b.HasIndex(r => new { r.Status, r.RequestedAt });
        b.Property(r => r.Unmatched).HasConversion(
            n => JsonSerializer.Serialize(n, JsonSerializerOptions.Web),
            s => JsonSerializer.Deserialize<List<UnmatchedNote>>(s, JsonSerializerOptions.Web) ?? new List<UnmatchedNote>(),
            new ValueComparer<List<UnmatchedNote>>((x, y) => ReferenceEquals(x, y), n => n.Count, n => n));
    }
}

public sealed class PairRuleConfiguration : IEntityTypeConfiguration<PairRule>
{
    public void Configure(EntityTypeBuilder<PairRule> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasOne<Programme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.MenteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.MentorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.ProgrammeId, r.MenteeId, r.MentorId }).IsUnique();
        b.HasIndex(r => new { r.ProgrammeId, r.MenteeId }).IsUnique().HasFilter($"\"Kind\" = '{nameof(PairRuleKind.Pin)}'");
    }
}
