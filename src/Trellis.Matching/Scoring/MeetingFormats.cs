namespace Trellis.Matching.Scoring;

[Flags]
public enum MeetingFormats : byte
{
    None = 0,
    Video = 1,
    Phone = 2,
    InPerson = 4,
    Messages = 8,
}
