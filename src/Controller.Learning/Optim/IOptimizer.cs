using Controller.Learning.Nn;

namespace Controller.Learning.Optim;

/// <summary>Updates a fixed set of parameters from their accumulated gradients.</summary>
public interface IOptimizer
{
    IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Step size; schedules set it before each update.</summary>
    double LearningRate { get; set; }

    /// <summary>Applies one update from the current gradients.</summary>
    void Step();

    /// <summary>Sets every gradient to zero.</summary>
    void ZeroGrad();
}
