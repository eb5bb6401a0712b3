#!/usr/bin/env python3
"""Map/reduce an Attribution archive report on a Dask cluster.

Map: Dask splits the JSONL archives into blocks of whole lines; each worker pipes its block through
the installed tool (`attribution report --format json -`), which writes the report of that part.
Reduce: the parts, in archive order, go to `attribution report merge`, which prints exactly the
report one run over the whole archive would print.

    python3 dask_report.py archive/*.jsonl --format html -o report.html              # a local cluster
    python3 dask_report.py archive/*.jsonl --scheduler tcp://10.0.0.5:8786 -o r.csv  # an existing one

Every worker needs the tool on its PATH (or --tool). See docs/scale-out.md.
"""

import argparse
import os
import subprocess
import sys
import tempfile


def report_part(lines, tool, rules):
    """The map step: one block of JSONL lines in, the JSON report of that part out."""
    text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    command = [tool, "report", "--format", "json", "--input-format", "jsonl", "--no-progress", "--threads", "1"]
    if rules:
        command += ["--rules", rules]
    run = subprocess.run(command + ["-"], input=text.encode("utf-8"), capture_output=True, check=False)
    # Exit 2 means some records could not be read: they are rows with an error, and the merge says so again.
    if run.returncode not in (0, 2):
        raise RuntimeError(f"{tool} report failed ({run.returncode}): {run.stderr.decode('utf-8', 'replace')}")
    return [run.stdout]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archives", nargs="+", help="JSONL archives (local paths, or any URL Dask reads)")
    parser.add_argument("--tool", default="attribution", help="the attribution executable on the workers")
    parser.add_argument("--rules", help="a rules folder, passed to every worker")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (default: a local cluster)")
    parser.add_argument("--workers", type=int, default=2, help="workers of the local cluster")
    parser.add_argument("--blocksize", default="4MiB", help="bytes of archive per map task")
    parser.add_argument("--format", default="csv", choices=["csv", "json", "html"])
    parser.add_argument("--by", choices=["desk", "author", "month", "folder"])
    parser.add_argument("-o", "--output", help="write the report here instead of standard output")
    args = parser.parse_args()

    import dask.bag
    from distributed import Client, LocalCluster

    if args.scheduler:
        client = Client(args.scheduler)
    else:
        client = Client(LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None))
    with client:
        lines = dask.bag.read_text(args.archives, blocksize=args.blocksize)
        parts = lines.map_partitions(report_part, args.tool, args.rules).compute()

    # The reduce step, on this machine: the parts in archive order.
    with tempfile.TemporaryDirectory(prefix="attribution-parts-") as folder:
        files = []
        for i, part in enumerate(parts):
            path = os.path.join(folder, f"part-{i:05d}.json")
            with open(path, "wb") as f:
                f.write(part)
            files.append(path)
        command = [args.tool, "report", "merge", *files, "--format", args.format]
        if args.by:
            command += ["--by", args.by]
        if args.output:
            command += ["-o", args.output]
        return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
