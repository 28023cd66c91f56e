using Interactive.DlExt.Tests.Data;

namespace Interactive.DlExt.Tests.Serialization;

public sealed class ModelWeightsTests
{
    /// <summary>A test-only layer that declares a weight [outputs, inputs], a bias and a non-trainable state vector.</summary>
    private sealed class Probe(int outputs, bool withState = true) : Layer("Probe")
    {
        public override Tensor Forward(Tensor input, LayerContext context) => input;

        public override Tensor? Backward(Tensor outputGradient, LayerContext context) => outputGradient;

        protected override int[] OnBuild(int[] inputShape)
        {
            AddParameter("weight", [outputs, inputShape[0]], Initializer.GlorotUniform, inputShape[0], outputs);
            AddParameter("bias", [outputs], Initializer.Constant(0.25f), inputShape[0], outputs);
            if (withState)
            {
                AddParameter("running", [outputs], Initializer.Ones, 1, 1, trainable: false);
            }

            return [outputs];
        }
    }

    private static Sequential Model(ulong seed, int hidden = 3, bool withState = true) =>
        new Sequential(new Probe(hidden, withState), new Probe(2, withState)).Build([4], seed);

    private static float[] AllValues(Sequential m) => m.Store.Parameters.SelectMany(p => p.Values.ToArray()).ToArray();

    [Fact]
    public void Saved_weights_load_back_bit_exactly_into_a_fresh_model()
    {
        using var temp = new TempFolder();
        var path = temp.File("m.safetensors");
        var trained = Model(seed: 1);
        trained.Store.State[0] = 42f;
        ModelWeights.Save(trained, path, new Dictionary<string, string> { ["epochs"] = "3" });

        var fresh = Model(seed: 2);
        Assert.NotEqual(AllValues(trained), AllValues(fresh));
        ModelWeights.Load(fresh, path);
        Assert.Equal(AllValues(trained), AllValues(fresh));
        Assert.Equal(42f, fresh.Store.State[0]);
        Assert.Equal("3", SafeTensors.LoadMetadata(path)["epochs"]);
    }

    [Fact]
    public void Keys_are_the_qualified_parameter_names()
    {
        using var temp = new TempFolder();
        var path = temp.File("m.safetensors");
        ModelWeights.Save(Model(seed: 1), path);
        var keys = SafeTensors.Load(path).Keys.Order(StringComparer.Ordinal);
        Assert.Equal(["0.bias", "0.running", "0.weight", "1.bias", "1.running", "1.weight"], keys);
        Assert.Equal([3, 4], SafeTensors.Load(path)["0.weight"].Shape);
    }

    [Fact]
    public void A_mismatching_file_lists_every_problem_and_changes_nothing()
    {
        using var temp = new TempFolder();
        var path = temp.File("other.safetensors");
        ModelWeights.Save(Model(seed: 1, hidden: 5, withState: false), path);

        var model = Model(seed: 2);
        var before = AllValues(model);
        var e = Assert.Throws<DlExtArgumentException>(() => ModelWeights.Load(model, path));
        Assert.Contains($"'{path}' does not fit this model (6 parameters)", e.Message, StringComparison.Ordinal);
        Assert.Contains("missing from the file: 0.running [3], 1.running [2]", e.Message, StringComparison.Ordinal);
        Assert.Contains("shape mismatch: 0.weight is [5, 4] in the file but [3, 4] in the model; 0.bias is [5] in the file but [3] in the model; 1.weight is [2, 5] in the file but [2, 3] in the model", e.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was loaded.", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, AllValues(model));
    }

    [Fact]
    public void Keys_the_model_does_not_have_are_reported_as_unexpected()
    {
        using var temp = new TempFolder();
        var path = temp.File("extra.safetensors");
        var model = Model(seed: 1, withState: false);
        var tensors = model.Store.Parameters.ToDictionary(p => p.Name, p => new Tensor(p.Values.ToArray(), p.Shape.ToArray()));
        tensors["2.weight"] = new Tensor(2, 2);
        SafeTensors.Save(path, tensors);

        var e = Assert.Throws<DlExtArgumentException>(() => ModelWeights.Load(model, path));
        Assert.Contains("not in the model: 2.weight [2, 2]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unbuilt_model_cannot_be_saved()
    {
        using var temp = new TempFolder();
        var e = Assert.Throws<InvalidOperationException>(() => ModelWeights.Save(new Sequential(new Probe(2)), temp.File("x")));
        Assert.Contains("not built", e.Message, StringComparison.Ordinal);
    }
}
