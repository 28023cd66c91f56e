namespace Interactive.DlExt.Search;

/// <summary>
/// The Gaussian process of a few losses, fitted to the losses themselves or to their logarithm, whichever explains
/// them better (a warped GP, Snelson, Rasmussen and Ghahramani 2004, with two warps to choose from). Losses that span
/// orders of magnitude (Rosenbrock's, or a diverged run beside a fair one) make the standardised values of the rest
/// look alike, so the first modelled trials chase the process's variance instead of its mean; log(y − y_min + δ),
/// δ = (median − y_min)/10, spreads them out again. The choice is by the evidence of the losses in their own units:
/// log p(y) = log p(w(y)) + Σ log w′(yᵢ), w′(y) = 1/(y − y_min + δ) for the log warp.
/// </summary>
internal static class LogWarping
{
    /// <summary>The fitted process and the values it was fitted to (the losses, or their log warp).</summary>
    public static (GaussianProcess Process, double[] Values) Fit(double[][] points, double[] losses)
    {
        var plain = GaussianProcess.Fit(points, losses);
        var sorted = losses.Order().ToArray();
        var shift = sorted[0] - ((sorted[sorted.Length / 2] - sorted[0]) / 10);
        if (!(shift < sorted[0]))
        {
            return (plain, losses);
        }

        var logged = Array.ConvertAll(losses, y => Math.Log(y - shift));
        var warped = GaussianProcess.Fit(points, logged);
        var jacobian = -logged.Sum();
        return warped.LogEvidence + jacobian > plain.LogEvidence ? (warped, logged) : (plain, losses);
    }
}
