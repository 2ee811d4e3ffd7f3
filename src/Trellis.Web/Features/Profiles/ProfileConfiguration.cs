using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Accounts;

namespace Trellis.Web.Features.Profiles;

public sealed class ProfileConfiguration : IEntityTypeConfiguration<Profile>
{
    public void Configure(EntityTypeBuilder<Profile> b)
    {
        b.HasKey(p => p.MemberId);
        b.HasOne<Member>().WithOne().HasForeignKey<Profile>(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.Headline).HasMaxLength(ProfileInput.HeadlineMax);
        b.Property(p => p.Bio).HasMaxLength(ProfileInput.LongTextMax);
        b.Property(p => p.TimeZone).HasMaxLength(64);
        b.Property(p => p.Field).HasMaxLength(ProfileInput.ShortTextMax);
        b.Property(p => p.CurrentRole).HasMaxLength(ProfileInput.ShortTextMax);
        b.Property(p => p.MenteeGoals).HasMaxLength(ProfileInput.LongTextMax);
        b.Property(p => p.TargetField).HasMaxLength(ProfileInput.ShortTextMax);
        b.Property(p => p.TargetRole).HasMaxLength(ProfileInput.ShortTextMax);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.OwnsMany(p => p.CareerHistory, c => c.ToJson());
        b.OwnsMany(p => p.MeetingWindows, w => w.ToJson());
        b.HasIndex(p => new { p.OpenToMentoring, p.Field });
    }
}
