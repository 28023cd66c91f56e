using System.Globalization;
using System.IO.Compression;

namespace Interactive.DlExt;

/// <summary>
/// Reads a table of numbers (one sample per line, one feature per column, plus one target column) into a
/// <see cref="Dataset"/> [count, features]. Numbers use the invariant culture ('.' decimal point) whatever
/// the machine's language, so a notebook gives the same data everywhere. Gzip-compressed files are
/// recognised by their content. Quoted cells are not supported; blank lines are skipped.
/// </summary>
public static class CsvReader
{
    /// <summary>Reads a CSV file (raw or .gz).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DlExtFileException">A cell is not a number or a line has another column count; the message names the file, line and column.</exception>
    public static Dataset Read(string path, CsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"CSV file '{path}' does not exist.", path);
        }

        options ??= new CsvOptions();
        using var file = File.OpenRead(path);
        var gzip = file.ReadByte() == 0x1F && file.ReadByte() == 0x8B;
        file.Position = 0;
        using Stream content = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(content);
        return Parse(reader, path, options with { Name = options.Name ?? BaseName(path) });
    }

    /// <summary>Reads CSV text; <paramref name="sourceName"/> names it in errors.</summary>
    public static Dataset Parse(TextReader reader, string sourceName, CsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        options ??= new CsvOptions();
        if (options.ClassCount is < 0 or > CsvOptions.MaxClasses)
        {
            throw new DlExtArgumentException("ClassCount", options.ClassCount.ToString(CultureInfo.InvariantCulture),
                $"0 (the largest label + 1) or a class count from 1 to {CsvOptions.MaxClasses}");
        }

        var classLimit = options.ClassCount > 0 ? options.ClassCount : options.ClassNames?.Count ?? CsvOptions.MaxClasses;
        var features = new List<float>();
        var targets = new List<float>();
        var columns = -1;
        var labelColumn = -1;
        var firstDataLine = 0;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || (options.HasHeader && lineNumber == 1))
            {
                continue;
            }

            var cells = line.Split(options.Separator);
            if (columns < 0)
            {
                columns = cells.Length;
                firstDataLine = lineNumber;
                labelColumn = options.LabelColumn < 0 ? columns + options.LabelColumn : options.LabelColumn;
                if (columns < 2 || labelColumn < 0 || labelColumn >= columns)
                {
                    throw new DlExtArgumentException("label column", options.LabelColumn.ToString(CultureInfo.InvariantCulture),
                        $"a column of '{sourceName}', which has {columns} columns per line (0..{columns - 1}, or −1 for the last), and at least one feature column besides it");
                }
            }
            else if (cells.Length != columns)
            {
                throw new DlExtFileException(sourceName,
                    $"line {lineNumber}: {cells.Length} columns, but line {firstDataLine} has {columns} (separator '{options.Separator}').");
            }

            for (var c = 0; c < cells.Length; c++)
            {
                var cell = cells[c].AsSpan().Trim();
                if (!float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    throw new DlExtFileException(sourceName,
                        $"line {lineNumber}, column {c + 1}: '{cell.ToString()}' is not a number (use '.' as the decimal point" +
                        (lineNumber == 1 && !options.HasHeader ? "; if this line holds column names, set HasHeader" : string.Empty) + ").");
                }

                if (!float.IsFinite(value))
                {
                    throw new DlExtFileException(sourceName,
                        $"line {lineNumber}, column {c + 1}: '{cell.ToString()}' is not a finite number (a missing or overflowing value: drop or impute it first).");
                }

                if (c != labelColumn)
                {
                    features.Add(value);
                }
                else if (!options.Regression && (value < 0 || value != MathF.Floor(value)))
                {
                    throw new DlExtFileException(sourceName,
                        $"line {lineNumber}, column {c + 1}: label '{cell.ToString()}' is not a class index (an integer ≥ 0); set Regression for real-valued targets.");
                }
                else if (!options.Regression && value >= classLimit)
                {
                    throw new DlExtFileException(sourceName,
                        $"line {lineNumber}, column {c + 1}: label '{cell.ToString()}' is not a class index from 0 to {classLimit - 1}"
                        + (classLimit == CsvOptions.MaxClasses ? $" (at most {CsvOptions.MaxClasses} classes); set Regression for real-valued targets." : $" (the {classLimit} classes given in the options)."));
                }
                else
                {
                    targets.Add(value);
                }
            }
        }

        if (targets.Count == 0)
        {
            throw new DlExtFileException(sourceName, "has no data lines.");
        }

        var count = targets.Count;
        var featureTensor = new Tensor(features.ToArray(), count, columns - 1);
        var name = options.Name ?? sourceName;
        if (options.Regression)
        {
            return new Dataset(featureTensor, new Tensor(targets.ToArray(), count, 1), 0, null, name);
        }

        var classCount = options.ClassCount > 0 ? options.ClassCount : options.ClassNames?.Count ?? ((int)targets.Max() + 1);
        return new Dataset(featureTensor, new Tensor(targets.ToArray(), count), classCount, options.ClassNames, name);
    }

    private static string BaseName(string path)
    {
        var name = Path.GetFileName(path);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? name[..dot] : name;
    }
}
