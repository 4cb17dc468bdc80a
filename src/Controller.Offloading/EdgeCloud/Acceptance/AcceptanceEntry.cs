namespace Controller.Offloading.EdgeCloud.Acceptance;

/// <summary>One row of the acceptance table: per-token draft acceptance α for a task, a model pair and image relevance.</summary>
/// <param name="Task">Task category, or <see cref="AcceptanceTable.OtherTasks"/> for any task not listed.</param>
/// <param name="Draft">Draft model name.</param>
/// <param name="Target">Target model name.</param>
/// <param name="ImagesMatter">True when the answer depends on uploaded images the text-only draft cannot see.</param>
/// <param name="Alpha">Per-token acceptance probability α ∈ [0, 1].</param>
public sealed record AcceptanceEntry(string Task, string Draft, string Target, bool ImagesMatter, double Alpha);
