using Controller.Training.EdgeCloud.Datasets;

namespace Controller.Training.Tests.EdgeCloud.Datasets;

public sealed class AcceptanceTableCsvTests
{
    [Theory]
    [InlineData("task,draft,target,alpha\nQuery,a,b,0.7\n", 1, "(header)")]
    [InlineData(AcceptanceTableCsv.Header + "\nQuery,a,b,0,1.5\n", 2, "alpha")]
    [InlineData(AcceptanceTableCsv.Header + "\nQuery,a,b,0,NaN\n", 2, "alpha")]
    [InlineData(AcceptanceTableCsv.Header + "\nQuery,a,b,maybe,0.7\n", 2, "images_matter")]
    [InlineData(AcceptanceTableCsv.Header + "\nQuery,,b,0,0.7\n", 2, "draft")]
    [InlineData(AcceptanceTableCsv.Header + "\nQuery,a,b,0,0.7\nquery,a,b,0,0.6\n", 3, "task")]
    [InlineData(AcceptanceTableCsv.Header + "\nQuery,a,b,0\n", 2, "alpha")]
    [InlineData(AcceptanceTableCsv.Header + "\n", 1, "(rows)")]
    public void Read_MalformedInput_NamesFileLineAndField(string content, int line, string field)
    {
        using var file = new TempFile(".csv", content);

        var ex = Assert.Throws<TraceFormatException>(() => AcceptanceTableCsv.Read(file.Path));

        Assert.Equal(file.Path, ex.FilePath);
        Assert.Equal(line, ex.LineNumber);
        Assert.Equal(field, ex.Field);
    }
}
