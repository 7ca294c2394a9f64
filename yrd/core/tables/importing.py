"""Import a table: all rows or none.

Every row is read and checked first, and every problem is collected as (row, column, reason). Only a
file without problems is written, row by row through the module's writes inside one transaction; an
error a write raises is mapped to its row, the other rows are still tried so that all errors are
listed, and then the whole transaction is rolled back. A module describes each kind of table it
imports with an `Importer` subclass: its columns, the columns that identify a row, and `prepare`,
which turns checked rows into `Step`s.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from yrd.core.errors import Conflict

from .cells import RowError, check_header, parse_row, unnamed_cells
from .reading import TableError, read_table


@dataclass
class ImportResult:
    kind: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Step:
    """What one row will do. `write` is None for a row equal to what is stored."""

    row: int
    outcome: str  # created | updated | unchanged
    write: Callable | None = None
    column: str = ""  # where a refusal by the write is reported


class Importer:
    """One kind of table a module imports."""

    kind = ""
    columns: tuple = ()  # core.tables Column, in file order
    key_columns: tuple = ()  # the columns identifying a row: a row without them is not checked further
    field_columns: dict = {}  # model field -> column, where the names differ

    def __init__(self, acting_user, errors: list):
        self.user, self.errors = acting_user, errors
        # A cell that could not be read already has its error; checks that use its (empty) value
        # must not add a second, misleading one.
        self.unreadable = {(e.row, e.column) for e in errors}

    def prepare(self, rows: list) -> list[Step]:
        """The Step of every row without problems; the problems of the others go to self.errors."""
        raise NotImplementedError

    def problem(self, row, column, message, /, **params) -> None:
        if (row, column) not in self.unreadable:
            self.errors.append(RowError(row, column, message % params if params else message))

    def first_seen(self, seen: dict, key, number: int, column: str) -> bool:
        """Report a second row with the same key; True when the key is new."""
        if key in seen:
            self.problem(number, column, _("The same row is also on row %(row)s."), row=seen[key])
            return False
        seen[key] = number
        return True

    def service_errors(self, step: Step, error: Exception) -> list[RowError]:
        if isinstance(error, ValidationError):
            if hasattr(error, "error_dict"):
                return [
                    RowError(step.row, self.column_of(name, step), message)
                    for name, messages in error.message_dict.items()
                    for message in messages
                ]
            return [RowError(step.row, step.column, message) for message in error.messages]
        if isinstance(error, Conflict):
            message = error.message
        elif isinstance(error, IntegrityError):
            message = _("Conflicts with data saved meanwhile; try again.")
        else:
            message = str(error) or _("You may not do this.")
        return [RowError(step.row, step.column, str(message))]

    def column_of(self, name: str, step: Step) -> str:
        if name in self.field_columns:
            return self.field_columns[name]
        names = {c.name for c in self.columns}
        return name if name in names and name != NON_FIELD_ERRORS else step.column


def run_import(importer: Importer, data: bytes, result: ImportResult, *, other_kinds=None, progress=None):
    """Read, check and (unless dry run or any error) write `data` with `importer`; fills `result`.
    `other_kinds` maps the module's other kinds to (their name for people, their columns), so a
    file of another kind is named as such."""
    rows = read_rows(importer, data, result, other_kinds or {})
    steps = importer.prepare(rows)  # rows with unreadable cells are still checked for the rest
    if not result.errors:
        write_steps(importer, steps, result, progress)
    order = [c.name for c in importer.columns]
    result.errors.sort(key=lambda e: (e.row or 0, order.index(e.column) if e.column in order else len(order)))
    if result.errors:
        result.created = result.updated = result.unchanged = 0
    return result


def _kind_of_header(header: list, other_kinds: dict) -> str | None:
    """The kind whose required columns the header holds, when it is exactly one; else None."""
    names = {name.strip().lower() for name in header}
    kinds = [kind for kind, (_name, columns) in other_kinds.items() if {c.name for c in columns if c.required} <= names]
    return kinds[0] if len(kinds) == 1 else None


def read_rows(importer: Importer, data: bytes, result: ImportResult, other_kinds: dict) -> list:
    """[(row number, {column: value})]; every cell's and header's problem goes to result.errors."""
    try:
        table = read_table(data)
    except TableError as error:
        result.errors.append(RowError(None, "", str(error)))
        return []
    positions, header_errors = check_header(table.header, importer.columns, table.header_row)
    other = header_errors and _kind_of_header(table.header, other_kinds)
    if other and other != importer.kind:
        header_errors = [
            RowError(
                table.header_row,
                "",
                _("These columns are those of %(other)s; choose that kind, or upload the %(kind)s file.")
                % {"other": other_kinds[other][0], "kind": other_kinds.get(importer.kind, (importer.kind,))[0]},
            )
        ]
    result.errors.extend(header_errors)
    result.rows = len(table.rows)
    if not table.rows:
        result.errors.append(RowError(None, "", _("The file has a header but no rows to import.")))
    if header_errors:
        return []
    rows = []
    for number, cells in table.rows:
        values, errors = parse_row(importer.columns, positions, number, cells)
        result.errors.extend(errors + unnamed_cells(table.header, number, cells))
        # A row whose identifying cells cannot be read is not checked further; the others are, so
        # that a row's every problem is listed at once.
        if not {e.column for e in errors} & set(importer.key_columns):
            rows.append((number, values))
    return rows


class _Rollback(Exception):
    pass


def write_steps(importer: Importer, steps: list[Step], result: ImportResult, progress=None) -> None:
    total = len(steps)
    try:
        with transaction.atomic():
            for done, step in enumerate(steps, start=1):
                if step.write is not None:
                    try:
                        step.write()
                    except (ValidationError, PermissionDenied, Conflict, IntegrityError) as error:
                        # The write's own atomic block has rolled back to its savepoint, so the
                        # remaining rows can still be tried and their errors listed.
                        result.errors.extend(importer.service_errors(step, error))
                setattr(result, step.outcome, getattr(result, step.outcome) + 1)
                if progress:
                    progress(done, total)
            if result.errors or result.dry_run:
                raise _Rollback
    except _Rollback:
        pass
