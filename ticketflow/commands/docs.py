"""`ticketflow docs …`: the help library the assistant answers from.

`add` stores files in `help_documents` exactly as TicketFlow's upload does and
indexes them; `reindex` catches up with what the web app added, changed or
deleted (and with published user guides). A file that cannot be used is refused
with the reason, and nothing of it is stored.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from domain.errors import InvalidValue
from domain.people import Role
from knowledge.audience import describe, parse_audience
from knowledge.extraction import DocumentRejected, DocumentTooLarge
from knowledge.filenames import stored_filename
from knowledge.ingestion import (
    AddedDocument,
    Change,
    DocumentExists,
    Existing,
    OnExisting,
    Unsaid,
    Upload,
    add_help_document,
    add_help_documents,
    reindex,
    remove_help_document,
)
from knowledge.passages import SourceKind
from knowledge.ports import LibraryEntry, SourceRef
from ticketflow.cli import with_runtime
from ticketflow.commands import table
from ticketflow.commands._docs_stats import add_stats_parser
from ticketflow.knowledge import Knowledge, build_knowledge
from ticketflow.runtime import Runtime
from ticketflow.settings import Settings

ERROR_WIDTH = 60


def register(subcommands: Any) -> None:
    docs = subcommands.add_parser("docs", help="add, list, remove and reindex help documents")
    actions = docs.add_subparsers(required=True, metavar="ACTION")
    add = actions.add_parser("add", help="add PDF, Word (.docx), text, Markdown or HTML files")
    add.add_argument("files", nargs="+", metavar="FILE", type=Path)
    add.add_argument("--title", help="the title shown to people (one file only)")
    add.add_argument("--category")
    add.add_argument("--tags", default="", help="comma-separated, e.g. vpn,remote access")
    add.add_argument("--as", dest="uploaded_by", metavar="EMAIL",
                     help="who uploaded it (default: the first admin)")
    add.add_argument("--audience", type=_audience, default=Unsaid.AUDIENCE, metavar="WHO",
                     help="who may read it: everyone (default; with --replace, as the replaced "
                          "document was), staff (everyone but "
                          "customers), or roles such as admin,manager")
    existing = add.add_mutually_exclusive_group()
    existing.add_argument("--replace", dest="on_existing", action="store_const",
                          const=OnExisting.REPLACE, default=OnExisting.KEEP,
                          help="a file whose name a document has, with other content, replaces "
                               "that document (same id; its title, category, tags and audience "
                               "stay unless given)")
    existing.add_argument("--keep-both", dest="on_existing", action="store_const",
                          const=OnExisting.ADD,
                          help="add the file as another document even if the library holds it")
    add.set_defaults(command=add_files)
    limit = actions.add_parser("audience", help="change who may read a document or guide")
    limit.add_argument("id", type=int)
    limit.add_argument("audience", type=_audience, metavar="WHO",
                       help="everyone, staff, or roles such as admin,manager")
    limit.add_argument("--guide", action="store_true", help="ID is a user guide's")
    limit.set_defaults(command=set_audience)
    actions.add_parser("list", help="list help documents, published guides and their index") \
        .set_defaults(command=list_documents)
    remove = actions.add_parser("remove", help="delete a help document and its index")
    remove.add_argument("id", type=int)
    remove.set_defaults(command=remove_document)
    again = actions.add_parser(
        "reindex", help="index what the web app added or changed; drop what it deleted"
    )
    again.add_argument("--all", action="store_true", help="read every document again")
    again.set_defaults(command=reindex_all)
    add_stats_parser(actions)


async def add_files(args: argparse.Namespace, settings: Settings) -> int:
    if args.title and len(args.files) > 1:
        print("ticketflow docs add: --title names one file; add the files one at a time")
        return 2
    tags = [tag for tag in args.tags.split(",") if tag.strip()]
    if args.on_existing is OnExisting.REPLACE and (clash := _same_stored_name(args.files)):
        name, paths = clash
        shown = " and ".join(os.fsencode(p).decode("utf-8", "replace") for p in paths)
        print(f"ticketflow docs add: {shown} would both be stored as {name}, so with --replace "
              "the later would replace the earlier; nothing was added. Give one file of each "
              "name (or use --keep-both)")
        return 2

    async def work(runtime: Runtime, knowledge: Knowledge) -> int:
        limit = knowledge.indexer.limits.max_file_bytes
        failed = 0
        readable: list[Path] = []
        for path in args.files:  # refuse what cannot be read up front, in the order given
            try:
                _check_file(path, limit=limit)
                readable.append(path)
            except (DocumentRejected, OSError) as error:
                failed += 1
                print(f"not added: {_reason(path, error)}")

        def uploads() -> Iterator[Upload]:
            nonlocal failed
            for path in readable:
                try:
                    yield _read_upload(path, limit=limit)
                except (DocumentRejected, OSError) as error:  # changed since it was checked
                    failed += 1
                    print(f"not added: {_reason(path, error)}")

        if args.title:
            upload = next(uploads(), None)
            if upload is None:
                return 1
            try:
                added = await add_help_document(
                    uow=knowledge.uow(), indexer=knowledge.indexer, upload=upload,
                    title=args.title, category=args.category, tags=tags,
                    uploaded_by=args.uploaded_by, audience=args.audience,
                    on_existing=args.on_existing,
                )
            except DocumentRejected as rejection:
                print(f"not added: {rejection}")
                return 1
            except DocumentExists as existing:
                print(_existing(upload.filename, existing))
                return 0 if existing.existing is Existing.IDENTICAL else 1
            print(_added(added))
            return 0
        async for result in add_help_documents(
            uow=knowledge.uow(), indexer=knowledge.indexer, uploads=uploads(),
            category=args.category, tags=tags, uploaded_by=args.uploaded_by,
            audience=args.audience, on_existing=args.on_existing,
        ):
            if result.added is not None:
                print(_added(result.added))
            elif result.existing is not None:
                failed += result.existing.existing is not Existing.IDENTICAL
                print(_existing(result.filename, result.existing))
            else:
                failed += 1
                print(f"not added: {result.rejection}")
        return 1 if failed else 0

    return await _with_knowledge(settings, work)


async def list_documents(args: argparse.Namespace, settings: Settings) -> int:
    async def work(runtime: Runtime, knowledge: Knowledge) -> int:
        async with knowledge.uow().reading() as reading:
            entries = await reading.library.entries()
        print(table([_row(entry) for entry in entries],
                    ("ID", "KIND", "TITLE", "FILE", "PAGES", "CHUNKS", "INDEX", "CATEGORY", "TAGS",
                     "AUDIENCE")))
        return 0

    return await _with_knowledge(settings, work)


async def set_audience(args: argparse.Namespace, settings: Settings) -> int:
    source = SourceKind.USER_GUIDE if args.guide else SourceKind.HELP_DOCUMENT

    async def work(runtime: Runtime, knowledge: Knowledge) -> int:
        async with knowledge.uow() as uow:
            entries = {entry.ref: entry for entry in await uow.library.entries()}
            entry = entries.get(SourceRef(source, args.id))
            if entry is None:
                kind = "user guide" if args.guide else "help document"
                print(f"ticketflow docs audience: there is no {kind} {args.id}")
                return 1
            await uow.audiences.set_audience(source, args.id, args.audience)
            await uow.commit()
        print(f"{entry.title} is now for {describe(args.audience)}")
        return 0

    return await _with_knowledge(settings, work)


def _audience(text: str) -> frozenset[Role] | None:
    try:
        return parse_audience(text)
    except InvalidValue as error:
        raise argparse.ArgumentTypeError(str(error)) from error


async def remove_document(args: argparse.Namespace, settings: Settings) -> int:
    async def work(runtime: Runtime, knowledge: Knowledge) -> int:
        await remove_help_document(uow=knowledge.uow(), document_id=args.id)
        print(f"removed help document {args.id} and its index")
        return 0

    return await _with_knowledge(settings, work)


async def reindex_all(args: argparse.Namespace, settings: Settings) -> int:
    async def work(runtime: Runtime, knowledge: Knowledge) -> int:
        report = await reindex(uow=knowledge.uow(), indexer=knowledge.indexer, force=args.all)
        for item in report.changes:
            if item.change is not Change.UNCHANGED or item.warning:
                detail = f" ({_count(item.chunk_count, 'chunk')})" if item.change is Change.INDEXED else ""
                warning = f": {item.warning}" if item.warning else ""
                print(f"{item.change.value} {item.ref} {item.title or ''}{detail}{warning}".rstrip())
        print(report.summary())
        return 1 if report.count(Change.REJECTED) else 0

    return await _with_knowledge(settings, work)


async def _with_knowledge(settings: Settings, work: Any) -> int:
    async def run(runtime: Runtime) -> int:
        knowledge = build_knowledge(runtime)
        try:
            result: int = await work(runtime, knowledge)
            return result
        finally:
            await knowledge.close()

    return await with_runtime(settings, run)


def _same_stored_name(paths: list[Path]) -> tuple[str, list[Path]] | None:
    """The first name two or more of the files would be stored under, and those files."""
    named: dict[str, list[Path]] = {}
    for path in paths:
        named.setdefault(stored_filename(path.name), []).append(path)
    return next(((name, same) for name, same in named.items() if len(same) > 1), None)


def _check_file(path: Path, *, limit: int) -> None:
    """Refuse a missing, unreadable or oversized file before any of it is read."""
    size = path.stat().st_size
    if not path.is_file():
        raise IsADirectoryError(21, "not a regular file")
    if size > limit:
        raise DocumentTooLarge(
            f"the file is {size / 1_048_576:.1f} MB; the limit is {limit / 1_048_576:.1f} MB",
            filename=stored_filename(path.name),
        )
    if not os.access(path, os.R_OK):
        raise PermissionError(13, "Permission denied")


def _reason(path: Path, error: Exception) -> str:
    if isinstance(error, OSError):
        shown = os.fsencode(path).decode("utf-8", "replace")  # the bytes a name may hold
        return f"{shown}: {error.strerror or error}"
    return str(error)


def _read_upload(path: Path, *, limit: int) -> Upload:
    """Read a file, never more than `limit` bytes of it."""
    with path.open("rb") as file:
        data = file.read(limit + 1)
    if len(data) > limit:  # grew while we looked
        raise DocumentTooLarge(f"the file is larger than {limit:,} bytes",
                               filename=stored_filename(path.name))
    return Upload(filename=stored_filename(path.name), data=data)


def _count(number: int, thing: str) -> str:
    return f"{number:,} {thing}" if number == 1 else f"{number:,} {thing}s"


def _existing(filename: str, error: DocumentExists) -> str:
    """What the library holds instead; only an identical file is not a failure."""
    first = error.stored[0]
    if error.existing is Existing.IDENTICAL:
        return f"{filename}: already added as document {first.document_id}, {first.title}"
    if error.existing is Existing.NAME_TAKEN:
        return (f"not added: {filename}: document {first.document_id}, {first.title}, has that "
                "name with other content; --replace replaces that document with this file, "
                "--keep-both adds this file as another document")
    ids = [str(stored.document_id) for stored in error.stored]
    return (f"not added: {filename}: documents {', '.join(ids[:-1])} and {ids[-1]} have that "
            "name, so it is not clear which one to replace; remove the ones not wanted "
            "(ticketflow docs remove ID) or use --keep-both")


def _added(added: AddedDocument) -> str:
    pages = f"{_count(added.page_count, 'page')}, " if added.page_count else ""
    verb = "replaced" if added.replaced else "added"
    line = (f"{verb} help document {added.document_id}: {added.title} "
            f"({added.filename}, {pages}{_count(added.chunk_count, 'chunk')})")
    return f"{line}\n  warning: {added.warning}" if added.warning else line


def _row(entry: LibraryEntry) -> tuple[object, ...]:
    if entry.status is None:
        state = "not indexed"
    elif entry.error:
        state = f"{entry.status.value}: {entry.error}"
        state = state if len(state) <= ERROR_WIDTH else state[: ERROR_WIDTH - 1] + "…"
    else:
        state = entry.status.value
    kind = "document" if entry.filename is not None else "guide"
    return (entry.ref.document_id, kind, entry.title, entry.filename, entry.page_count,
            entry.chunk_count, state, entry.category, ",".join(entry.tags),
            describe(entry.audience))
