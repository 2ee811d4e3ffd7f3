using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Trellis.Web.Infrastructure.Data;

/// <summary>Instants are stored in UTC; the offset a value arrived with carries no meaning for us.</summary>
public sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
