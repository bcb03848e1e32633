"""Strict reading of JSON files: UTF-8 only, no NaN, no duplicate keys, bounded size and depth."""

from __future__ import annotations

import errno
import json
import math
import os
import re
import stat
import sys
from typing import Any

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Largest file we read. A plan with tens of thousands of notes is a few megabytes."""

MAX_DEPTH = 64
"""Deepest nesting of objects and lists we accept. A plan needs six levels."""

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")

# Never block on a named pipe or a terminal, and never hand the descriptor to a child.
_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_READ_CHUNK = 1 << 20


class JsonFileError(ValueError):
    """The bytes are not strict JSON. ``message`` is a human sentence without the file name."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class _BadNumber(Exception):
    """A number JSON allows to be written but a plan cannot hold; ``literal`` as written."""

    def __init__(self, literal: str) -> None:
        super().__init__(literal)
        self.literal = literal


def _refuse_constant(name: str) -> Any:
    raise _BadNumber(name)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _BadNumber(text)
    return value


_STRING = r'"(?:[^"\\]|\\.)*"'


def _locate_outside_strings(text: str, pattern: str) -> tuple[int, int] | None:
    """Line and column of the first match of ``pattern`` that is not inside a string."""
    for match in re.finditer(f"{_STRING}|(?P<hit>{pattern})", text):
        if match.group("hit") is not None:
            return _line_column(text, match.start())
    return None


def _bad_number_error(text: str, literal: str) -> JsonFileError:
    where = _locate_outside_strings(text, r"(?<![\w.+-])" + re.escape(literal) + r"(?![\w.])")
    at = f" at line {where[0]}, column {where[1]}" if where else ""
    if literal in ("NaN", "Infinity", "-Infinity"):
        message = (
            f"The file contains the value {literal}{at}, which a plan file cannot "
            "hold (it is not a JSON number). Replace it with a number or remove it."
        )
    else:
        message = (
            f"The number {literal[:40]}{at} is too large to store. Replace it with a "
            "smaller number."
        )
    return JsonFileError(message, *(where or (None, None)))


def _long_integer_error(text: str) -> JsonFileError:
    limit = sys.get_int_max_str_digits()
    where = _locate_outside_strings(text, rf"\d{{{limit + 1},}}")
    at = f" at line {where[0]}, column {where[1]}" if where else ""
    return JsonFileError(
        f"The file holds a number{at} with more than {limit:,} digits, which the app cannot "
        "read. It is probably not a plan file, or it was damaged.",
        *(where or (None, None)),
    )


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


