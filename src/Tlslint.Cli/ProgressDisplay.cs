namespace Tlslint.Cli;

/// <summary>
/// Progress on one refreshed line of standard error ("tlslint: 3/12 configuration trees linted"), only on a terminal
/// and only once a run has taken longer than <see cref="Delay"/>; the line is erased when the run ends.
/// </summary>
internal sealed class ProgressDisplay : IDisposable
{
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Milliseconds to wait instead of <see cref="Delay"/>, for the pseudo-terminal test only: with 0 the first line is
    /// painted at once, so the test needs no timing.
    /// </summary>
    public const string DelayVariable = "TLSLINT_PROGRESS_AFTER_MS";

    private readonly TextWriter _stderr;
    private readonly Timer? _timer;
    private readonly Lock _gate = new();
    private int _done;
    private int _total = -1;
    private bool _shown;
    private bool _disposed;

    public ProgressDisplay(TextWriter stderr, bool terminal, TimeSpan? after = null)
    {
        _stderr = stderr;
        if (!terminal)
        {
            return;
        }

        var delay = after ?? Delay;
        if (delay <= TimeSpan.Zero)
        {
            Paint();
        }

        _timer = new Timer(_ => Paint(), null, delay, TimeSpan.FromMilliseconds(250));
    }

    /// <summary>The delay <see cref="DelayVariable"/> asks for, or null when it is unset or not a number.</summary>
    public static TimeSpan? DelayFrom(string? milliseconds) =>
        int.TryParse(milliseconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : null;

    /// <summary>Called by the linter after each tree (from any thread).</summary>
    public void Report(int done, int total)
    {
        lock (_gate)
        {
            _done = done;
            _total = total;
        }
    }

    internal void Paint()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var text = _total < 0
                ? "tlslint: looking for configurations and reading them"
                : $"tlslint: {_done}/{_total} configuration {(_total == 1 ? "tree" : "trees")} linted";
            _stderr.Write($"\r{text}\u001b[K");
            _stderr.Flush();
            _shown = true;
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        lock (_gate)
        {
            _disposed = true;
            if (_shown)
            {
                _stderr.Write("\r\u001b[K");
                _stderr.Flush();
            }
        }
    }
}
