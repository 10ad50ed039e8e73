"""The `itukg` command line: the group, its error handling and the assembly of the
commands, each of which lives in its stage's or use's own `cli.py`.

Heavy libraries (rdflib, pyoxigraph, spaCy, owlready2, networkx) are imported inside
the commands that need them, so that `itukg --help` starts at once.
"""

from __future__ import annotations

import click

from itukg import __version__
from itukg.errors import ExitCode, ItukgError
from itukg.export.cli import compile_command, export_command, report_command
from itukg.overlap.cli import overlaps_command
from itukg.parse.cli import parse_command
from itukg.pipeline.cli import build_command
from itukg.query.cli import query_command, stats_command
from itukg.serve.cli import serve_command
from itukg.validate.cli import validate_command


class _Group(click.Group):
    """Reports errors as one readable line: itukg's own (bad input, store, query) with exit
    code 2, anything unexpected with 3; the traceback only with --debug."""

    def invoke(self, ctx: click.Context):
        debug = bool(ctx.params.get("debug"))
        try:
            return super().invoke(ctx)
        except ItukgError as err:
            if debug:
                raise
            click.echo(f"itukg: error: {err}", err=True)
            ctx.exit(ExitCode.BAD_INPUT)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("itukg: interrupted", err=True)
            ctx.exit(ExitCode.INTERRUPTED)
        except BrokenPipeError:
            # the reader stopped reading ('itukg parse … | head'): stop quietly, as a
            # pipeline's tools do; stdout goes to the null device so the exit's flush is quiet
            import os
            import sys

            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(0)
        except Exception as err:
            if debug:
                raise
            from itukg.store.local import damaged

            problem = damaged(err)  # a damaged file of the store, found while answering
            if problem is not None:
                click.echo(f"itukg: error: {problem}", err=True)
                ctx.exit(ExitCode.BAD_INPUT)
            click.echo(
                f"itukg: internal error: {type(err).__name__}: {err} "
                "(run again with --debug for the traceback, and report it)",
                err=True,
            )
            ctx.exit(ExitCode.INTERNAL)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="itukg")
@click.option("--debug", is_flag=True, help="Show the traceback of an error.")
def main(debug: bool) -> None:
    """itukg: a knowledge graph of ITU mandates.

    Read ITU resolution texts, build them into an RDF graph stored on disk, and ask it
    questions. Start with `itukg build data/` then `itukg stats` and `itukg query --list`.

    Exit codes: 0 done (validate: the draft conforms), 1 validate found violations,
    2 bad input, store or query (one line names the file and line), 3 an internal error.
    """


for command in (
    parse_command,
    build_command,
    stats_command,
    query_command,
    overlaps_command,
    compile_command,
    report_command,
    validate_command,
    export_command,
    serve_command,
):
    main.add_command(command)

if __name__ == "__main__":
    main()
