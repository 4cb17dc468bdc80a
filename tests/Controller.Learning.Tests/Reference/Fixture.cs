using System.Text.Json;
using Controller.Learning.Algorithms;
using Controller.Learning.Buffers;
using Controller.Learning.Nn;
using Controller.Learning.Tests.Support;

namespace Controller.Learning.Tests.Reference;

/// <summary>One JSON fixture written by tests/reference/generate_fixtures.py.</summary>
internal sealed class Fixture
{
    private Fixture(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    public static Fixture Load(string name)
    {
        var path = RepositoryPaths.Fixture(name);
        Assert.True(File.Exists(path), $"Missing fixture {path}; run /usr/bin/python3 tests/reference/generate_fixtures.py.");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return new Fixture(document.RootElement.Clone());
    }

    public int Int(string name) => Root.GetProperty(name).GetInt32();

    public double Double(string name) => Root.GetProperty(name).GetDouble();

    public double[] Doubles(string name) => Doubles(Root.GetProperty(name));

    public float[] Floats(string name) => Doubles(name).Select(v => (float)v).ToArray();

    public bool[] Bools(string name) => Root.GetProperty(name).EnumerateArray().Select(e => e.GetBoolean()).ToArray();

    public int[] Ints(string name) => Root.GetProperty(name).EnumerateArray().Select(e => e.GetInt32()).ToArray();

    public static double[] Doubles(JsonElement element) => element.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <summary>The actor-critic of an actor-critic loss fixture (hidden 8-8, tanh) with the fixture's parameters.</summary>
    public ActorCritic ActorCritic()
    {
        var model = global::Controller.Learning.Algorithms.ActorCritic.Create(Int("obsSize"), Int("actions"), Int("constraints"), [8, 8], Activation.Tanh, new Random(0));
        LoadParameters(model.Parameters);
        return model;
    }

    /// <summary>The minibatch of an actor-critic loss fixture; <paramref name="statePrior"/> gives it the logged log-priors.</summary>
    public Minibatch Minibatch(bool statePrior)
    {
        var (obs, a, c, n) = (Int("obsSize"), Int("actions"), Int("constraints"), Int("batch"));
        var batch = new Minibatch(n, obs, a, c, statePrior) { Size = n };
        if (batch.LogPriors is { } priors)
        {
            Floats("logPriors").CopyTo(priors, 0);
        }

        Floats("observations").CopyTo(batch.Observations, 0);
        Bools("masks").CopyTo(batch.Masks, 0);
        Ints("sampleActions").CopyTo(batch.Actions, 0);
        Floats("oldLogProbs").CopyTo(batch.OldLogProbabilities, 0);
        Floats("advantages").CopyTo(batch.Advantages, 0);
        Floats("returns").CopyTo(batch.Returns, 0);
        Floats("costAdvantages").CopyTo(batch.CostAdvantages, 0);
        Floats("costReturns").CopyTo(batch.CostReturns, 0);
        return batch;
    }

    /// <summary>Copies the fixture's named parameters into the network's parameters of the same names.</summary>
    public void LoadParameters(IEnumerable<Parameter> parameters)
    {
        var source = Root.GetProperty("parameters");
        foreach (var parameter in parameters)
        {
            var entry = source.GetProperty(parameter.Name);
            var shape = entry.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            Assert.Equal(parameter.Shape, shape);
            var data = Doubles(entry.GetProperty("data"));
            for (var i = 0; i < data.Length; i++)
            {
                parameter.Value[i] = (float)data[i];
            }
        }
    }

    public void AssertParameterGrads(IEnumerable<Parameter> parameters, string key = "parameterGrads")
    {
        var grads = Root.GetProperty(key);
        foreach (var parameter in parameters)
        {
            Tolerance.AssertClose(Doubles(grads.GetProperty(parameter.Name)), parameter.Grad, $"grad {parameter.Name}");
        }
    }
}
