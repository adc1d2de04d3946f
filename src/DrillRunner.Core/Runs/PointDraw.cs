using System.Security.Cryptography;
using System.Text;

namespace DrillRunner.Core.Runs;

/// <summary>
/// The seeded draws of recovery points. A draw depends only on the seed and what it draws from,
/// so a recorded seed repeats it; nothing here reads a clock.
/// </summary>
public static class PointDraw
{
    /// <summary>A second drawn uniformly from [from, to] (whole seconds, as AWS restores to the second).</summary>
    public static DateTimeOffset Instant(DateTimeOffset from, DateTimeOffset to, int seed)
    {
        var first = CeilingSecond(from);
        var last = FloorSecond(to);
        if (last <= first)
        {
            return first <= to ? first : from;
        }

        var seconds = (long)(last - first).TotalSeconds;
        return first.AddSeconds(new Random(seed).NextInt64(seconds + 1));
    }

    /// <summary>
    /// A point's score for a uniform choice among discrete points that arrive page by page: the point
    /// with the lowest score is chosen. Every point is equally likely to score lowest, and no page needs
    /// to be held in memory.
    /// </summary>
    public static ulong Score(int seed, string pointId) => BitConverter.ToUInt64(Hash(seed, pointId));

    /// <summary>A per-target seed from the run's seed, so that targets draw independently and repeatably.</summary>
    public static int For(int runSeed, string targetId) => BitConverter.ToInt32(Hash(runSeed, targetId));

    /// <summary>The first whole second of [from, to]; <paramref name="from"/> itself when the span holds no whole second.</summary>
    public static DateTimeOffset Oldest(DateTimeOffset from, DateTimeOffset to) =>
        CeilingSecond(from) is var first && first <= to ? first : from;

    private static byte[] Hash(int seed, string id) => SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{id}"));

    public static DateTimeOffset FloorSecond(DateTimeOffset at) => new(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), at.Offset);

    public static DateTimeOffset CeilingSecond(DateTimeOffset at) =>
        at.Ticks % TimeSpan.TicksPerSecond == 0 ? at : FloorSecond(at).AddSeconds(1);
}
