using System.Text;
using System.Text.Json;
using Attribution.Inputs;
using Attribution.Reporting;
using Attribution.Text;
using NJsonSchema;

namespace Attribution.Tests.Output;

/// <summary>The SARIF of every sample validates against the SARIF 2.1.0 schema (a copy in Output/Schemas).</summary>
public sealed class SarifTests
{
    [Fact]
    public async Task Sarif_of_all_samples_is_valid_sarif_2_1_0()
    {
        var sarif = Render(Directory.GetFiles(Path.Combine(TestPack.RepositoryRoot, "samples")).Order(StringComparer.Ordinal)
            .Select(f => TestPack.Analyzer.Analyze(new InputReader().Read([f]).Single().Text!)));
        using var json = JsonDocument.Parse(sarif);
        var results = json.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.True(results.GetArrayLength() > 0);
        Assert.All(results.EnumerateArray(), r => Assert.True(r.GetProperty("partialFingerprints").EnumerateObject().Any()));

        var schema = await Schema();
        var errors = schema.Validate(sarif);
        Assert.True(errors.Count == 0, string.Join("\n", Flatten(errors)));
    }

    [Fact]
    public async Task Suppressions_fixes_and_regions_are_recorded()
    {
        var text = "<!-- attribution-disable AT4001 -- the councilman's own word -->\nVance claimed the budget was padded.\n<!-- attribution-restore AT4001 -->\nOkafor insisted it was not.";
        var sarif = Render([TestPack.Analyzer.Analyze(new SourceText("stories/budget day.txt", text))]);
        using var json = JsonDocument.Parse(sarif);
        var results = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var suppressed = Assert.Single(results, r => r.TryGetProperty("suppressions", out _));
        Assert.Equal("the councilman's own word", suppressed.GetProperty("suppressions")[0].GetProperty("justification").GetString());
        var active = Assert.Single(results, r => !r.TryGetProperty("suppressions", out _));
        var region = active.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(4, region.GetProperty("startLine").GetInt32());
        Assert.Equal(8, region.GetProperty("startColumn").GetInt32());
        Assert.Equal("insisted", text.Substring(region.GetProperty("charOffset").GetInt32(), region.GetProperty("charLength").GetInt32()));
        Assert.Equal("stories/budget%20day.txt", active.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("said", active.GetProperty("fixes")[0].GetProperty("artifactChanges")[0].GetProperty("replacements")[0].GetProperty("insertedContent").GetProperty("text").GetString());

        var schema = await Schema();
        var errors = schema.Validate(sarif);
        Assert.True(errors.Count == 0, string.Join("\n", Flatten(errors)));
    }

    // The public SARIF 2.1.0 schema (OASIS), kept beside the tests so the validation always runs.
    private static Task<JsonSchema> Schema() => JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Output", "Schemas", "sarif-schema-2.1.0.json"));

    // NJsonSchema nests the reasons under "no type validates" and child-schema errors: list the leaves.
    private static IEnumerable<string> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors)
    {
        foreach (var e in errors)
        {
            var nested = e switch
            {
                NJsonSchema.Validation.ChildSchemaValidationError child => child.Errors.SelectMany(kv => kv.Value).ToList(),
                NJsonSchema.Validation.MultiTypeValidationError multi => multi.Errors.SelectMany(kv => kv.Value).ToList(),
                _ => [],
            };
            if (nested.Count == 0)
            {
                yield return $"{e.Path}: {e.Kind} ({e.Property})";
                continue;
            }

            foreach (var inner in Flatten(nested))
            {
                yield return inner;
            }
        }
    }

    private static string Render(IEnumerable<Attribution.Analysis.DocumentAnalysis> documents)
    {
        using var buffer = new MemoryStream();
        using (var writer = new SarifReportWriter(buffer, TestPack.Pack))
        {
            foreach (var d in documents)
            {
                writer.WriteDocument(d);
            }

            writer.WriteFailure(new InputFailure("missing.txt", "file not found"));
            writer.Complete();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
