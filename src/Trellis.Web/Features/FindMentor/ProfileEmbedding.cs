using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Accounts;

namespace Trellis.Web.Features.FindMentor;

public enum EmbeddingRole
{
    /// <summary>A mentor's expertise: headline, bio, topics, career.</summary>
    Mentor,
    /// <summary>A mentee's goals and the skills they want help with.</summary>
    Mentee,
}

/// <summary>
/// The sentence embedding of one side of a profile, with the model that made it and a hash of the
/// text it came from: a new text or a new model means recompute, the same text means keep.
/// </summary>
public sealed class ProfileEmbedding
{
    public Guid MemberId { get; set; }
    public EmbeddingRole Role { get; set; }
    public string Model { get; set; } = "";
    public string TextHash { get; set; } = "";
    public byte[] Vector { get; set; } = [];
    public DateTimeOffset ComputedAt { get; set; }

    public float[] Floats() => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(Vector).ToArray();

    public static byte[] Bytes(float[] vector) => System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();
}

public sealed class ProfileEmbeddingConfiguration : IEntityTypeConfiguration<ProfileEmbedding>
{
    public void Configure(EntityTypeBuilder<ProfileEmbedding> b)
    {
        b.HasKey(e => new { e.MemberId, e.Role });
        b.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.Property(e => e.Model).HasMaxLength(120);
        b.Property(e => e.TextHash).HasMaxLength(64);
        b.HasIndex(e => e.ComputedAt);
    }
}
