"""The `extract` command: run the pipeline, validate against gold, check the patterns."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path
from typing import Sequence

from .errors import ExtractError, InputError, PatternError

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

RUN_EXAMPLE = """\
examples:
  extract run corpus/articles -o out/facts.csv     # every *.txt under the folder
  extract run some_article.txt                     # CSV on stdout
  extract run corpus/articles --explain -o facts.csv   # adds the rule ids behind each row

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
        "run", help="extract facts from articles into a CSV", epilog=RUN_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Read UTF-8 articles (files, or folders of *.txt) and write one row per fact.",
    )
    run.add_argument("inputs", nargs="+", metavar="INPUT", help="an article file or a folder of *.txt files")
    run.add_argument("-o", "--output", metavar="FILE", help="write the CSV here (default: stdout)")
    run.add_argument("--explain", action="store_true", help="add a `rules` column: the rule ids behind each row")
    run.add_argument("--patterns", metavar="DIR", help="use these pattern files instead of the bundled ones")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary on stderr")

    validate = commands.add_parser(
        "validate", help="score a facts CSV against gold tables", epilog=VALIDATE_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Precision, recall and F1 of quantities and facts, per article and in total.",
    )
    validate.add_argument("predictions", metavar="FACTS_CSV", help="a CSV written by `extract run`")
    validate.add_argument("--gold", required=True, metavar="PATH", help="a gold CSV, or a folder of them")
    validate.add_argument("--errors", action="store_true", help="list gold facts missed and extra predictions")
    validate.add_argument("--min-f1", type=float, metavar="F", help="exit 1 if micro quantity F1 is below F")
    validate.add_argument("--min-fact-f1", type=float, metavar="F", help="exit 1 if micro fact F1 is below F")

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
    from .articles import article_paths, read_article
    from .pipeline import Extractor
    from .table import CsvWriter

    started = time.monotonic()
    targets = []
    for item in args.inputs:
        path = Path(item)
        if not path.exists():
            print(f"error: {path}: no such file or folder", file=sys.stderr)
            return EXIT_USAGE
        targets.extend(article_paths(path))
    # jieba sets its own logger to DEBUG when imported and prints its dictionary loading.
    logging.getLogger("jieba").setLevel(logging.WARNING)
    extractor = Extractor(patterns=_patterns_dir(args.patterns))

    failures: list[str] = []
    articles = facts_written = 0
    output = _open_output(args.output) if args.output else sys.stdout
    try:
        writer = CsvWriter(output, explain=args.explain)
        for number, (path, doc_id) in enumerate(targets, 1):
            try:
                article = read_article(path, doc_id=doc_id)
                facts_written += writer.write(extractor.extract(article))
                articles += 1
            except ExtractError as error:
                failures.append(str(error))
                print(f"error: {error}", file=sys.stderr)
            if not args.quiet and sys.stderr.isatty():
                print(f"\r{number}/{len(targets)} articles", end="", file=sys.stderr, flush=True)
    finally:
        if args.output:
            output.close()
    if not args.quiet:
        if sys.stderr.isatty():
            print(file=sys.stderr)
        seconds = time.monotonic() - started
        print(f"{articles} articles, {facts_written} facts, {len(failures)} failed, {seconds:.1f}s", file=sys.stderr)
    return EXIT_SOME_FAILED if failures else EXIT_OK


def _open_output(path: str):
    """Open the output CSV, creating its folder; a clear error instead of a traceback."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        return open(target, "w", encoding="utf-8-sig", newline="")
    except OSError as error:
        raise InputError(f"{target}: cannot write the output: {error.strerror or error}") from None


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
