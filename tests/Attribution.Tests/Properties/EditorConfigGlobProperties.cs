using System.Diagnostics;
using Attribution.Analysis.Configuration;
using CsCheck;

namespace Attribution.Tests.Properties;

/// <summary>
/// EditorConfig section globs match as the format defines them, and in time linear in the path whatever the
/// pattern: a configuration file arrives with the stories, from anyone who can open a pull request.
/// </summary>
public sealed class EditorConfigGlobProperties
{
    [Theory]
    [InlineData("*.txt", "story.txt", true)]
    [InlineData("*.txt", "desk/2024/story.txt", true)]
    [InlineData("*.txt", "story.md", false)]
    [InlineData("desk/*.txt", "desk/story.txt", true)]
    [InlineData("desk/*.txt", "desk/old/story.txt", false)]
    [InlineData("desk/*.txt", "other/desk/story.txt", false)]
    [InlineData("/desk/*.txt", "desk/story.txt", true)]
    [InlineData("stories/**.txt", "stories/a/b/story.txt", true)]
    [InlineData("stories/**.txt", "stories/story.txt", true)]
    [InlineData("stories/**/story.txt", "stories/story.txt", true)]
    [InlineData("stories/**/story.txt", "stories/a/b/story.txt", true)]
    [InlineData("**/wire/*.md", "2024/wire/a.md", true)]
    [InlineData("*.{txt,md}", "a.md", true)]
    [InlineData("*.{txt,md}", "a.html", false)]
    [InlineData("{desk,wire}/{a,b{1,2}}.txt", "wire/b2.txt", true)]
    [InlineData("{desk,wire}/{a,b{1,2}}.txt", "wire/b3.txt", false)]
    [InlineData("{single}.txt", "{single}.txt", true)]
    [InlineData("{single}.txt", "single.txt", false)]
    [InlineData("story?.txt", "story1.txt", true)]
    [InlineData("story?.txt", "story12.txt", false)]
    [InlineData("desk?story.txt", "desk/story.txt", false)]
    [InlineData("[abc].txt", "b.txt", true)]
    [InlineData("[!abc].txt", "b.txt", false)]
    [InlineData("[!abc].txt", "d.txt", true)]
    [InlineData("[a-c]x.txt", "bx.txt", true)]
    [InlineData("[a-c]x.txt", "-x.txt", false)]
    [InlineData("[.txt", "[.txt", true)]
    [InlineData("a\\*b.txt", "a*b.txt", true)]
    [InlineData("a\\*b.txt", "axb.txt", false)]
    [InlineData("a+(b).txt", "a+(b).txt", true)]
    [InlineData("part{1..3}.txt", "part2.txt", true)]
    [InlineData("part{1..3}.txt", "part3.txt", true)]
    [InlineData("part{1..3}.txt", "part4.txt", false)]
    [InlineData("part{1..3}.txt", "part02.txt", false)]
    [InlineData("part{1..3}.txt", "part.txt", false)]
    [InlineData("part{3..1}.txt", "part1.txt", true)]
    [InlineData("day{-2..2}.md", "day-1.md", true)]
    [InlineData("day{-2..2}.md", "day-3.md", false)]
    [InlineData("day{-2..2}.md", "day0.md", true)]
    [InlineData("{2019..2024}/*.txt", "2021/story.txt", true)]
    [InlineData("{2019..2024}/*.txt", "2025/story.txt", false)]
    [InlineData("{2019..2024}/{1..12}/*.txt", "2020/11/story.txt", true)]
    [InlineData("{2019..2024}/{1..12}/*.txt", "2020/13/story.txt", false)]
    [InlineData("{a,b{1..2}}.txt", "b2.txt", true)]
    [InlineData("{a,b{1..2}}.txt", "b5.txt", false)]
    [InlineData("{1..}.txt", "{1..}.txt", true)]
    [InlineData("{1..99999999999999999999}.txt", "5.txt", false)]
    public void Globs_match_as_editorconfig_defines_them(string pattern, string path, bool matches) =>
        Assert.Equal(matches, EditorConfigGlob.Parse(pattern).IsMatch(path));

    [Fact]
    public void Stars_and_question_marks_match_what_a_simple_matcher_matches()
    {
        // Small patterns and names over a few letters, where the exponential reference matcher is quick.
        var pattern = Gen.OneOfConst('a', 'b', '*', '?', '/').Array[0, 7].Select(c => new string(c));
        var path = Gen.OneOfConst('a', 'b', '/').Array[0, 9].Select(c => new string(c));
        Gen.Select(pattern, path).Sample((p, name) =>
        {
            var expected = p.Contains('/', StringComparison.Ordinal)
                ? Reference(p.StartsWith('/') ? p[1..] : p, name)
                : Enumerable.Range(-1, name.Length + 1).Any(i => (i < 0 || name[i] == '/') && Reference(p, name[(i + 1)..]));
            Assert.Equal(expected, EditorConfigGlob.Parse(p).IsMatch(name));
        }, iter: 3000);
    }

