"""The `extract` command: run the pipeline, validate against gold, check the patterns."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Sequence

from .errors import InputError, PatternError

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

RUN_EXAMPLE = """\
examples:
  extract run corpus/articles -o out/facts.csv         # every *.txt under the folder
  extract run some_article.txt                         # CSV on stdout
  extract run archive/ -o facts.csv --jobs 0           # all cores; progress bar on stderr
  extract run news.jsonl -o facts.parquet              # {"doc_id": …, "text": …} per line
  extract run articles.csv --text-col body --id-col id -o facts.jsonl
  extract run archive/ -o facts.csv --resume           # continue a stopped run, no duplicates
  extract run archive/ -o facts.parquet --engine dask --scheduler tcp://scheduler:8786
  extract run corpus/articles --explain -o facts.csv   # adds the rule ids behind each row

Exit status: 0 all articles processed, 1 some failed (each named on stderr and in --errors),
2 bad arguments or pattern files (nothing ran).

The CSV has SCHEMA's columns (doc_id, fact_id, subject, metric, value, unit, qualifier,
period, kind, text, start, end, sentence, mentions), is UTF-8 with a BOM so Excel shows
the Chinese, and writes values as plain decimals (2009.52亿元 -> 200952000000).
"""

VALIDATE_EXAMPLE = """\
examples:
  extract validate out/facts.csv --gold corpus/gold
  extract validate out/facts.csv --gold corpus/gold --errors        # list misses and extras
  extract validate out/facts.csv --gold corpus/gold --min-f1 0.97   # exit 1 below the floor

Scores follow SCHEMA "Scoring": a quantity match needs the same unit and value (relative
tolerance 1e-6); a fact match also needs metric and subject to agree (containment or
character-bigram Dice >= 0.5). qual = share of quantity matches with the gold qualifier;
period = share (of those with a gold period) whose period agrees.
"""

REPORT_EXAMPLE = """\
examples:
  extract report corpus/articles --gold corpus/gold -o report/   # then open report/index.html
  extract report some_article.txt -o report/
"""

CHECK_EXAMPLE = """\
examples:
  extract check patterns            # the bundled pattern files
  extract check my_patterns/        # a copy you are editing

