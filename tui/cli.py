"""The ``briefing`` command: open the browser, check content files, export or serve a briefing.

Exit codes: 0 success, 1 invalid content (or output that cannot be written), 2 usage
error, 141 when the reader of the output went away (as for a process killed by SIGPIPE,
and as silently). Errors in content are printed one per line as
``PATH:LINE:COL: field: message``; never a traceback. ``check`` and ``export`` never
import Textual.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import functools
import os
import signal
import sys
from pathlib import Path

from . import __version__
from .bulk import pause_for_start, start_done
from .model import LANGUAGES, Language
from .paths import default_briefing

DESCRIPTION = """\
Read a conference briefing in the terminal: achievements, actions, targets,
awardees and the source article, in English, 繁體中文 or 简体中文.

commands:
  briefing [PATH ...] [--watch]        open the browser: one briefing file opens it; a folder or several
                                       files open a library of them; none opens the library of the bundled
                                       briefings and your own folder (see README); --watch (one file)
                                       reloads it when the file changes
  briefing check [PATH|DIR ...]        validate briefing, theme or config files, or every briefing of a folder
                                       (--coverage: what is not quoted)
  briefing new ARTICLE.txt             start a briefing from an article: sources and a skeleton
  briefing export [PATH] --format F    write a briefing as json or markdown to stdout
  briefing serve [PATH ...]            serve the browser (or a library) to web browsers (textual-serve)

Run 'briefing COMMAND --help' for the options of check, new, export and serve."""


def _main_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="a briefing YAML file, or folders and files for a library "
                             "(default: the bundled briefings and your own folder)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language (default: from LANG/LC_ALL, else en)")
    parser.add_argument("--theme", help="colour theme by name (default: the last one chosen, else briefing-dark)")
    parser.add_argument("--watch", action="store_true",
                        help="reload the briefing whenever its file or source text changes, keeping your place, "
                             "and show what is still to do (ctrl+r reloads by hand)")
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    # What each session of 'briefing serve' runs: preferences in memory, no config file read or written.
    parser.add_argument("--served", action="store_true", help=argparse.SUPPRESS)
    return parser


def _check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing check",
        description="Validate briefing, theme and config YAML files. Exit 0 if all are valid, 1 if not.",
    )
    parser.add_argument("paths", nargs="*", type=Path,
                        help="files to check, or folders: every *.yaml and *.yml file in each, not in its "
                             "subfolders (default: the bundled briefings and your own folder)")
    parser.add_argument("--coverage", action="store_true",
                        help="also print the share of the source's Han characters that quotes cover, "
                             "and every passage no quote covers yet")
    return parser


def _new_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing new",
        description="Start a briefing from an article's text: write its raw and clean sources under "
                    "DIR/sources/ and a skeleton DIR/NAME.yaml with the meeting block and one stub per "
                    "sentence or clause, each with its quote. Never overwrites a file.",
    )
    parser.add_argument("article", type=Path, help="the article as text (UTF-8); header lines such as "
                                                   "URL:, TITLE:, DATE: before a '---' line become metadata")
    parser.add_argument("--into", type=Path, default=Path("."), help="folder to write into (default: here)")
    parser.add_argument("--id", dest="name", help="the briefing's name (default: from the article's file name)")
    return parser


def _export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing export", description="Write a whole briefing to stdout.")
    parser.add_argument("path", nargs="?", type=Path, help="briefing YAML file (default: the bundled briefing)")
    parser.add_argument("--format", choices=("json", "markdown"), default="markdown", help="output format")
    parser.add_argument("--lang", choices=LANGUAGES, default="en", help="main language of the output")
    return parser


class _Unwritable(Exception):
    """Standard output or error cannot be written; ``message`` says why (None: the reader went away)."""

    def __init__(self, message: str | None):
        super().__init__(message)
        self.message = message


def _write(stream_name: str, text: str) -> None:
    """Write to ``sys.stdout`` or ``sys.stderr`` now, turning any failure into ``_Unwritable``."""
    stream = getattr(sys, stream_name)
    try:
        if stream is None:  # started with the descriptor closed (``>&-``)
            raise OSError(errno.EBADF, "it is closed")
        stream.write(text)
        stream.flush()  # fail here, where it can be reported, not at interpreter exit
    except BrokenPipeError:
        _discard(stream)
        raise _Unwritable(None) from None
    except OSError as exc:
        _discard(stream)
        what = "output" if stream_name == "stdout" else "error"
        raise _Unwritable(f"briefing: cannot write to standard {what}: {exc.strerror or exc}") from None


def _discard(stream) -> None:
    """Point a failed stream at /dev/null, so the flush at exit has nowhere to fail (and no traceback)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (AttributeError, OSError, ValueError):  # no descriptor (closed, or a test's capture)
        pass


def _out(text: str) -> None:
    _write("stdout", text + "\n")


