using System.Text;
using Controller.Training.Tmo.Datasets;

namespace Controller.Training.Tests.Tmo.Datasets;

public sealed class M4A1LoaderTests
{
    [M4A1Fact]
    public void Load_RealDataset_CountsMatchDatasetReadme()
    {
        var dialogues = M4A1Loader.Load(M4A1Files.DatasetPath);
        var turns = dialogues.SelectMany(d => d.Turns).ToList();

        Assert.Equal(100, dialogues.Count);
        Assert.Equal(352, turns.Count);
        Assert.Equal(Enumerable.Range(0, 100), dialogues.Select(d => d.Id).Order());

        var lengths = dialogues.GroupBy(d => d.Turns.Count).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<int, int> { [2] = 20, [3] = 32, [4] = 24, [5] = 24 }, lengths);

        Assert.Equal(170, turns.Count(t => !t.Cloud));
        Assert.Equal(85, turns.Count(t => t.Cloud && t.UploadedViews.Count == 0));
        Assert.Equal(19, turns.Count(t => t.UploadedViews.Count == 1));
        Assert.Equal(31, turns.Count(t => t.UploadedViews.Count == 2));
        Assert.Equal(47, turns.Count(t => t.UploadedViews.Count == 3));

        var tasks = turns.GroupBy(t => t.TaskCategory).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(99, tasks["Assistive System"]);
        Assert.Equal(91, tasks["Recommendation"]);
        Assert.Equal(82, tasks["Message Editing"]);
        Assert.Equal(80, tasks["Query"]);