Prints every problem (file, rule id, what is wrong) and exits 2, or prints nothing and exits 0.
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extract",
        description="Pull statistics out of Chinese news articles into a table of facts.",
        epilog="Run `extract COMMAND --help` for each command's options and an example.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser(
        "run", help="extract facts from articles into a table (CSV, JSON Lines, Parquet)", epilog=RUN_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Read articles (files, folders, globs, stdin or tables; UTF-8, GB18030/GBK, Big5 or "
                    "UTF-16) and write one row per fact, in SCHEMA's columns.",
    )
    run.add_argument("inputs", nargs="+", metavar="INPUT",
                     help="an article (.txt), a folder (every *.txt below it), a glob, - for stdin, or a table "
                          "of articles: .jsonl ({\"doc_id\": …, \"text\": …} per line), .csv or .parquet")
    run.add_argument("-o", "--output", metavar="FILE",
                     help="write the facts here: .csv, .jsonl or .parquet (default, or -: CSV on stdout)")
    run.add_argument("--format", choices=("csv", "jsonl", "parquet"), help="output format, if not by suffix")
    run.add_argument("--id-col", default="doc_id", metavar="NAME", help="id column of a table input (default doc_id)")
    run.add_argument("--text-col", default="text", metavar="NAME", help="text column of a table input (default text)")
    run.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                     help="worker processes (0 = all cores; default 1); output is the same for any N")
    run.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="local processes, or a Dask cluster (pip install 'extract[dask]')")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="Dask scheduler, e.g. tcp://scheduler:8786 (default: a local cluster of --jobs workers)")
    run.add_argument("--resume", action="store_true",
                     help="continue a stopped run: skip the articles already in the output, append the rest")
    run.add_argument("--errors", metavar="FILE",
                     help="write the articles that failed here (CSV: doc_id, path, stage, message)")
    run.add_argument("--report", metavar="FILE",
                     help="write one line per article here (CSV: doc_id, path, status, encoding, facts, stage, "
                          "message)")
    run.add_argument("--explain", action="store_true", help="add a `rules` column: the rule ids behind each row")
    run.add_argument("--patterns", metavar="DIR", help="use these pattern files instead of the bundled ones")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bar (the summary line stays)")

    validate = commands.add_parser(
        "validate", help="score a facts CSV against gold tables", epilog=VALIDATE_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Precision, recall and F1 of quantities and facts, per article and in total.",
    )
    validate.add_argument("predictions", metavar="FACTS", help="a facts file written by `extract run` (.csv, .jsonl, .parquet)")
    validate.add_argument("--gold", required=True, metavar="PATH", help="a gold CSV, or a folder of them")
    validate.add_argument("--errors", action="store_true", help="list gold facts missed and extra predictions")
    validate.add_argument("--min-f1", type=float, metavar="F", help="exit 1 if micro quantity F1 is below F")
    validate.add_argument("--min-fact-f1", type=float, metavar="F", help="exit 1 if micro fact F1 is below F")

    report = commands.add_parser(
        "report", help="write an HTML report: articles with their facts highlighted", epilog=REPORT_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="A static, self-contained HTML report (no network): one page per article with every fact "
                    "highlighted (colour by kind, hover for subject, metric, value, unit, period) and an index.",
    )
    report.add_argument("inputs", nargs="+", metavar="INPUT", help="articles, folders or tables, as for `run`")
    report.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write the pages into")
    report.add_argument("--gold", metavar="PATH", help="gold tables: mark missed and extra facts, show P/R/F1")
    report.add_argument("--id-col", default="doc_id", metavar="NAME", help="id column of a table input")
    report.add_argument("--text-col", default="text", metavar="NAME", help="text column of a table input")
    report.add_argument("--patterns", metavar="DIR", help="use these pattern files instead of the bundled ones")

    check = commands.add_parser(
        "check", help="check pattern files and run their examples", epilog=CHECK_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Load every pattern file, compile every rule, and run every example and non-example.",
    )
    check.add_argument("patterns", nargs="?", default="patterns", metavar="DIR",
                       help="folder of pattern files (default: patterns; `patterns` alone means the bundled ones)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        if args.command == "run":
            return _run(args)
        if args.command == "validate":
            return _validate(args)
        if args.command == "check":
            return _check(args)
        if args.command == "report":
            return _report(args)
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    except PatternError as error:
        print(f"error: the pattern files have {len(error.problems)} problem(s):", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_USAGE
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `extract … | head`: the reader left; nothing more to say
        sys.stderr.close()
        return EXIT_OK


def _patterns_dir(value: str | None) -> Path | None:
    if value is None:
        return None
    path = Path(value)
    if not path.exists():
        raise InputError(f"{path}: no such folder of patterns")
    return path


def _run(args) -> int:
    from .output import format_for, open_writer
    from .runner import run_dask, run_here, run_processes
    from .sources import check_inputs, iter_sources

    started = time.monotonic()
    check_inputs(args.inputs, text_col=args.text_col, id_col=args.id_col)
    patterns = str(_patterns_dir(args.patterns)) if args.patterns else None
    if patterns:
        from .rules import load_rules

        load_rules(patterns)  # a pattern error stops the run before it starts (exit 2)
    output = None if args.output == "-" else args.output  # -o - is stdout, as - is stdin
    if args.resume and not output:
        raise InputError("--resume needs an output file (-o)")
    writer = open_writer(output, format_for(output, args.format), explain=args.explain,
                         resume=args.resume, stream=sys.stdout)
    skipped = 0

    def wanted():
        nonlocal skipped
        for source in iter_sources(args.inputs, text_col=args.text_col, id_col=args.id_col):
            if source.doc_id in writer.done and not source.error:
                skipped += 1
                continue
            yield source

    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    if args.engine == "dask":
        outcomes = run_dask(wanted(), scheduler=args.scheduler, workers=args.jobs, patterns=patterns,
                            explain=args.explain)
    elif jobs > 1:
        outcomes = run_processes(wanted(), jobs=jobs, patterns=patterns, explain=args.explain)
    else:
        outcomes = run_here(wanted(), patterns=patterns, explain=args.explain)

    failures = []
    report = []  # (doc_id, path, status, encoding, facts, stage, message) per article, for --report
    articles = facts = 0
    progress = _progress(args)
    try:
        for outcome in outcomes:
            if outcome.error:
                failures.append(outcome)
                print(f"error: {outcome.origin}: {outcome.error}", file=sys.stderr)
            else:
                writer.write(outcome.doc_id, outcome.rows)
                articles += 1
                facts += len(outcome.rows)
            if args.report:
                report.append([outcome.doc_id, outcome.origin, "failed" if outcome.error else "ok", outcome.encoding,
                               len(outcome.rows), outcome.stage, outcome.error])
            if progress is not None:
                progress.update(1)
        writer.finish()
    except KeyboardInterrupt:
        part = writer.abandon()
        where = f"; whole articles so far are in {part}: run again with --resume to finish" if part else ""
        print(f"interrupted after {articles} articles{where}", file=sys.stderr)
        return 130
    finally:
        if progress is not None:
            progress.close()
    if args.errors:
        _write_table(args.errors, ["doc_id", "path", "stage", "message"],
                     ([f.doc_id, f.origin, f.stage, f.error] for f in failures))
    if args.report:
        _write_table(args.report, ["doc_id", "path", "status", "encoding", "facts", "stage", "message"], report)
    seconds = time.monotonic() - started
    done = f" ({skipped} already done)" if skipped else ""
    print(f"{articles} articles{done}, {facts} facts, {len(failures)} failed, {seconds:.1f}s", file=sys.stderr)
    if not (articles or skipped or failures):  # an empty folder or table is no error, but say so
        print(f"warning: no articles in {', '.join(args.inputs)}", file=sys.stderr)
    return EXIT_SOME_FAILED if failures else EXIT_OK


def _progress(args):
    """A progress bar with articles/s on stderr, when stderr is a terminal and not --quiet."""
    if args.quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit=" articles", file=sys.stderr, smoothing=0.1)


def _write_table(path: str, header: list[str], rows) -> None:
    """A small CSV report (utf-8-sig, so Excel shows the Chinese)."""
    import csv

    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(header)
            writer.writerows(rows)
    except OSError as error:
        raise InputError(f"{target}: cannot write the report: {error.strerror or error}") from None


def _format_scores(doc: str, counts) -> str:
    qp, qr, qf = counts.quantity
    fp, fr, ff = counts.fact
    qualifier = f"{counts.qualifier_agree / counts.quantity_matches:6.3f}" if counts.quantity_matches else f"{'-':>6}"
    period = f"{counts.period_agree / counts.period_checked:6.3f}" if counts.period_checked else f"{'-':>6}"
    return (f"{doc:<22} {counts.gold:>5} {counts.predicted:>5}  {qp:6.3f} {qr:6.3f} {qf:6.3f}"
            f"  {fp:6.3f} {fr:6.3f} {ff:6.3f}  {qualifier} {period}")


def _validate(args) -> int:
    from .score import read_gold, read_table, score, total

    gold = read_gold(args.gold)
    predicted = read_table(args.predictions, strict=False)
    scores = score(predicted, gold)
    header = (f"{'article':<22} {'gold':>5} {'pred':>5}  {'qty P':>6} {'qty R':>6} {'qty F1':>6}"
              f"  {'fact P':>6} {'fact R':>6} {'fact F1':>6}  {'qual':>6} {'period':>6}")
    print(header)
    for article in scores:
        print(_format_scores(article.doc_id, article.counts))
    overall, separate = total(scores)
    print("-" * len(header))
    print(_format_scores("TOTAL (micro)", overall))
    print(_format_scores("rank and ratio rows", separate))
    if args.errors:
        for article in scores:
            if not (article.misses or article.extras or article.wrong_context):
                continue
            print(f"\n== {article.doc_id}")
            for row in article.misses:
                print(f"  missed  {row.text:<14} {row.value} {row.unit or '-'}  {row.subject} | {row.metric}")
            for row in article.extras:
                print(f"  extra   {row.text:<14} {row.value} {row.unit or '-'}  {row.subject} | {row.metric}")
            for predicted, gold_row in article.wrong_context:
                print(f"  context {gold_row.text:<14} predicted {predicted.subject} | {predicted.metric}"
                      f"   gold {gold_row.subject} | {gold_row.metric}")
    quantity_f1, fact_f1 = overall.quantity[2], overall.fact[2]
    failed = []
    if args.min_f1 is not None and quantity_f1 < args.min_f1:
        failed.append(f"quantity F1 {quantity_f1:.3f} is below {args.min_f1}")
    if args.min_fact_f1 is not None and fact_f1 < args.min_fact_f1:
        failed.append(f"fact F1 {fact_f1:.3f} is below {args.min_fact_f1}")
    for message in failed:
        print(f"error: {message}", file=sys.stderr)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _report(args) -> int:
    from .model import Article
    from .pipeline import Extractor
    from .report import ArticlePage, write_report
    from .score import Row, read_gold, score_article
    from .sources import check_inputs, iter_sources
    from .table import fact_rows, read_rows

    check_inputs(args.inputs, text_col=args.text_col, id_col=args.id_col)
    gold_by_doc: dict[str, list] = {}
    gold_raw: dict[str, list] = {}
    if args.gold:
        for row in read_gold(args.gold):
            gold_by_doc.setdefault(row.doc_id, []).append(row)
        gold_path = Path(args.gold)
        for table in sorted(gold_path.glob("*.csv")) if gold_path.is_dir() else [gold_path]:
            for raw in read_rows(table):
                gold_raw.setdefault(raw.get("doc_id", ""), []).append(raw)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    extractor = Extractor(patterns=_patterns_dir(args.patterns))
    pages, failed = [], 0
    for source in iter_sources(args.inputs, text_col=args.text_col, id_col=args.id_col):
        try:
            if source.error:
                raise InputError(source.error)
            article = (Article(source.doc_id, source.text, source.origin) if source.text is not None
                       else extractor.read(source.path, doc_id=source.doc_id))
        except InputError as error:
            failed += 1
            print(f"error: {source.origin}: {str(error).removeprefix(f'{source.path}: ')}", file=sys.stderr)
            continue
        rows = list(fact_rows(extractor.extract(article)))
        score, extra_ids = None, frozenset()
        if args.gold:
            predicted = [Row(r["doc_id"], r["subject"], r["metric"], Decimal(r["value"]), r["unit"], r["qualifier"],
                             r["period"], r["kind"], r["text"], source=r["fact_id"]) for r in rows]
            score = score_article(article.doc_id, predicted, gold_by_doc.get(article.doc_id, []))
            extra_ids = frozenset(row.source for row in score.extras)
        pages.append(ArticlePage(article.doc_id, article.text, rows, score, gold_raw.get(article.doc_id, []),
                                 extra_ids))
    index = write_report(pages, args.output)
    print(f"{len(pages)} articles, {failed} failed: open {index}", file=sys.stderr)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _check(args) -> int:
    from .rules import check_examples, default_patterns_dir, load_rules

    directory = Path(args.patterns)
    if args.patterns == "patterns" and not directory.is_dir():
        directory = default_patterns_dir()
    rules = load_rules(directory)
    problems = check_examples(rules)
    if problems:
        print(f"error: the pattern files have {len(problems)} problem(s):", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