def _serve_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing serve",
        description="Serve the briefing browser to web browsers: each visitor gets their own session, "
                    "with preferences kept in memory. Every briefing is validated first. Ctrl+C stops.",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="a briefing YAML file, or folders and files to serve as a library "
                             "(default: the bundled briefings and your own folder)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: 127.0.0.1; any other lets others read the briefing)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000; 0: any free port)")
    parser.add_argument("--public-url", help="the URL visitors use, if not http://HOST:PORT (e.g. behind a proxy)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language each session starts in")
    parser.add_argument("--theme", help="colour theme each session starts with")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(sys.argv[1:] if argv is None else argv)
    except _Unwritable as exc:
        if exc.message is None:
            return 128 + signal.SIGPIPE
        with contextlib.suppress(_Unwritable):  # nowhere left to say it; the exit status still does
            _write("stderr", exc.message + "\n")
        return 1


def _main(argv: list[str]) -> int:
    try:
        if argv and argv[0] == "check":
            args = _check_parser().parse_args(argv[1:])
            return run_check(args.paths, coverage=args.coverage)
        if argv and argv[0] == "new":
            args = _new_parser().parse_args(argv[1:])
            return run_new(args.article, args.into, args.name)
        if argv and argv[0] == "export":
            args = _export_parser().parse_args(argv[1:])
            return run_export(args.path, args.format, args.lang)
        if argv and argv[0] == "serve":
            args = _serve_parser().parse_args(argv[1:])
            from .library import briefing_files, default_library

            paths = briefing_files(args.paths) if args.paths else default_library()
            return run_serve(paths, args.host, args.port, args.public_url, args.lang, args.theme)
        args = _main_parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help
        return int(exc.code or 0)
    return run_app(args.paths, args.lang, args.theme, persist=not args.served, watch=args.watch)


def _report(errors) -> None:
    for error in errors:
        _write("stderr", f"{error}\n")


def run_check(paths: list[Path], coverage: bool = False) -> int:
    from .authoring import to_dos
    from .library import default_library
    from .loader import read_briefing

    # No path: what ``briefing`` lists, the bundled briefings and the reader's own.
    files, failed = _check_files(paths or default_library())
    for path in files:
        briefing = None
        kind = _kind_of(path)
        if kind == "theme":
            from .themes import read_theme_file  # Textual parses the colours: only for a theme

            _, errors = read_theme_file(path)
        elif kind == "config":
            errors = _config_problems(path)
        else:
            briefing, errors = read_briefing(path)
        _report(errors)
        failed = failed or bool(errors)
        to_do = [] if briefing is None else to_dos(path)
        _report(to_do)
        if not errors:
            _out(f"{path}: ok" + (f" ({len(to_do)} to do)" if to_do else ""))
        if coverage and briefing is not None:
            _report_coverage(path, briefing)
    return 1 if failed else 0


def _check_files(paths: list[Path]) -> tuple[list[Path], bool]:
    """The files to check (each file given, every briefing file of each folder given), and whether a
    folder had none: that is more likely a mistyped folder than a success."""
    from .library import briefing_files

    files: list[Path] = []
    empty = False
    for path in paths:
        found = briefing_files([path]) if path.is_dir() else [path]
        if not found:
            _write("stderr", f"{path}: no briefing files (*.yaml, *.yml) in this folder\n")
            empty = True
        files += found
    return files, empty


def _report_coverage(path: Path, briefing) -> None:
    """The share of Han characters quoted, then each passage no quote covers, placed in the clean source."""
    from .coverage import coverage

    found = coverage(briefing)
    source = path.parent / briefing.meeting.source.clean
    left = f"; {len(found.gaps)} passage{'s' if len(found.gaps) != 1 else ''} not yet quoted:" if found.gaps else ""
    _out(f"{path}: coverage {found.share:.1%} ({found.covered:,} of {found.total:,} Han characters quoted){left}")
    for gap in found.gaps:
        _out(f"{source}:{gap.paragraph}:{gap.column}: ¶{gap.paragraph}: 「{gap.text}」")


def run_new(article: Path, into: Path, name: str | None) -> int:
    from .authoring import briefing_id, plan_new, write_new
    from .loader import read_text

    if name is not None and briefing_id(Path(name)) != name:
        _write("stderr", f"briefing new: --id {name!r} must be lower-case ASCII letters and digits joined by hyphens\n")
        return 2
    text, error = read_text(article)
    if error:
        _report([error])
        return 1
    plan = plan_new(article, into, name)
    try:
        write_new(text, plan)
    except (FileExistsError, OSError) as exc:
        _write("stderr", f"briefing new: {exc}\n")
        return 1
    except ValueError as exc:  # an article with no text to quote
        _write("stderr", f"briefing new: {article}: {exc}\n")
        return 1
    _out(f"wrote {plan.briefing}, {plan.raw} and {plan.clean}")
    _out(f"next: briefing check {plan.briefing}")
    return 0