def _line_column(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return line, column


def _wide_encoding(data: bytes) -> str | None:
    """ "UTF-32" or "UTF-16" if ``data`` looks like JSON in that encoding, else ``None``."""
    # JSON starts with an ASCII character: UTF-32 puts three zero bytes before or after
    # it, UTF-16 one. UTF-32's little-endian byte order mark begins like UTF-16's.
    if data.startswith(_UTF32_BOMS) or (
        len(data) >= 4 and (data[1:4] == b"\x00\x00\x00" or data[:3] == b"\x00\x00\x00")
    ):
        return "UTF-32"
    if data.startswith(_UTF16_BOMS) or (len(data) >= 2 and b"\x00" in data[:2]):
        return "UTF-16"
    return None


def decode_text(data: bytes) -> str:
    """The text of a UTF-8 file (a byte order mark is allowed); anything else is refused."""
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    encoding = _wide_encoding(data)
    if encoding is not None:
        raise JsonFileError(
            f"The file is saved as {encoding} text, not UTF-8. Open it in a text editor and "
            "save it again with the encoding set to UTF-8."
        )
    if b"\x00" in data:
        raise JsonFileError(
            "This is not a text file (it contains binary data), so it cannot be a plan file."
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        prefix = data[: error.start]
        line = prefix.count(b"\n") + 1
        column = len(prefix) - (prefix.rfind(b"\n") + 1) + 1
        raise JsonFileError(
            f"The file is not UTF-8 text (the first unreadable byte is at line {line}, "
            f"column {column}). It may have been saved in another encoding such as "
            "Latin-1 or Windows-1252. Open it in a text editor and save it again as UTF-8.",
            line,
            column,
        ) from None


def _depth_exceeded(value: Any, limit: int) -> bool:
    # Iterative, so a deep document cannot exhaust the Python stack here.
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(node, dict):
            stack.extend(
                (child, depth + 1) for child in node.values() if isinstance(child, dict | list)
            )
        elif isinstance(node, list):
            stack.extend((child, depth + 1) for child in node if isinstance(child, dict | list))
    return False


def _too_deep() -> JsonFileError:
    return JsonFileError(
        f"The file is nested more than {MAX_DEPTH} levels deep, far deeper than any plan. "
        "It is probably not a plan file, or it was damaged."
    )


class _Found(Exception):
    def __init__(self, pos: int) -> None:
        super().__init__(pos)
        self.pos = pos


def _locate_duplicate(text: str) -> tuple[int, int] | None:
    """Line and column of the first repeated key.

    Only called once a duplicate is known to exist: the fast parser cannot say where
    it is, so the text is walked again with the pure-Python scanner and an object
    parser that notes where each key starts.
    """
    whitespace = json.decoder.WHITESPACE.match

    def parse_object(s_and_end, strict, scan_once, *_args, **_kwargs):
        s, pos = s_and_end
        result: dict[str, Any] = {}
        pos = whitespace(s, pos).end()
        if s[pos] == "}":
            return result, pos + 1
        while True:
            key_at = pos
            key, pos = json.decoder.scanstring(s, pos + 1, strict)
            pos = whitespace(s, whitespace(s, pos).end() + 1).end()  # past the colon
            value, pos = scan_once(s, pos)
            if key in result:
                raise _Found(key_at)
            result[key] = value
            pos = whitespace(s, pos).end()
            if s[pos] == "}":
                return result, pos + 1
            pos = whitespace(s, pos + 1).end()  # past the comma

    decoder = json.JSONDecoder()
    decoder.parse_object = parse_object
    decoder.scan_once = json.scanner.py_make_scanner(decoder)
    try:
        decoder.decode(text)
    except _Found as found:
        return _line_column(text, found.pos)
    except (ValueError, IndexError, RecursionError):
        pass
    return None


def _syntax_message(error: json.JSONDecodeError, text: str) -> JsonFileError:
    if not text.strip():
        return JsonFileError("The file is empty.")
    # An unterminated string runs to the end of the text, so it is a cut-off file too.
    if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
        return JsonFileError(
            f"The file ends too early (line {error.lineno}, column {error.colno}): it looks "
            "cut off, perhaps by a crash or a full disk while it was being written.",
            error.lineno,
            error.colno,
        )
    reason = error.msg[0].lower() + error.msg[1:]
    return JsonFileError(
        f"The file is not valid JSON at line {error.lineno}, column {error.colno}: {reason}.",
        error.lineno,
        error.colno,
    )


def loads_strict(data: bytes, *, self_written: bool = False) -> Any:
    """Parse ``data`` as strict JSON; raises :class:`JsonFileError` with a human message.

    ``self_written`` is for bytes this app's own serialiser has just made (the check
    before a save): duplicate keys and deep nesting cannot occur there, so those two
    checks, half the time on a large plan, are skipped; the number checks are kept."""
    if len(data) > MAX_FILE_BYTES:
        raise JsonFileError(too_large_message(len(data)))
    text = decode_text(data)
    if not text.strip():
        raise JsonFileError("The file is empty.")
    try:
        value = json.loads(
            text,
            object_pairs_hook=None if self_written else _unique_pairs,
            parse_constant=_refuse_constant,
            parse_float=_finite_float,
        )
    except _BadNumber as bad:
        raise _bad_number_error(text, bad.literal) from None
    except _DuplicateKey as duplicate:
        where = _locate_duplicate(text)
        at = f" (the second one is at line {where[0]}, column {where[1]})" if where else ""
        raise JsonFileError(
            f'The key "{duplicate.key}" appears twice in the same object{at}. The app will '
            "not guess which value to keep: open the file in a text editor and delete the "
            "one you do not want.",
            *(where or (None, None)),
        ) from None
    except RecursionError:
        raise _too_deep() from None
    except json.JSONDecodeError as error:
        raise _syntax_message(error, text) from None
    except ValueError as error:
        if "digits" in str(error):  # Python's limit on converting long integers
            raise _long_integer_error(text) from None
        raise JsonFileError(f"The file holds a value that cannot be read: {error}.") from None
    if not self_written and _depth_exceeded(value, MAX_DEPTH):
        raise _too_deep()
    return value


def too_large_message(size: int) -> str:
    return (
        f"The file is {size / 1024 / 1024:.0f} MB; plan files may be at most "
        f"{MAX_FILE_BYTES // 1024 // 1024} MB. It is probably not a plan file."
    )


# ---------------------------------------------------------------- reading files safely


class NotRegularFileError(OSError):
    """The path names a folder, a named pipe, a device or a socket, not an ordinary file.

    Reading a named pipe waits for a writer that may never come, and a device such as
    ``/dev/zero`` never ends, so these are refused before a single byte is read."""

    def __init__(self, path: os.PathLike[str] | str, kind: str) -> None:
        super().__init__(errno.EINVAL, f"it is {kind}, not an ordinary file", os.fspath(path))
        self.kind = kind


class FileTooLargeError(OSError):
    """The file holds more bytes than the reader's limit (``size`` is at least that)."""

    def __init__(self, path: os.PathLike[str] | str, size: int) -> None:
        super().__init__(errno.EFBIG, "the file is too large", os.fspath(path))
        self.size = size


def file_kind(mode: int) -> str | None:
    """What a ``st_mode`` names in words ("a named pipe (FIFO)"), or ``None`` for an
    ordinary file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not an ordinary file"


def read_regular_file(path: os.PathLike[str] | str, limit: int | None = MAX_FILE_BYTES) -> bytes:
    """The bytes of the ordinary file at ``path`` (links are followed).

    Anything else raises :class:`NotRegularFileError` at once, without waiting on it;
    a file of more than ``limit`` bytes raises :class:`FileTooLargeError` after reading
    at most ``limit + 1`` bytes. Other failures raise ``OSError`` as usual."""
    kind = file_kind(os.stat(path).st_mode)
    if kind is not None:
        raise NotRegularFileError(path, kind)
    fd = os.open(path, _READ_FLAGS)
    try:
        # Checked again on what was opened: the name may have been swapped meanwhile.
        info = os.fstat(fd)
        kind = file_kind(info.st_mode)
        if kind is not None:
            raise NotRegularFileError(path, kind)
        if limit is not None and info.st_size > limit:
            raise FileTooLargeError(path, info.st_size)
        chunks: list[bytes] = []
        total = 0
        while True:
            want = max(info.st_size + 1 - total, _READ_CHUNK)
            if limit is not None:
                want = min(want, limit + 1 - total)
                if want <= 0:
                    break
            chunk = os.read(fd, want)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    finally:
        os.close(fd)
    if limit is not None and total > limit:
        raise FileTooLargeError(path, max(total, info.st_size))
    return b"".join(chunks)
