using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.Mentorships;

namespace Trellis.Web.Features.Goals;

public sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> b)
    {
        b.HasKey(g => g.Id);
        b.Property(g => g.Id).ValueGeneratedNever();
        b.HasOne<Member>().WithMany().HasForeignKey(g => g.OwnerId).OnDelete(DeleteBehavior.Cascade);
        b.Property(g => g.Title).HasMaxLength(Goal.TitleMax);
        b.Property(g => g.WhyItMatters).HasMaxLength(Goal.WhyMax);
        b.Property(g => g.MeasurableOutcome).HasMaxLength(Goal.OutcomeMax);
        b.Property(g => g.Version).IsConcurrencyToken();
        b.HasMany(g => g.Milestones).WithOne().HasForeignKey(m => m.GoalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(g => g.Notes).WithOne().HasForeignKey(n => n.GoalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(g => g.Links).WithOne().HasForeignKey(l => l.GoalId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(g => g.Milestones).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(g => g.Notes).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(g => g.Links).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(g => new { g.OwnerId, g.TargetDate });
    }
}

public sealed class GoalMilestoneConfiguration : IEntityTypeConfiguration<GoalMilestone>
{
    public void Configure(EntityTypeBuilder<GoalMilestone> b)
    {
        b.ToTable("GoalMilestones");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Title).HasMaxLength(Goal.TitleMax);
    }
}

public sealed class GoalNoteConfiguration : IEntityTypeConfiguration<GoalNote>
{
    public void Configure(EntityTypeBuilder<GoalNote> b)
    {
        b.ToTable("GoalNotes");
        b.HasKey(n => n.Id);
        b.Property(n => n.Id).ValueGeneratedNever();
        b.Property(n => n.Text).HasMaxLength(GoalNote.TextMax);
        b.HasOne<Member>().WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Mentorship>().WithMany().HasForeignKey(n => n.MentorshipId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class GoalLinkConfiguration : IEntityTypeConfiguration<GoalLink>
{
    public void Configure(EntityTypeBuilder<GoalLink> b)
    {
        b.ToTable("GoalLinks");
        b.HasKey(l => new { l.GoalId, l.MentorshipId });
        b.HasOne<Mentorship>().WithMany().HasForeignKey(l => l.MentorshipId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.MentorshipId);
    }
}
