"""The command line: `python -m claimscope mentions FILE` and `python -m claimscope draft
FILE --out FOLDER` (README, "Your own document"). Argument parsing and dispatch only."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from claimscope.authoring import DraftError, draft_files, write_draft
from claimscope.finder import find_mentions
from claimscope.intake import IntakeError, convert


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise IntakeError(f"{path} cannot be read: {exc.strerror or exc}.") from None


def _mentions(args: argparse.Namespace) -> None:
    converted = convert(args.file.name, _read(args.file))
    for mention in find_mentions(converted.text):
        record = {key: value for key, value in mention.as_json().items()
                  if key in ("start", "end", "text", "value", "likely_claim", "reason")}
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def _draft(args: argparse.Namespace) -> None:
    converted = convert(args.file.name, _read(args.file))
    folder: Path = args.out
    files = draft_files(converted, args.file.name, folder.resolve().name, date.today().year)
    write_draft(files, folder)
    sys.stdout.write(f"Drafted {folder}: load it with CLAIMSCOPE_DOCUMENT={folder}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimscope",
                                     description="Find the numbers in a document.")
    commands = parser.add_subparsers(dest="command", required=True)
    mentions = commands.add_parser("mentions", help="every number in FILE, as JSON lines")
    mentions.add_argument("file", type=Path)
    mentions.set_defaults(run=_mentions)
    draft = commands.add_parser("draft", help="a draft document folder from FILE")
    draft.add_argument("file", type=Path)
    draft.add_argument("--out", type=Path, required=True, help="a new folder")
    draft.set_defaults(run=_draft)
    args = parser.parse_args(argv)
    try:
        args.run(args)
    except (IntakeError, DraftError) as error:
        sys.stderr.write(f"{error}\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
