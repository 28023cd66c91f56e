namespace Interactive.DlExt.Search;

/// <summary>
/// The hyperparameters a study searches over, built fluently and immutably:
/// <code>
/// var space = SearchSpace.Create()
///     .LogUniform("lr", 1e-4, 1e-1)
///     .Choice("batch_size", 32, 64, 128)
///     .Choice("optimizer", "sgd", "momentum", "adam")
///     .Uniform("momentum", 0.8, 0.99, when: ("optimizer", ["momentum"]));
/// </code>
/// A conditional parameter (<c>when:</c>) must come after its parent, which must be a choice.
/// </summary>
public sealed class SearchSpace
{
    private static readonly SearchSpace EmptySpace = new([]);
    private readonly SearchParameter[] _parameters;

    private SearchSpace(SearchParameter[] parameters) => _parameters = parameters;

    /// <summary>The parameters in declaration order (parents before their conditional children).</summary>
    public IReadOnlyList<SearchParameter> Parameters => _parameters;

    /// <summary>An empty space to add parameters to.</summary>
    public static SearchSpace Create() => EmptySpace;

    /// <summary>The parameter called <paramref name="name"/>.</summary>
    public SearchParameter this[string name] =>
        Find(name) ?? throw new DlExtArgumentException("parameter", name, "one of " + string.Join(", ", _parameters.Select(p => p.Name)));

    /// <summary>The parameter called <paramref name="name"/>, or null.</summary>
    public SearchParameter? Find(string name) => Array.Find(_parameters, p => p.Name == name);

    /// <summary>Adds a choice among strings.</summary>
    public SearchSpace Choice(string name, params string[] values) => Add(new ChoiceParameter(name, values));

    /// <summary>Adds a choice among integers (e.g. batch sizes).</summary>
    public SearchSpace Choice(string name, params int[] values) => Add(new ChoiceParameter(name, (values ?? []).Cast<object>()));

    /// <summary>Adds a choice among real numbers.</summary>
    public SearchSpace Choice(string name, params double[] values) => Add(new ChoiceParameter(name, (values ?? []).Cast<object>()));

    /// <summary>Adds a choice among any supported values (strings, booleans, integers, reals), optionally conditional.</summary>
    public SearchSpace Choice(string name, IEnumerable<object> values, (string Parent, object[] Values)? when = null) =>
        Add(new ChoiceParameter(name, values, Condition(when)));

    /// <summary>Adds a real range sampled uniformly.</summary>
    public SearchSpace Uniform(string name, double low, double high, (string Parent, object[] Values)? when = null) =>
        Add(new FloatParameter(name, low, high, isLog: false, Condition(when)));

    /// <summary>Adds a real range sampled uniformly in log(x) (for learning rates, weight decay); needs low &gt; 0.</summary>
    public SearchSpace LogUniform(string name, double low, double high, (string Parent, object[] Values)? when = null) =>
        Add(new FloatParameter(name, low, high, isLog: true, Condition(when)));

    /// <summary>Adds an integer range low, low+step, …, high (on a log scale when <paramref name="log"/>).</summary>
    public SearchSpace IntRange(string name, int low, int high, int step = 1, bool log = false, (string Parent, object[] Values)? when = null) =>
        Add(new IntParameter(name, low, high, step, log, Condition(when)));

    /// <summary>Adds a parameter built elsewhere (e.g. by <see cref="SearchSpaceParser"/>).</summary>
    public SearchSpace Add(SearchParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (Find(parameter.Name) is not null)
        {
            throw new DlExtArgumentException(parameter.Name, parameter.Describe(), "a parameter name not declared twice");
        }

        if (parameter.Condition is { } condition)
        {
            if (Find(condition.Parent) is not ChoiceParameter parent)
            {
                throw new DlExtArgumentException(parameter.Name, $"when {condition}", $"a parent choice declared before {parameter.Name}");
            }

            foreach (var value in condition.Values)
            {
                if (parent.IndexOf(value) < 0)
                {
                    throw new DlExtArgumentException(parameter.Name, $"when {condition}", $"parent values among {parent.Describe()}");
                }
            }
        }

        return new SearchSpace([.. _parameters, parameter]);
    }

    /// <summary>One line per parameter in the magic-command syntax; stored with a study to detect a changed space.</summary>
    public string Describe() => string.Join("\n", _parameters.Select(p => p.ToString()));

    /// <inheritdoc />
    public override string ToString() => Describe();

    private static ParameterCondition? Condition((string Parent, object[] Values)? when) =>
        when is { } w ? new ParameterCondition(w.Parent, w.Values) : null;
}
