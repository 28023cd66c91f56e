using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Losses;

public class PenaltyTests
{
    private static ParameterStore Store(bool vectorWeight = false)
    {
        var store = WeightAndBiasLayer.Store([1f, -2f, 0.5f, 0f], bias: [3f], vectorWeight);
        store.Gradients.AsSpan().Fill(1f);
        return store;
    }

    [Fact]
    public void L1_adds_lambda_times_the_absolute_sum_and_the_sign_to_the_gradient()
    {
        var store = Store();
        Assert.Equal(0.1 * 3.5, new Penalty(l1: 0.1).Apply(store), 7); // |1| + |−2| + |0.5| + |0|
        Assert.Equal([1.1f, 0.9f, 1.1f, 1f, 1f], store.Gradients);     // sign(0) = 0; the bias is untouched
    }

    [Fact]
    public void L2_adds_half_lambda_times_the_square_sum_and_lambda_w_to_the_gradient()
    {
        var store = Store();
        Assert.Equal(0.5 * 0.2 * 5.25, new Penalty(l2: 0.2).Apply(store), 7); // 1 + 4 + 0.25 + 0
        Assert.Equal([1.2f, 0.6f, 1.1f, 1f, 1f], store.Gradients);
    }

    [Fact]
    public void Both_terms_add_up_and_value_leaves_the_gradients_alone()
    {
        var store = Store();
        Assert.Equal(0.35 + 0.525, new Penalty(0.1, 0.2).Value(store), 7);
        Assert.All(store.Gradients, g => Assert.Equal(1f, g));
    }

    [Fact]
    public void Penalty_gradient_matches_finite_differences()
    {
        var store = WeightAndBiasLayer.Store([0.7f, -1.3f, 0.4f]);
        var penalty = new Penalty(0.3, 0.5);
        store.ZeroGradients();
        penalty.Apply(store);
        var analytic = (float[])store.Gradients.Clone();
        const double h = 1e-3;
        for (var i = 0; i < 3; i++)
        {
            var original = store.Values[i];
            store.Values[i] = (float)(original + h);
            var plus = penalty.Value(store);
            store.Values[i] = (float)(original - h);
            var minus = penalty.Value(store);
            store.Values[i] = original;
            Assert.Equal((plus - minus) / (2 * h), analytic[i], 3);
        }
    }

    [Fact]
    public void One_dimensional_weights_such_as_batch_norm_scales_are_not_penalised()
    {
        var store = Store(vectorWeight: true);
        Assert.Equal(0, new Penalty(1, 1).Apply(store));
        Assert.All(store.Gradients, g => Assert.Equal(1f, g));
    }

    [Fact]
    public void Penalty_rejects_a_negative_strength_naming_it()
    {
        Assert.Equal("l2", Assert.Throws<DlExtArgumentException>(() => new Penalty(l2: -0.1)).ParamName);
    }
}
