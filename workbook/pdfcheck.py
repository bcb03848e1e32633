"""A small PDF reader and completeness check for the self-test: pages, fonts and text.

Qt-free and without a PDF library, so the frozen bundle can check its own export without
carrying pypdf. It reads the plain (not object-stream) files reportlab writes.
"""

from __future__ import annotations

import base64
import re
import unicodedata
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

MIN_PAGES = 5
"""Fewest pages a complete strategy document has (cover, contents, summary, stages)."""


def check_pdf(data: bytes, expected: Sequence[str] = (), min_pages: int = MIN_PAGES) -> list[str]:
    """What is wrong with a PDF: every problem found, as a readable phrase (empty: complete)."""
    if not data.startswith(b"%PDF-"):
        return [f"it does not start like a PDF (first bytes {data[:8]!r})"]
    if b"%%EOF" not in data[-1024:]:
        return ["it does not end like a PDF (no %%EOF marker): the file was cut short"]
    try:
        pdf = MiniPdf(data)
    except (ValueError, zlib.error) as exc:
        return [f"it cannot be read: {exc}"]
    problems: list[str] = []
    pages = pdf.page_count()
    if pages < min_pages:
        problems.append(f"it has {pages} pages, at least {min_pages} were expected")
    text = normalise_text(pdf.text())
    problems += [
        f"the font {name} is not embedded" for name in pdf.fonts_not_embedded(used_only=True)
    ]
    missing = [phrase for phrase in expected if normalise_text(phrase) not in text]
    if missing:
        problems.append(
            "these words are missing from its text: "
            + "; ".join(repr(phrase) for phrase in missing)
        )
    return problems


def normalise_text(text: str) -> str:
    """Compare text the way a reader sees it: same Unicode form, any run of spaces as one."""
    return " ".join(unicodedata.normalize("NFC", text).split())


_OBJ_START = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")
_REF = rb"(\d+)\s+\d+\s+R"


@dataclass
class _PdfObject:
    head: bytes
    """The object's dictionary (or value), without its stream."""
    raw_stream: bytes | None


