using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Accounts;

namespace Trellis.Web.Features.Programmes.Enrolment;

public sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Participant> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.HasOne<Programme>().WithMany().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.ProgrammeId, p.MemberId, p.Role }).IsUnique();
        b.HasIndex(p => new { p.ProgrammeId, p.Role, p.Status });
        b.HasIndex(p => new { p.MemberId, p.Status });
        b.Property(p => p.Version).IsConcurrencyToken();
        // Answers are read and written whole with the participant: one JSON column, never queried inside.
        b.Property(p => p.Answers).HasConversion(
            a => JsonSerializer.Serialize(a, Json),
            s => JsonSerializer.Deserialize<List<Answer>>(s, Json) ?? new List<Answer>(),
            new ValueComparer<List<Answer>>((x, y) => ReferenceEquals(x, y), a => a.Count, a => a));
        b.Ignore(p => p.IsActive);
    }
}

public sealed class EnrolmentQuestionConfiguration : IEntityTypeConfiguration<EnrolmentQuestion>
{
    public void Configure(EntityTypeBuilder<EnrolmentQuestion> b)
    {
        b.HasKey(q => q.Id);
        b.Property(q => q.Id).ValueGeneratedNever();
        b.HasOne<Programme>().WithMany().HasForeignKey(q => q.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(q => new { q.ProgrammeId, q.Key }).IsUnique();
        b.HasIndex(q => new { q.ProgrammeId, q.Position });
        b.Property(q => q.Key).HasMaxLength(EnrolmentQuestion.KeyMax);
        b.Property(q => q.Text).HasMaxLength(EnrolmentQuestion.TextMax);
    }
}

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.HasOne<Programme>().WithMany().HasForeignKey(i => i.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.Property(i => i.Email).HasMaxLength(Invitation.EmailMax);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.HasIndex(i => new { i.ProgrammeId, i.Email, i.Role }).IsUnique();
        b.HasIndex(i => i.TokenHash);
        b.HasIndex(i => i.Email);
        b.Property(i => i.Answers).HasConversion(
            a => JsonSerializer.Serialize(a, ParticipantConfiguration.Json),
            s => JsonSerializer.Deserialize<List<Answer>>(s, ParticipantConfiguration.Json) ?? new List<Answer>(),
            new ValueComparer<List<Answer>>((x, y) => ReferenceEquals(x, y), a => a.Count, a => a));
    }
}
