using SharpFuzz;

namespace Attribution.Fuzz;

/// <summary>
/// The fuzzing harness (SharpFuzz + AFL++): <c>attribution-fuzz TARGET</c> under afl-fuzz, or
/// <c>attribution-fuzz TARGET FILE…</c> to replay inputs without AFL (from a build that fuzz.sh has not
/// instrumented). fuzz.sh does the set-up.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length == 0 || !FuzzTargets.Names.Contains(args[0]))
        {
            Console.Error.WriteLine($"usage: attribution-fuzz {string.Join('|', FuzzTargets.Names)} [FILE…]");
            return 2;
        }

        var target = args[0];
        if (args.Length > 1)
        {
            foreach (var file in args.Skip(1))
            {
                FuzzTargets.Run(target, File.ReadAllBytes(file));
                Console.WriteLine($"{file}: ok");
            }

            return 0;
        }

        // Instrumented code must not run before the fork server has set up AFL's shared memory (it
        // would write to a null trace map), so the rules load on the first input instead of here.
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            FuzzTargets.Run(target, buffer.ToArray());
        });
        return 0;
    }
}
