"""The ``fusediff`` command (also ``python -m fusediff``).

    fusediff list                      the algorithms
    fusediff help ALGORITHM            what it does and its parameters
    fusediff run ALGORITHM --NAME=value [--NAME=value ...] [--threads N] [--quiet]

``run`` takes exactly the parameter names and values of ``qgis_process run fusediff:ALGORITHM``
(``--NAME value`` works too; a parameter taking several values may be repeated). On a terminal a
progress bar with the time left is shown, otherwise plain progress lines. Exit status 0 on
success; on input the user can fix, 1 with the one-sentence reason on stderr, no traceback and
no output file; 2 for a command-line mistake; 130 when interrupted.
"""
from __future__ import annotations

import html
import re
import sys
from typing import Optional

USAGE = ("usage: fusediff list | fusediff help ALGORITHM | "
         "fusediff run ALGORITHM --NAME=value [--NAME=value ...] [--threads N] [--quiet]")


def _text(help_html: str) -> str:
    """Help HTML as plain paragraphs."""
    text = re.sub(r"</p>\s*", "\n\n", help_html)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text).strip()


def cmd_list(out=sys.stdout) -> int:
    """Print every algorithm's id and name, by group."""
    from .engine.registry import algorithm_specs
    group = None
    for spec in algorithm_specs().values():
        if spec.group != group:
            group = spec.group
            print(f"\n{group}:", file=out)
        print(f"  {spec.name:<12} {spec.display_name}", file=out)
    return 0


def cmd_help(name: str, out=sys.stdout) -> int:
    """Print an algorithm's help and parameters (names, kinds, defaults, choices)."""
    from .engine.registry import get_spec
    spec = get_spec(name)
    print(f"fusediff:{spec.name}: {spec.display_name}\n", file=out)
    print(_text(spec.help), file=out)
    print("\nParameters (fusediff run {0} --NAME=value):".format(spec.name), file=out)
    for p in spec.params:
        extra = []
        if p.choices:
            extra.append("choices: " + ", ".join(f"{i} = {c}" + (f" ({p.ids[i]})" if p.ids else "")
                                                 for i, c in enumerate(p.choices)))
        if p.default is not None and p.default != "":
            extra.append(f"default: {p.default}")
        if p.minimum is not None or p.maximum is not None:
            extra.append(f"range: {'' if p.minimum is None else f'{p.minimum:g}'}..."
                         f"{'' if p.maximum is None else f'{p.maximum:g}'}")
        if p.optional:
            extra.append("optional")
        if p.is_output:
            extra.append("output")
        print(f"  --{p.name} ({p.kind}): {p.label}" + (f" [{'; '.join(extra)}]" if extra else ""), file=out)
        if p.help and p.help != p.label:
            print(f"      {p.help}", file=out)
    for name, label in spec.number_outputs:
        print(f"  result {name}: {label}", file=out)
    return 0


def parse_run_args(args: list) -> tuple:
    """(parameter values {NAME: value or [values]}, threads, quiet) from ``--NAME=value`` words
    (or, after a lone ``--``, ``NAME=value`` words, as qgis_process also takes them).

    Raises SystemExit(2) with usage for words that are not options."""
    values, threads, quiet = {}, 0, False
    i = 0
    plain = False  # after a lone '--', qgis_process takes NAME=value words
    while i < len(args):
        word = args[i]
        if word == "--":
            plain = True
            i += 1
            continue
        if plain and not word.startswith("--") and "=" in word:
            word = "--" + word
        if not word.startswith("--") or len(word) == 2:
            raise SystemExit(f"fusediff run: unexpected argument '{word}'\n{USAGE}")
        key, eq, value = word[2:].partition("=")
        if not eq:
            if key == "quiet":
                quiet = True
                i += 1
                continue
            if i + 1 >= len(args):
                raise SystemExit(f"fusediff run: --{key} needs a value\n{USAGE}")
            value = args[i + 1]
            i += 1
        i += 1
        if key == "threads":
            try:
                threads = int(value)
            except ValueError:
                raise SystemExit(f"fusediff run: --threads needs a whole number, got '{value}'") from None
            continue
        if key in values:  # a repeated parameter: several values
            previous = values[key]
            values[key] = (previous if isinstance(previous, list) else [previous]) + [value]
        else:
            values[key] = value
    return values, threads, quiet


class _Lines:
    """Plain progress lines (no terminal): one per new message or every 10 %."""

    def __init__(self, out):
        self.out = out
        self.last = (-1, None)

    def __call__(self, fraction: float, message: str = "") -> None:
        step = int(fraction * 10)
        if message != self.last[1] or step != self.last[0]:
            self.last = (step, message)
            print(f"{100 * fraction:5.1f}% {message}".rstrip(), file=self.out, flush=True)


def cmd_run(name: str, args: list) -> int:
    """Run an algorithm; print its results as NAME: value lines on stdout."""
    from .api import _Bar
    from .engine.context import RunContext
    from .engine.errors import CANCELLED_MESSAGE, Cancelled, UserError
    from .engine.run import run_algorithm
    values, threads, quiet = parse_run_args(args)
    tty = sys.stderr.isatty()
    bar = _Bar(name) if tty and not quiet else None
    progress = bar or (_Lines(sys.stderr) if not quiet else (lambda f, m="": None))

    def log(prefix):
        def write(line):
            if quiet:
                return
            if bar is not None:
                bar.bar.write(prefix + line, file=sys.stderr)
            else:
                print(prefix + line, file=sys.stderr, flush=True)
        return write

    ctx = RunContext(progress=progress, info=log(""), warning=log("Warning: "), threads=threads)
    try:
        results = run_algorithm(name, values, ctx)
    except UserError as exc:
        if bar is not None:
            bar.close()
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except (Cancelled, KeyboardInterrupt):
        if bar is not None:
            bar.close()
        print(CANCELLED_MESSAGE, file=sys.stderr)
        return 130
    if bar is not None:
        bar.close()
    for key, value in results.items():
        print(f"{key}: {value}")
    return 0


def main(argv: Optional[list] = None) -> int:
    """Entry point of the ``fusediff`` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help"):
        print(USAGE)
        return 0 if args else 2
    command, rest = args[0], args[1:]
    from .engine.errors import UserError
    try:
        if command == "list":
            return cmd_list()
        if command == "help":
            if len(rest) != 1:
                print(USAGE, file=sys.stderr)
                return 2
            return cmd_help(rest[0])
        if command == "run":
            if not rest or rest[0].startswith("--"):
                print(USAGE, file=sys.stderr)
                return 2
            return cmd_run(rest[0], rest[1:])
    except UserError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except SystemExit as exc:
        if isinstance(exc.code, str):
            print(exc.code, file=sys.stderr)
            return 2
        raise
    print(f"fusediff: unknown command '{command}'\n{USAGE}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
