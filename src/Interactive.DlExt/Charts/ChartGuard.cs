namespace Interactive.DlExt.Charts;

/// <summary>Argument checks for chart inputs; messages name the property, the value and what is accepted.</summary>
internal static class ChartGuard
{
    public static double Size(double value, double minimum, string property) =>
        double.IsFinite(value) && value >= minimum
            ? value
            : throw new ArgumentOutOfRangeException(property, value, $"{property} = {Text(value)} is not accepted: expected a finite number ≥ {Text(minimum)}.");

    public static void SameLength(int expected, int actual, string property, string owner)
    {
        if (expected != actual)
        {
            throw new ArgumentException($"{owner}: {property} has {actual} values but {expected} are needed (one per point).", property);
        }
    }

    public static void Fail(string property, string message) => throw new ArgumentException(message, property);

    public static string Text(double value) => NumberText.General(value);
}
