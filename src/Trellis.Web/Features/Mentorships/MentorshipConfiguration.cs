using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Features.Mentorships.Lifecycle;
using Trellis.Web.Features.Mentorships.Requests;

namespace Trellis.Web.Features.Mentorships;

public sealed class MentorshipConfiguration : IEntityTypeConfiguration<Mentorship>
{
    public void Configure(EntityTypeBuilder<Mentorship> b)
    {
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.HasOne<Member>().WithMany().HasForeignKey(m => m.MenteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(m => m.MentorId).OnDelete(DeleteBehavior.Restrict);
        b.Property(m => m.DeclineMessage).HasMaxLength(MentorshipHandlers.DeclineMessageMax);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasMany(m => m.Versions).WithOne().HasForeignKey(v => v.MentorshipId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Questions).WithOne().HasForeignKey(q => q.MentorshipId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(m => m.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(m => m.Questions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(m => m.Current);
        b.Ignore(m => m.InForce);
        b.Ignore(m => m.Awaiting);
        b.Ignore(m => m.IsOpen);
        b.Ignore(m => m.IsRunning);
        b.Ignore(m => m.PlannedEnd);
        b.Property(m => m.EndNote).HasMaxLength(LifecycleHandlers.EndNoteMax);

        // The database, not the handler's check alone, guarantees one ongoing request per pair: two
        // nodes handling a double click both pass the check, only one insert passes the index.
        var ongoing = string.Join(", ", Mentorship.OngoingStatuses.Select(s => $"'{s}'"));
        b.HasIndex(m => new { m.MenteeId, m.MentorId }).IsUnique().HasFilter($"\"Status\" IN ({ongoing})");
        b.HasIndex(m => new { m.MentorId, m.Status });
        b.HasIndex(m => new { m.ProgrammeId, m.Status });
        b.HasIndex(m => new { m.Status, m.ExpiresAt });
        b.HasIndex(m => new { m.Status, m.RemindAt });
        b.HasIndex(m => new { m.Status, m.ResumeOn });
        b.HasIndex(m => new { m.Status, m.EndsOn });
    }
}

public sealed class AgreementVersionConfiguration : IEntityTypeConfiguration<AgreementVersion>
{
    public void Configure(EntityTypeBuilder<AgreementVersion> b)
    {
        b.HasKey(v => new { v.MentorshipId, v.Number });
        b.Property(v => v.Number).ValueGeneratedNever();
        b.Property(v => v.Confidentiality).HasMaxLength(AgreementInput.ConfidentialityMax);
        b.Property(v => v.MenteeCommitments).HasMaxLength(AgreementInput.CommitmentsMax);
        b.Property(v => v.PersonalNote).HasMaxLength(AgreementInput.NoteMax);
        b.Property(v => v.ChangeNote).HasMaxLength(AgreementVersion.ChangeNoteMax);
        b.Ignore(v => v.Terms);
        b.Ignore(v => v.AcceptedByBoth);
    }
}

public sealed class MentorshipQuestionConfiguration : IEntityTypeConfiguration<MentorshipQuestion>
{
    public void Configure(EntityTypeBuilder<MentorshipQuestion> b)
    {
        b.HasKey(q => q.Id);
        b.Property(q => q.Id).ValueGeneratedNever();
        b.Property(q => q.Text).HasMaxLength(MentorshipQuestion.TextMax);
        b.HasIndex(q => new { q.MentorshipId, q.AskedAt });
    }
}