class MiniPdf:
    """Just enough of a PDF reader for the self-test: objects, pages, fonts and text.

    Understands the plain (not object-stream) files reportlab writes; streams may be
    Flate and/or ASCII85 encoded. Not a general PDF parser.
    """

    def __init__(self, data: bytes) -> None:
        self.objects: dict[int, _PdfObject] = {}
        position = 0
        while (match := _OBJ_START.search(data, position)) is not None:
            number = int(match.group(1))
            end, obj = self._read_object(data, match.end())
            self.objects[number] = obj
            position = end
        if not self.objects:
            raise ValueError("no PDF objects found")
        self._cmaps: dict[int, dict[bytes, str] | None] = {}
        self._used: set[int] | None = None

    @staticmethod
    def _read_object(data: bytes, start: int) -> tuple[int, _PdfObject]:
        stream_at = data.find(b"stream", start)
        end_at = data.find(b"endobj", start)
        if end_at < 0:
            raise ValueError("an object has no end (the file was cut short)")
        if stream_at < 0 or stream_at > end_at:
            return end_at + 6, _PdfObject(data[start:end_at], None)
        head = data[start:stream_at]
        body_start = stream_at + 6
        if data[body_start : body_start + 2] == b"\r\n":
            body_start += 2
        elif data[body_start : body_start + 1] in (b"\n", b"\r"):
            body_start += 1
        length = re.search(rb"/Length\s+(\d+)(?!\s+\d+\s+R)", head)
        if length:
            body_end = body_start + int(length.group(1))
        else:
            body_end = data.find(b"endstream", body_start)
        if body_end < 0 or body_end > len(data):
            raise ValueError("a stream runs past the end of the file")
        end_at = data.find(b"endobj", body_end)
        if end_at < 0:
            raise ValueError("an object has no end (the file was cut short)")
        return end_at + 6, _PdfObject(head, data[body_start:body_end])

    # -- structure

    def stream(self, number: int) -> bytes:
        obj = self.objects[number]
        if obj.raw_stream is None:
            raise ValueError(f"object {number} has no stream")
        data = obj.raw_stream
        filters = re.search(rb"/Filter\s*(\[[^\]]*\]|/\w+)", obj.head)
        for name in re.findall(rb"/(\w+)", filters.group(1)) if filters else []:
            if name in (b"ASCII85Decode", b"A85"):
                data = base64.a85decode(data.strip(), adobe=data.strip().endswith(b"~>"))
            elif name in (b"FlateDecode", b"Fl"):
                data = zlib.decompress(data)
            else:
                raise ValueError(f"stream filter /{name.decode()} is not supported")
        return data

    def _typed(self, kind: bytes) -> Iterator[tuple[int, _PdfObject]]:
        pattern = re.compile(rb"/Type\s*/" + kind + rb"(?![\w])")
        for number, obj in self.objects.items():
            if pattern.search(obj.head):
                yield number, obj

    def page_numbers(self) -> list[int]:
        return [number for number, _obj in self._typed(b"Page")]

    def page_count(self) -> int:
        return len(self.page_numbers())

    def image_count(self) -> int:
        return sum(
            1 for obj in self.objects.values() if re.search(rb"/Subtype\s*/Image\b", obj.head)
        )

    def font_name(self, number: int) -> str:
        base = re.search(rb"/BaseFont\s*/([^\s/<>\[\]()]+)", self.objects[number].head)
        return base.group(1).decode("latin-1") if base else f"(font object {number})"

    def is_embedded(self, number: int) -> bool:
        """Whether the glyphs of a font object are inside the file."""
        head = self.objects[number].head
        subtype = re.search(rb"/Subtype\s*/(\w+)", head)
        if subtype and subtype.group(1) == b"Type3":
            return True  # a Type 3 font draws its glyphs inline
        if subtype and subtype.group(1) == b"Type0":
            descendant = re.search(rb"/DescendantFonts\s*\[\s*" + _REF, head)
            return descendant is not None and self.is_embedded(int(descendant.group(1)))
        descriptor = re.search(rb"/FontDescriptor\s+" + _REF, head)
        if descriptor is None:
            return False
        held = self.objects.get(int(descriptor.group(1)))
        return held is not None and re.search(rb"/FontFile[23]?\s+\d", held.head) is not None

    def fonts_not_embedded(self, used_only: bool = False) -> list[str]:
        """Base names of fonts whose glyphs are not inside the file; with ``used_only``,
        only those that draw text (reportlab lists Helvetica on every page even when
        nothing is written in it)."""
        if used_only:
            numbers = sorted(self.fonts_used())
        else:
            numbers = [number for number, _obj in self._typed(b"Font")]
        return [self.font_name(n) for n in numbers if n in self.objects and not self.is_embedded(n)]

    def fonts_used(self) -> set[int]:
        """Font objects that draw at least one character."""
        if self._used is None:
            self.text()
        return set(self._used or ())

    # -- text

    def _resolve(self, value: bytes) -> bytes:
        ref = re.fullmatch(rb"\s*" + _REF + rb"\s*", value)
        if ref:
            return self.objects[int(ref.group(1))].head
        return value

    def _page_fonts(self, head: bytes) -> dict[bytes, int]:
        """Font resource names of a page, mapped to their font objects."""
        resources = re.search(rb"/Resources\s+" + _REF, head)
        text = self._resolve(resources.group(0)[len(b"/Resources") :]) if resources else head
        fonts = re.search(rb"/Font\s*(<<.*?>>|\d+\s+\d+\s+R)", text, re.S)
        if not fonts:
            return {}
        table = self._resolve(fonts.group(1))
        return {
            name: int(number)
            for name, number in re.findall(rb"/([^\s/<>\[\]()]+)\s+(\d+)\s+\d+\s+R", table)
        }

    def _contents(self, head: bytes) -> list[int]:
        contents = re.search(rb"/Contents\s*(\[[^\]]*\]|\d+\s+\d+\s+R)", head)
        if not contents:
            return []
        return [int(n) for n in re.findall(rb"(\d+)\s+\d+\s+R", contents.group(1))]

    def _cmap(self, font_number: int) -> dict[bytes, str] | None:
        if font_number not in self._cmaps:
            head = self.objects[font_number].head
            to_unicode = re.search(rb"/ToUnicode\s+" + _REF, head)
            descendant = re.search(rb"/DescendantFonts\s*\[\s*" + _REF, head)
            if to_unicode:
                self._cmaps[font_number] = parse_to_unicode(self.stream(int(to_unicode.group(1))))
            elif descendant:
                self._cmaps[font_number] = self._cmap(int(descendant.group(1)))
            else:
                self._cmaps[font_number] = None
        return self._cmaps[font_number]

    def text(self) -> str:
        """The text of every page, in drawing order; lines end with a newline."""
        parts: list[str] = []
        self._used = set()
        for number in self.page_numbers():
            head = self.objects[number].head
            fonts = self._page_fonts(head)
            for content in self._contents(head):
                parts.append(self._stream_text(self.stream(content), fonts))
            parts.append("\n")
        return "".join(parts)

    def _stream_text(self, data: bytes, fonts: dict[bytes, int]) -> str:
        out: list[str] = []
        cmap: dict[bytes, str] | None = None
        font: int | None = None
        operands: list[Any] = []
        for kind, token in _tokens(data):
            if kind != "op":
                operands.append((kind, token))
                continue
            if token == b"Tf" and len(operands) >= 2 and operands[-2][0] == "name":
                font = fonts.get(operands[-2][1])
                cmap = self._cmap(font) if font is not None else None
            elif token in (b"Tj", b"'", b'"') and operands and operands[-1][0] == "str":
                if token != b"Tj":
                    out.append("\n")
                out.append(self._shown(operands[-1][1], font, cmap))
            elif token == b"TJ" and operands and operands[-1][0] == "array":
                for item_kind, item in operands[-1][1]:
                    if item_kind == "str":
                        out.append(self._shown(item, font, cmap))
                    elif item_kind == "num" and item < -200:
                        out.append(" ")  # a wide gap set by kerning reads as a space
            elif token in (b"Td", b"TD", b"T*", b"Tm", b"ET"):
                out.append("\n")
            operands = []
        return "".join(out)

    def _shown(self, raw: bytes, font: int | None, cmap: dict[bytes, str] | None) -> str:
        if raw and font is not None and self._used is not None:
            self._used.add(font)
        return _decode(raw, cmap)