        var association = turns.SelectMany(t => t.Association).ToList();
        Assert.Equal(0.134, association.Min(), 3);
        Assert.Equal(0.280, association.Max(), 3);
        Assert.Equal(9.0, turns.Max(t => t.Score));
    }

    [Fact]
    public void Load_MissingFile_NamesFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.json");

        var error = Assert.Throws<DatasetFormatException>(() => M4A1Loader.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("not found", error.Message);
    }

    [Fact]
    public void Load_BadJson_NamesFileAndLine()
    {
        var error = Assert.Throws<DatasetFormatException>(() => LoadText("[{\"id\": 3,\n \"image_paths\": [}"));

        Assert.Contains("broken.json", error.Message);
        Assert.Contains("not valid JSON (line 2", error.Message);
    }

    [Fact]
    public void Load_MissingField_NamesDialogueAndField()
    {
        var json = Dialogue(7, turn: Turn().Replace("\"score\": 0.8,", ""));

        var error = Assert.Throws<DatasetFormatException>(() => LoadText(json));

        Assert.Equal(7, error.DialogueId);
        Assert.Equal("interactions[0].score", error.Field);
        Assert.Contains("broken.json: dialogue 7, field 'interactions[0].score': missing", error.Message);
    }

    [Fact]
    public void Load_WrongType_NamesDialogueFieldAndValue()
    {
        var json = Dialogue(4, turn: Turn().Replace("\"score\": 0.8", "\"score\": \"high\""));

        var error = Assert.Throws<DatasetFormatException>(() => LoadText(json));

        Assert.Equal("interactions[0].score", error.Field);
        Assert.Contains("dialogue 4", error.Message);
        Assert.Contains("expected a finite number, found string \"high\"", error.Message);
    }

    [Fact]
    public void Load_AssociationRowCountMismatch_NamesDialogueAndField()
    {
        var json = Dialogue(9, turn: Turn(), associationRows: "[0.1, 0.2, 0.3], [0.1, 0.2, 0.3]");

        var error = Assert.Throws<DatasetFormatException>(() => LoadText(json));

        Assert.Equal(9, error.DialogueId);
        Assert.Equal("association_score", error.Field);
        Assert.Contains("has 2 rows but the dialogue has 1 turns", error.Message);
    }

    [Fact]
    public void Load_ViewIndexOutOfRange_NamesField()
    {
        var json = Dialogue(2, turn: Turn().Replace("\"action\": 0", "\"action\": 1").Replace("\"image_index\": null", "\"image_index\": [3]"));

        var error = Assert.Throws<DatasetFormatException>(() => LoadText(json));

        Assert.Equal("interactions[0].image_index", error.Field);
        Assert.Contains("view index 3 is outside 0..2", error.Message);
    }

    [Fact]
    public void Load_IdMissing_NamesArrayPosition()
    {
        var json = Dialogue(1, turn: Turn()).Replace("\"id\": 1,", "");

        var error = Assert.Throws<DatasetFormatException>(() => LoadText(json));

        Assert.Null(error.DialogueId);
        Assert.Equal("[0].id", error.Field);
    }

    [Fact]
    public void Load_ValidMinimalDialogue_ReadsEveryField()
    {
        var json = Dialogue(5, turn: Turn().Replace("\"action\": 0", "\"action\": 1").Replace("\"image_index\": null", "\"image_index\": [2, 0]"));

        var dialogue = Assert.Single(LoadText(json));

        var turn = Assert.Single(dialogue.Turns);
        Assert.Equal(5, dialogue.Id);
        Assert.True(turn.Cloud);
        Assert.Equal([2, 0], turn.UploadedViews);
        Assert.Equal("Query", turn.TaskCategory);
        Assert.Equal(0.8, turn.Score);
        Assert.Equal([0.1, 0.2, 0.3], turn.Association);
    }

    [Theory]
    [InlineData("I'm sorry, no.", 0.0)]
    [InlineData("I don't have access.", 0.0)]
    [InlineData("You can't do that.", 0.0)]
    [InlineData("Sorry is capitalised here.", 0.8)]
    [InlineData("Turn left.", 0.8)]
    public void EffectiveScore_RefusalMarkersCaseSensitive_ZeroOnlyForRefusal(string answer, double expected)
    {
        var turn = new M4A1Turn("q", "Query", false, [], answer, 0.8, 1.0, 0.0, [0.1, 0.2, 0.3]);

        Assert.Equal(expected, turn.EffectiveScore);
    }

    [Fact]
    public void Load_DuplicateId_NamesDialogueAndField()
    {
        var one = Dialogue(4, Turn());
        var error = Assert.Throws<DatasetFormatException>(() => LoadText($"[{one[1..^1]}, {one[1..^1]}]"));

        Assert.Contains("4", error.Message);
        Assert.Contains("id", error.Message);
        Assert.Contains("duplicate", error.Message);
    }

    [Fact]
    public void Load_EmptyArray_SaysItHoldsNoDialogues()
    {
        var error = Assert.Throws<DatasetFormatException>(() => LoadText("[]"));

        Assert.Contains("broken.json", error.Message);
        Assert.Contains("no dialogues", error.Message);
    }

    [Fact]
    public void Load_DialogueWithoutTurns_NamesDialogueAndField()
    {
        var error = Assert.Throws<DatasetFormatException>(() => LoadText("""[{"id": 9, "image_paths": ["a.jpg", "b.jpg", "c.jpg"], "association_score": [], "interactions": []}]"""));

        Assert.Contains("9", error.Message);
        Assert.Contains("interactions", error.Message);
    }

    [Fact]
    public void Load_LocalTurnUploadingViews_NamesField()
    {
        var turn = Turn().Replace("\"image_index\": null", "\"image_index\": [0]", StringComparison.Ordinal);
        var error = Assert.Throws<DatasetFormatException>(() => LoadText(Dialogue(2, turn)));

        Assert.Contains("image_index", error.Message);
        Assert.Contains("local turn cannot upload", error.Message);
    }

    [Fact]
    public void Load_NegativeScore_NamesFieldAndValue()
    {
        var turn = Turn().Replace("\"score\": 0.8", "\"score\": -1", StringComparison.Ordinal);
        var error = Assert.Throws<DatasetFormatException>(() => LoadText(Dialogue(2, turn)));

        Assert.Contains("score", error.Message);
        Assert.Contains("-1", error.Message);
    }

    [Fact]
    public void Load_UnknownTask_NamesDialogueFieldAndKnownTasks()
    {
        var error = Assert.Throws<DatasetFormatException>(() => LoadText(Dialogue(7, Turn().Replace("\"Query\"", "\"Querry\"", StringComparison.Ordinal))));

        Assert.Contains("broken.json", error.Message);
        Assert.Contains("7", error.Message);
        Assert.Contains("task_cat", error.Message);
        Assert.Contains("'Querry'", error.Message);
        Assert.Contains("'Recommendation'", error.Message);
    }

    private static IReadOnlyList<M4A1Dialogue> LoadText(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return M4A1Loader.Load(stream, "broken.json");
    }

    private static string Turn() =>
        """{"question": "q", "task_cat": "Query", "action": 0, "image_index": null, "answer": "a", "score": 0.8, "interaction_time": 1.5, "usage_cost": 0.0001}""";

    private static string Dialogue(int id, string turn, string associationRows = "[0.1, 0.2, 0.3]") =>
        $$"""[{"id": {{id}}, "image_paths": ["a.jpg", "b.jpg", "c.jpg"], "association_score": [{{associationRows}}], "interactions": [{{turn}}]}]""";
}