THEME_MAX_BYTES = 64 * 1024  # a theme is a dozen lines; a briefing of any size is far more


def _kind_of(path: Path) -> str:
    """"theme" (under a ``themes`` directory, or naming a theme), "config" (the reader's preferences:
    config.yaml, or only their keys) or "briefing"."""
    import yaml

    from .config import PREFERENCES
    from .loader import read_yaml_file

    if "themes" in path.parts:
        return "theme"
    with contextlib.suppress(OSError):
        if path.stat().st_size > THEME_MAX_BYTES:  # a briefing: not worth reading twice to tell
            return "briefing"
    root, _ = read_yaml_file(path)
    keys = {k.value for k, _ in root.value if isinstance(k, yaml.ScalarNode)} \
        if isinstance(root, yaml.MappingNode) else set()
    if keys & {"meeting", "format"}:
        return "briefing"
    if keys & {"primary", "name"}:
        return "theme"
    return "config" if path.name == "config.yaml" or (keys and keys <= set(PREFERENCES)) else "briefing"


def _config_problems(path: Path) -> list:
    """What the app would warn about in a config file: its syntax and values, unknown themes, and each
    keymap entry it could not use (Textual is imported to know the app's keys and themes)."""
    from textual.theme import BUILTIN_THEMES

    from .app import BriefingApp
    from .config import PreferenceStore
    from .keymap import check_keymap
    from .themes import load_themes

    store = PreferenceStore(path)
    theme = store.preferences.theme
    if theme and theme not in set(BUILTIN_THEMES) | {t.name for t in load_themes()[0]}:
        store.problem("theme", f"unknown theme {theme!r}")
    for binding_id, message in check_keymap(store.preferences.keymap, BriefingApp.all_bindings())[1]:
        store.problem(f"keymap.{binding_id}", message)
    return store.problems


def run_export(path: Path | None, fmt: str, language: Language) -> int:
    from .export import to_json, to_markdown
    from .loader import read_briefing

    briefing, errors = read_briefing(path or default_briefing())
    if errors or briefing is None:
        _report(errors)
        return 1
    _write("stdout", to_json(briefing, language) if fmt == "json" else to_markdown(briefing, language))
    return 0


def run_app(paths: list[Path], language: Language | None, theme: str | None, persist: bool = True,
            watch: bool = False) -> int:
    """One briefing file opens that briefing; a folder, several files or none a library."""
    pause_for_start()  # until the app's first screen is drawn (see tui.bulk)
    try:
        return _run_app(paths, language, theme, persist, watch)
    finally:
        start_done(freeze=False)  # if the app never drew its first screen (else this does nothing)


def _run_app(paths: list[Path], language: Language | None, theme: str | None, persist: bool, watch: bool) -> int:
    from .library import briefing_files, default_library

    library = briefing_files(paths) if paths else default_library()
    single = (len(paths) == 1 and not paths[0].is_dir()) or (not paths and len(library) == 1)
    if watch and not single:
        _write("stderr", "briefing: --watch follows one briefing file; name the file\n")
        return 2
    if not single and not library:
        _write("stderr", f"briefing: no briefing files (*.yaml, *.yml) in {', '.join(map(str, paths))}\n")
        return 1
    from .app import BriefingApp

    if single:
        from .cache import load_briefing_cached

        # Load before the full-screen UI starts, so bad content is reported on a normal terminal.
        briefing, errors, cache_key = load_briefing_cached(library[0])
        if errors or briefing is None:
            _report(errors)
            return 1
        app = BriefingApp(briefing, language=language, theme_name=theme, cache_key=cache_key, persist=persist,
                          watch=watch)
    else:
        app = BriefingApp(library=library, language=language, theme_name=theme, persist=persist)
    if theme is not None and not app.is_known_theme(theme):
        _write("stderr", f"briefing: unknown theme {theme!r}; choose one of: {', '.join(app.theme_names())}\n")
        return 2
    import asyncio

    asyncio.run(_run_until_signalled(app))
    return app.return_code or 0


async def _run_until_signalled(app) -> None:
    """Run the app; SIGTERM (``kill``) and SIGHUP end it through Textual, which restores the terminal.

    Python's default for both is to die at once, leaving the terminal in the alternate screen with
    mouse tracking on. The status is the one a shell reports for a process the signal ended."""
    import asyncio

    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGHUP):
        loop.add_signal_handler(signum, functools.partial(app.exit, return_code=128 + signum))
    await app.run_async()


def run_serve(paths: list[Path], host: str, port: int, public_url: str | None, language: Language | None,
              theme: str | None) -> int:
    from importlib.util import find_spec

    if find_spec("textual_serve") is None:
        _write("stderr", "briefing serve needs textual-serve: pip install 'briefing[serve]' "
                         "(or: pip install textual-serve)\n")
        return 1
    from .serve import serve

    return serve(paths, host=host, port=port, public_url=public_url, language=language, theme=theme)