def parse_to_unicode(cmap: bytes) -> dict[bytes, str]:
    """Character codes to text, from a ToUnicode CMap (bfchar and bfrange sections)."""
    table: dict[bytes, str] = {}

    def text_of(hex_digits: bytes) -> str:
        return bytes.fromhex(hex_digits.decode()).decode("utf-16-be", "replace")

    for section in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for source, target in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", section):
            table[bytes.fromhex(source.decode())] = text_of(target)
    for section in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high, target in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])", section
        ):
            width = len(low) // 2
            first, last = int(low, 16), int(high, 16)
            if target.startswith(b"["):
                targets = re.findall(rb"<([0-9A-Fa-f]*)>", target)
                for offset, each in enumerate(targets[: last - first + 1]):
                    table[(first + offset).to_bytes(width, "big")] = text_of(each)
                continue
            start_text = text_of(target[1:-1])
            for offset in range(last - first + 1):
                shifted = start_text[:-1] + chr(ord(start_text[-1]) + offset) if start_text else ""
                table[(first + offset).to_bytes(width, "big")] = shifted
    return table


def _decode(raw: bytes, cmap: dict[bytes, str] | None) -> str:
    if not cmap:
        return raw.decode("cp1252", "replace")
    widths = sorted({len(code) for code in cmap}, reverse=True) or [1]
    out: list[str] = []
    index = 0
    while index < len(raw):
        for width in widths:
            piece = raw[index : index + width]
            if piece in cmap:
                out.append(cmap[piece])
                index += width
                break
        else:
            out.append("\ufffd")
            index += widths[-1]
    return "".join(out)


