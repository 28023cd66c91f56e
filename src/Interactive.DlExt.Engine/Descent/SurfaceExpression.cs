using System.Globalization;

namespace Interactive.DlExt;

/// <summary>
/// A formula in x and y, parsed by a small recursive-descent parser that only knows arithmetic, a few functions and
/// two constants, so any text a user types is either a surface or a clear error with its position: nothing is
/// compiled or run. Grammar: numbers (1e-3 style), <c>x</c>, <c>y</c>, <c>pi</c>, <c>e</c>, <c>+ - * /</c>, powers
/// <c>^</c> or <c>**</c> (right-associative, binding tighter than a leading minus, so −x^2 = −(x²)), parentheses, the
/// functions of <see cref="Functions"/>, and implicit products such as <c>10y^2</c> or <c>2(x+1)</c>.
/// Gradients are exact (forward-mode derivatives), not finite differences.
/// </summary>
public sealed class SurfaceExpression
{
    /// <summary>The longest formula accepted.</summary>
    public const int MaxLength = 500;

    /// <summary>The deepest nesting of parentheses and operators accepted (keeps the parser's stack small).</summary>
    public const int MaxDepth = 60;

    private readonly ExpressionNode _root;

    private SurfaceExpression(string text, ExpressionNode root)
    {
        Text = text;
        _root = root;
    }

    /// <summary>The functions a formula may call.</summary>
    public static IReadOnlyList<string> Functions { get; } = ["sin", "cos", "tan", "exp", "log", "sqrt", "abs", "tanh", "atan"];

    /// <summary>The formula as written (trimmed).</summary>
    public string Text { get; }

    /// <summary>Whether the formula reads x or y at all.</summary>
    public bool UsesCoordinates => !_root.IsConstant;

    /// <summary>The value and gradient at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public SurfaceValue Evaluate(double x, double y) => _root.Evaluate(x, y);

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">The formula, e.g. <c>x^2 + 10*y^2</c>.</param>
    /// <param name="parameter">The option or parameter name the text came from, for error messages.</param>
    /// <exception cref="DlExtArgumentException">The text is empty, too long, nested too deep, or not a formula; the
    /// message gives the 1-based position of the first problem and what was expected there.</exception>
    public static SurfaceExpression Parse(string text, string parameter = "surface")
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw new DlExtArgumentException(parameter, "(empty)", "a formula in x and y such as x^2 + 10*y^2");
        }

        if (trimmed.Length > MaxLength)
        {
            throw new DlExtArgumentException(parameter, $"a formula of {trimmed.Length} characters", $"at most {MaxLength} characters");
        }

        var parser = new Parser(trimmed, parameter);
        return new SurfaceExpression(trimmed, parser.ParseAll());
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private sealed class Parser(string text, string parameter)
    {
        private int _position;
        private int _depth;

        public ExpressionNode ParseAll()
        {
            var node = Sum();
            SkipSpaces();
            if (_position < text.Length)
            {
                throw Error(text[_position] == ')' ? "an operator: this ')' has no matching '('" : "an operator (+ - * / ^) or the end of the formula");
            }

            return node;
        }

        private ExpressionNode Sum()
        {
            var node = Product();
            while (Peek() is '+' or '-')
            {
                var op = text[_position++];
                node = new BinaryNode(op, node, Product());
            }

            return node;
        }

        private ExpressionNode Product()
        {
            var node = Unary();
            while (true)
            {
                var c = Peek();
                if ((c == '*' && !IsAt("**")) || c == '/')
                {
                    _position++;
                    node = new BinaryNode(c, node, Unary());
                }
                else if (c is '(' || char.IsLetter(c) || char.IsDigit(c) || c == '.')
                {
                    // Implicit product: 10y, 2(x + 1), (x + 1)(y − 1).
                    node = new BinaryNode('*', node, Unary());
                }
                else
                {
                    return node;
                }
            }
        }

        private ExpressionNode Unary()
        {
            Enter();
            ExpressionNode node;
            if (Peek() == '-')
            {
                _position++;
                node = new NegateNode(Unary());
            }
            else if (Peek() == '+')
            {
                _position++;
                node = Unary();
            }
            else
            {
                node = Power();
            }

            _depth--;
            return node;
        }

        private ExpressionNode Power()
        {
            var node = Primary();
            SkipSpaces();
            if (Peek() == '^' || IsAt("**"))
            {
                _position += text[_position] == '^' ? 1 : 2;
                node = new BinaryNode('^', node, Unary());
            }

            return node;
        }

        private ExpressionNode Primary()
        {
            var c = Peek();
            if (char.IsDigit(c) || c == '.')
            {
                return Number();
            }

            if (c == '(')
            {
                _position++;
                Enter();
                var inner = Sum();
                _depth--;
                if (Peek() != ')')
                {
                    throw Error("')' to close the '(' opened earlier");
                }

                _position++;
                return inner;
            }

            if (char.IsLetter(c))
            {
                return Name();
            }

            throw Error(_position >= text.Length ? "a number, x, y, a function or '(' (the formula ends too early)" : "a number, x, y, a function or '('");
        }

        private ConstantNode Number()
        {
            var start = _position;
            while (_position < text.Length && (char.IsDigit(text[_position]) || text[_position] == '.'))
            {
                _position++;
            }

            if (_position < text.Length && text[_position] is 'e' or 'E' && _position + 1 < text.Length &&
                (char.IsDigit(text[_position + 1]) || (text[_position + 1] is '+' or '-' && _position + 2 < text.Length && char.IsDigit(text[_position + 2]))))
            {
                _position += 2;
                while (_position < text.Length && char.IsDigit(text[_position]))
                {
                    _position++;
                }
            }

            var token = text[start.._position];
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                _position = start;
                throw Error($"a number (\"{token}\" is not one)");
            }

            return new ConstantNode(value);
        }

        private ExpressionNode Name()
        {
            var start = _position;
            while (_position < text.Length && char.IsLetter(text[_position]))
            {
                _position++;
            }

            var word = text[start.._position].ToLowerInvariant();
            switch (word)
            {
                case "x":
                    return new VariableNode(true);
                case "y":
                    return new VariableNode(false);
                case "pi":
                    return new ConstantNode(Math.PI);
                case "e":
                    return new ConstantNode(Math.E);
            }

            if (!Functions.Contains(word))
            {
                _position = start;
                throw Error($"x, y, pi, e or a function ({string.Join(", ", Functions)}); \"{text[start..(start + word.Length)]}\" is none of them (write products with *, e.g. x*y)");
            }

            if (Peek() != '(')
            {
                throw Error($"'(' after the function {word}");
            }

            _position++;
            Enter();
            var argument = Sum();
            _depth--;
            if (Peek() != ')')
            {
                throw Error($"')' to close {word}(");
            }

            _position++;
            return new FunctionNode(word, argument);
        }

        private void Enter()
        {
            if (++_depth > MaxDepth)
            {
                throw Error($"a simpler formula: more than {MaxDepth} levels of nesting");
            }
        }

        private char Peek()
        {
            SkipSpaces();
            return _position < text.Length ? text[_position] : '\0';
        }

        private bool IsAt(string token) => string.CompareOrdinal(text, _position, token, 0, token.Length) == 0;

        private void SkipSpaces()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }

        private DlExtArgumentException Error(string expected)
        {
            var at = Math.Min(_position, text.Length);
            var found = at < text.Length ? $"'{text[at]}'" : "the end";
            return new DlExtArgumentException(parameter,
                $"{parameter} = \"{text}\" is not a formula: at position {at + 1} ({found}) expected {expected}.");
        }
    }
}