    [Fact]
    public void Alternatives_of_stars_and_letters_match_what_a_simple_matcher_matches()
    {
        // "*.{yml,yaml}", the usual kind of section, is matched without a regular expression; it must match
        // exactly what any of its alternatives would, in any folder.
        var text = Gen.OneOfConst('a', 'b', '.', '*').Array[0, 4].Select(c => new string(c));
        var group = text.Array[2, 4].Select(a => "{" + string.Join(',', a) + "}");
        var pattern = Gen.Select(text, group, text, Gen.Bool).Select((a, g, b, two) => two ? a + g + b + g : a + g + b);
        var path = Gen.OneOfConst('a', 'b', '.', '/').Array[0, 9].Select(c => new string(c));
        Gen.Select(pattern, path).Sample((p, name) =>
        {
            var glob = EditorConfigGlob.Parse(p);
            var alternatives = Expand(p);
            var fileName = name[(name.LastIndexOf('/') + 1)..];
            Assert.Equal(!p.Contains("**", StringComparison.Ordinal), glob.IsPlain);
            if (glob.IsPlain)
            {
                Assert.Equal(alternatives.Any(a => Reference(a, fileName)), glob.IsMatch(name));
            }
        }, iter: 3000);
    }

    [Theory]
    [InlineData("*", true)]
    [InlineData("*.md", true)]
    [InlineData("*.{yml,yaml,json,props,csproj,sln}", true)]
    [InlineData("{desk,wire}-*.{txt,md}", true)]
    [InlineData("desk/*.txt", false)]
    [InlineData("**.md", false)]
    [InlineData("story?.txt", false)]
    [InlineData("[abc].txt", false)]
    [InlineData("a\\*b.txt", false)]
    [InlineData("{single}.txt", false)]
    [InlineData("part{1..3}.txt", false)]
    [InlineData("{a,b{1,2}}.txt", false)]
    public void Plain_sections_are_matched_without_a_regular_expression(string pattern, bool plain) =>
        Assert.Equal(plain, EditorConfigGlob.Parse(pattern).IsPlain);

    [Fact]
    [Trait("Category", "Slow")]
    public void A_number_range_takes_the_integers_between_its_ends()
    {
        var number = Gen.Int[-1000, 1000];
        Gen.Select(number, number, number).Sample((a, b, n) =>
        {
            var glob = EditorConfigGlob.Parse($"desk/{{{a}..{b}}}/*.txt");
            Assert.Equal(n >= Math.Min(a, b) && n <= Math.Max(a, b), glob.IsMatch($"desk/{n}/story.txt"));
            Assert.False(glob.IsMatch($"desk/{n}x/story.txt"));
        }, iter: 2000);
    }

    [Theory]
    [InlineData("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b")]
    [InlineData("{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}")]
    [InlineData("**a**a**a**a**a**a**a**a**a**a**a**a**a**a**a**a**a**a**a**a**b")]
    public void A_hostile_glob_matches_in_bounded_time(string pattern)
    {
        // Six stars took 16 s on one name with the backtracking matcher; thirty {a,b} expanded to 2^30 patterns.
        var name = new string('a', 70) + "c.txt";
        var watch = Stopwatch.StartNew();
        var glob = EditorConfigGlob.Parse(pattern);
        for (var i = 0; i < 100; i++)
        {
            Assert.False(glob.IsMatch(name));
            Assert.False(glob.IsMatch("desk/" + name));
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{watch.Elapsed} for 200 matches");
    }

    // The patterns "{a,b}" groups spell out, groups taken left to right.
    private static List<string> Expand(string p)
    {
        var open = p.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return [p];
        }

        var close = p.IndexOf('}', open);
        return [.. p[(open + 1)..close].Split(',').SelectMany(a => Expand(p[..open] + a + p[(close + 1)..]))];
    }

    // '**/' no folder or any folders, '**' any run, '*' any run without '/', '?' one character but '/', the rest
    // itself: by plain recursion.
    private static bool Reference(string p, string s) => p.Length == 0 ? s.Length == 0 : p[0] switch
    {
        '*' when p.StartsWith("**/", StringComparison.Ordinal) =>
            Enumerable.Range(0, s.Length + 1).Any(k => (k == 0 || s[k - 1] == '/') && Reference(p[3..], s[k..])),
        '*' when p.StartsWith("**", StringComparison.Ordinal) => Enumerable.Range(0, s.Length + 1).Any(k => Reference(p[2..], s[k..])),
        '*' => Enumerable.Range(0, s.Length + 1).TakeWhile(k => k == 0 || s[k - 1] != '/').Any(k => Reference(p[1..], s[k..])),
        '?' => s.Length > 0 && s[0] != '/' && Reference(p[1..], s[1..]),
        _ => s.Length > 0 && s[0] == p[0] && Reference(p[1..], s[1..]),
    };
}