_DELIMITERS = b"()<>[]{}/%"
_WHITESPACE = b" \t\r\n\f\x00"
_ESCAPES = {
    ord("n"): b"\n",
    ord("r"): b"\r",
    ord("t"): b"\t",
    ord("b"): b"\b",
    ord("f"): b"\f",
    ord("("): b"(",
    ord(")"): b")",
    ord("\\"): b"\\",
}


def _read_string(data: bytes, index: int) -> tuple[bytes, int]:
    """A literal string starting after its ``(``; returns its bytes and the index after ``)``."""
    out = bytearray()
    depth = 1
    while index < len(data):
        char = data[index]
        if char == ord("\\"):
            nxt = data[index + 1] if index + 1 < len(data) else None
            if nxt is None:
                break
            if nxt in _ESCAPES:
                out += _ESCAPES[nxt]
                index += 2
            elif ord("0") <= nxt <= ord("7"):
                digits = re.match(rb"[0-7]{1,3}", data[index + 1 : index + 4]).group(0)
                out.append(int(digits, 8) & 0xFF)
                index += 1 + len(digits)
            elif nxt in (ord("\n"), ord("\r")):
                index += 2 + (nxt == ord("\r") and data[index + 2 : index + 3] == b"\n")
            else:
                out.append(nxt)
                index += 2
            continue
        if char == ord("("):
            depth += 1
        elif char == ord(")"):
            depth -= 1
            if depth == 0:
                return bytes(out), index + 1
        out.append(char)
        index += 1
    raise ValueError("a text string in a page has no end")


def _tokens(data: bytes) -> Iterator[tuple[str, Any]]:
    """Tokens of a content stream: ("str", bytes), ("name", bytes), ("num", float),
    ("array", [tokens]), ("op", bytes). Inline images are skipped."""
    stack: list[list[tuple[str, Any]]] = []
    index, size = 0, len(data)

    def emit(token: tuple[str, Any]) -> Iterator[tuple[str, Any]]:
        if stack:
            stack[-1].append(token)
        else:
            yield token

    while index < size:
        char = data[index]
        if char in _WHITESPACE:
            index += 1
        elif char == ord("%"):
            end = data.find(b"\n", index)
            index = size if end < 0 else end
        elif char == ord("("):
            text, index = _read_string(data, index + 1)
            yield from emit(("str", text))
        elif data.startswith(b"<<", index) or data.startswith(b">>", index):
            index += 2  # dictionaries (marked content properties) carry no text
        elif char == ord("<"):
            end = data.index(b">", index)
            digits = re.sub(rb"\s", b"", data[index + 1 : end])
            if len(digits) % 2:
                digits += b"0"
            yield from emit(("str", bytes.fromhex(digits.decode())))
            index = end + 1
        elif char == ord("["):
            stack.append([])
            index += 1
        elif char == ord("]"):
            items = stack.pop() if stack else []
            yield from emit(("array", items))
            index += 1
        elif char == ord("/"):
            end = index + 1
            while end < size and data[end] not in _WHITESPACE and data[end] not in _DELIMITERS:
                end += 1
            yield from emit(("name", data[index + 1 : end]))
            index = end
        else:
            end = index
            while end < size and data[end] not in _WHITESPACE and data[end] not in _DELIMITERS:
                end += 1
            if end == index:  # a stray delimiter such as '{' or ')'
                index += 1
                continue
            word = data[index:end]
            index = end
            try:
                yield from emit(("num", float(word)))
            except ValueError:
                if word == b"BI":
                    found = data.find(b"EI", index)
                    index = size if found < 0 else found + 2
                    continue
                yield from emit(("op", word))
