namespace Interactive.DlExt;

/// <summary>A node of a parsed surface expression; evaluates to the value and gradient at (x, y).</summary>
internal abstract record ExpressionNode
{
    /// <summary>Whether the node reads x or y (false for constants, whose powers take the simpler rule).</summary>
    public abstract bool IsConstant { get; }

    public abstract SurfaceValue Evaluate(double x, double y);
}

/// <summary>A number, π or e.</summary>
internal sealed record ConstantNode(double Value) : ExpressionNode
{
    public override bool IsConstant => true;

    public override SurfaceValue Evaluate(double x, double y) => SurfaceValue.Constant(Value);
}

/// <summary>The coordinate x or y.</summary>
internal sealed record VariableNode(bool IsX) : ExpressionNode
{
    public override bool IsConstant => false;

    public override SurfaceValue Evaluate(double x, double y) => IsX ? SurfaceValue.X(x) : SurfaceValue.Y(y);
}

/// <summary>−a.</summary>
internal sealed record NegateNode(ExpressionNode Operand) : ExpressionNode
{
    public override bool IsConstant => Operand.IsConstant;

    public override SurfaceValue Evaluate(double x, double y) => -Operand.Evaluate(x, y);
}

/// <summary>a + b, a − b, a · b, a / b or a ^ b.</summary>
internal sealed record BinaryNode(char Operator, ExpressionNode Left, ExpressionNode Right) : ExpressionNode
{
    public override bool IsConstant => Left.IsConstant && Right.IsConstant;

    public override SurfaceValue Evaluate(double x, double y)
    {
        var a = Left.Evaluate(x, y);
        if (Operator == '^' && Right.IsConstant)
        {
            return a.Pow(Right.Evaluate(x, y).Value);
        }

        var b = Right.Evaluate(x, y);
        return Operator switch
        {
            '+' => a + b,
            '-' => a - b,
            '*' => a * b,
            '/' => a / b,
            _ => a.Pow(b),
        };
    }
}

/// <summary>One of the functions of <see cref="SurfaceExpression.Functions"/> applied to its argument.</summary>
internal sealed record FunctionNode(string Name, ExpressionNode Argument) : ExpressionNode
{
    public override bool IsConstant => Argument.IsConstant;

    public override SurfaceValue Evaluate(double x, double y)
    {
        var a = Argument.Evaluate(x, y);
        var v = a.Value;
        return Name switch
        {
            "sin" => a.Chain(Math.Sin(v), Math.Cos(v)),
            "cos" => a.Chain(Math.Cos(v), -Math.Sin(v)),
            "tan" => a.Chain(Math.Tan(v), 1 / (Math.Cos(v) * Math.Cos(v))),
            "exp" => a.Chain(Math.Exp(v), Math.Exp(v)),
            "log" => a.Chain(Math.Log(v), 1 / v),
            "sqrt" => a.Chain(Math.Sqrt(v), 0.5 / Math.Sqrt(v)),
            "abs" => a.Chain(Math.Abs(v), Math.Sign(v)),
            "tanh" => a.Chain(Math.Tanh(v), 1 - (Math.Tanh(v) * Math.Tanh(v))),
            _ => a.Chain(Math.Atan(v), 1 / (1 + (v * v))),
        };
    }
}
