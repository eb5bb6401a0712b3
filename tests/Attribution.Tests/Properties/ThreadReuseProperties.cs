using Attribution.Reporting;
using Attribution.Text;
using CsCheck;

namespace Attribution.Tests.Properties;

/// <summary>
/// The parser and the binder keep each thread's working lists and look-up tables from one story to the next,
/// emptied in between. A story's analysis must not depend on what its thread analysed before.
/// </summary>
public sealed class ThreadReuseProperties
{
    // Sentences in wire style that make names, surnames, titles, pronouns, descriptions and grants for the tables.
    private static readonly string[] Sentences =
    [
        "\"We will rebuild the port,\" Governor Maria Lopez said on Monday.",
        "Lopez said the work would take two years.",
        "A senior official, who spoke on condition of anonymity because the talks were private, said the deal was close.",
        "\"It is not over,\" she said.",
        "The ministry said in a statement that 40 people were hurt.",
        "Officials said the road would reopen on Friday.",
        "\"We are ready,\" said Tom Baker, a spokesman for the dockworkers' union.",
        "Baker declined to comment on the vote.",
        "According to a report by the state auditor, costs rose sharply.",
        "Sources familiar with the matter said the firm would cut 300 jobs.",
        "\"Nobody told us anything,\" a resident said.",
        "He added: \"We need answers, and we need them now.\"",
        "The Baker family said they were relieved.",
        "Dr. Ana Ruiz, who leads the clinic, said demand had doubled.",
        "Ruiz's deputy said staff were tired.",
        "The official said the talks would resume.",
        "\"The numbers do not add up,\" the auditor said, \"and the board knows it.\"",
        "Maria Lopez, the governor, told reporters the port was safe.",
    ];

    private static readonly Gen<string> Story =
        Gen.Select(Gen.Int[0, Sentences.Length - 1], Gen.Bool).Array[1, 12]
            .Select(parts => string.Concat(parts.Select(p => Sentences[p.Item1] + (p.Item2 ? "\n\n" : " "))));

    [Fact]
    public void A_story_reads_the_same_whatever_its_thread_read_before()
    {
        Gen.Select(Story, Story).Sample((before, story) =>
        {
            var alone = OnNewThread(() => Json(story));
            var after = OnNewThread(() =>
            {
                Json(before);
                return Json(story);
            });
            Assert.Equal(alone, after);
        }, iter: 150);
    }

    private static string Json(string story)
    {
        var analysis = TestPack.Analyzer.Analyze(new SourceText("story.txt", story));
        using var rendered = JsonReportWriter.Render(analysis);
        return System.Text.Encoding.UTF8.GetString(rendered.Span);
    }

    // A thread of its own, so its per-thread lists and tables start empty; what it throws is thrown here.
    private static string OnNewThread(Func<string> work)
    {
        string? result = null;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception ex)
            {
                failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
            }
        });
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result!;
    }
}
