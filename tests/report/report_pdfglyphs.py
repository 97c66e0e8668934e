"""Which glyphs a PDF draws, and which of them are not a real character (tofu).

WeasyPrint writes every font as a Type0 font: each two-byte code of a text string names a
glyph (CID), directly (Identity-H) or through an encoding CMap of its own (``/WP-Encod-0``:
``<186d> 0``), and the font's ToUnicode map says which character the code stands for. A
character no installed font has is drawn with CID 0, .notdef: the empty box. So a glyph is
tofu when its CID is 0, or when the ToUnicode map gives it no character (or U+FFFD). Form
XObjects (the charts' SVG) are walked too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")
_CIDCHAR = re.compile(rb"begincidchar(.*?)endcidchar", re.S)
_CIDRANGE = re.compile(rb"begincidrange(.*?)endcidrange", re.S)


def _hex(b: bytes) -> int:
    return int(b, 16) if b else 0


def _text(b: bytes) -> str:
    return bytes.fromhex(b.decode("ascii")).decode("utf-16-be", errors="replace")


def to_unicode(font: pikepdf.Dictionary) -> dict[int, str]:
    """The font's ToUnicode map, glyph code -> characters."""
    stream = font.get("/ToUnicode")
    if stream is None:
        return {}
    data = stream.read_bytes()
    out: dict[int, str] = {}
    for block in _BFCHAR.findall(data):
        pairs = _HEX.findall(block)
        for src, dst in zip(pairs[::2], pairs[1::2], strict=False):
            out[_hex(src)] = _text(dst)
    for block in _BFRANGE.findall(data):
        for line in block.splitlines():
            items = _HEX.findall(line)
            if len(items) < 3:
                continue
            lo, hi = _hex(items[0]), _hex(items[1])
            if b"[" in line:  # <lo> <hi> [<dst> <dst> ...]
                for k, dst in enumerate(items[2:]):
                    out[lo + k] = _text(dst)
            else:
                first = _text(items[2])
                for k in range(hi - lo + 1):
                    out[lo + k] = first[:-1] + chr(ord(first[-1]) + k)
    return out


def encoding(font: pikepdf.Dictionary) -> dict[int, int] | None:
    """The font's code -> CID map (None: Identity-H, the code is the CID)."""
    enc = font.get("/Encoding")
    if not isinstance(enc, pikepdf.Stream):
        return None
    data = enc.read_bytes()
    out: dict[int, int] = {}
    for block in _CIDCHAR.findall(data):
        for code, cid in re.findall(rb"<([0-9A-Fa-f]+)>\s+(\d+)", block):
            out[_hex(code)] = int(cid)
    for block in _CIDRANGE.findall(data):
        for lo, hi, cid in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s+(\d+)", block):
            for k in range(_hex(hi) - _hex(lo) + 1):
                out[_hex(lo) + k] = int(cid) + k
    return out


Font = tuple[dict[int, str], dict[int, int] | None, bool, str]  # ToUnicode, CIDs, Type0, name


@dataclass
class Glyphs:
    drawn: int = 0  # glyphs drawn in Type0 fonts
    text: list[str] = field(default_factory=list)  # their characters, in order
    tofu: list[tuple[str, int]] = field(default_factory=list)  # (font, glyph id)
    other_fonts: set[str] = field(default_factory=set)  # fonts not Type0 (not checked)


def _strings(operands: list) -> Iterator[bytes]:
    for op in operands:
        if isinstance(op, pikepdf.String):
            yield bytes(op)
        elif isinstance(op, pikepdf.Array):
            yield from (bytes(x) for x in op if isinstance(x, pikepdf.String))


def _walk(content: object, resources: pikepdf.Dictionary, found: Glyphs, seen: set) -> None:
    fonts = resources.get("/Font", pikepdf.Dictionary())
    maps: dict[str, Font] = {}
    current: Font | None = None
    for operands, operator in pikepdf.parse_content_stream(content):
        op = str(operator)
        if op == "Tf":
            name = str(operands[0])
            if name not in maps:
                font = fonts.get(name)
                base = str(font.get("/BaseFont", name)) if font is not None else name
                type0 = font is not None and font.get("/Subtype") == "/Type0"
                maps[name] = (
                    to_unicode(font) if type0 else {},
                    encoding(font) if type0 else None,
                    type0,
                    base,
                )
            current = maps[name]
        elif op in ("Tj", "TJ", "'", '"') and current is not None:
            cmap, cids, type0, base = current
            if not type0:
                found.other_fonts.add(base)
                continue
            for raw in _strings(operands):
                for i in range(0, len(raw) - 1, 2):
                    code = int.from_bytes(raw[i : i + 2], "big")
                    cid = code if cids is None else cids.get(code, 0)
                    char = cmap.get(code, "")
                    found.drawn += 1
                    found.text.append(char)
                    if cid == 0 or not char or "\ufffd" in char:
                        found.tofu.append((base, code))
        elif op == "Do":
            xobjects = resources.get("/XObject", pikepdf.Dictionary())
            xobj = xobjects.get(str(operands[0]))
            if xobj is None or xobj.get("/Subtype") != "/Form" or xobj.objgen in seen:
                continue
            seen.add(xobj.objgen)
            _walk(xobj, xobj.get("/Resources", resources), found, seen)


def glyphs(path: Path) -> Glyphs:
    """Every glyph the PDF at `path` draws in a Type0 font, with the tofu among them."""
    found = Glyphs()
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            _walk(page, page.obj.get("/Resources", pikepdf.Dictionary()), found, set())
    return found
