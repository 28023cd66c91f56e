namespace Interactive.DlExt.Search;

/// <summary>
/// Maps trial parameters to a point of the unit cube for a Gaussian process, and candidate points back: a range
/// becomes one coordinate in [0, 1] (of its log for log ranges, of the integer's cell for integers), a choice becomes
/// one coordinate per value (one-hot), so distances between choices carry no made-up order. A parameter that is
/// inactive in a trial (its condition unmet) sits at 0.5, or at all zeros for a choice.
/// </summary>
internal sealed class UnitCubeEncoding
{
    private readonly SearchParameter[] _parameters;
    private readonly int[] _offsets;

    public UnitCubeEncoding(SearchSpace space)
    {
        _parameters = [.. space.Parameters];
        _offsets = new int[_parameters.Length];
        var offset = 0;
        for (var i = 0; i < _parameters.Length; i++)
        {
            _offsets[i] = offset;
            offset += _parameters[i] is ChoiceParameter c ? c.Values.Count : 1;
        }

        Dimensions = offset;
    }

    /// <summary>Coordinates per point.</summary>
    public int Dimensions { get; }

    /// <summary>The point of <paramref name="parameters"/>.</summary>
    public double[] Encode(TrialParameters parameters)
    {
        var x = new double[Dimensions];
        for (var i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            var active = parameters.Has(p.Name);
            switch (p)
            {
                case ChoiceParameter c:
                    var index = active ? c.IndexOf(parameters.Value(p.Name)) : -1;
                    if (index >= 0)
                    {
                        x[_offsets[i] + index] = 1;
                    }

                    break;
                case NumericParameter n:
                    x[_offsets[i]] = active ? Math.Clamp((n.ToInternal(parameters.Value(p.Name)) - n.InternalLow) / (n.InternalHigh - n.InternalLow), 0, 1) : 0.5;
                    break;
            }
        }

        return x;
    }
}
