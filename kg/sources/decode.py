"""Bytes -> text: byte-order marks, declared charsets, UTF-8, a cp1252 fallback, and binary detection.

A file is declared binary only when no sensible decoding gives mostly-text: NUL bytes without a
UTF-16/32 byte-order mark, a known binary signature, or too many control characters.
"""

from __future__ import annotations

import codecs
import re

HEAD_BYTES = 65536
# Share of control characters (other than tab, newline, carriage return, form feed) above which
# decoded content is treated as binary rather than text with a few stray bytes.
_MAX_CONTROL_SHARE = 0.02

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""(?:<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']"""
    rb"""|<meta[^>]{0,300}?charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40}))""",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class BinaryContent(ValueError):
    """The bytes are not text in any encoding we try; the message says why."""


def bom_encoding(head: bytes) -> str | None:
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    return None


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML meta tag or XML declaration names, if Python knows it."""
    match = _DECLARED.search(head[:4096])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _utf16_without_bom(head: bytes) -> str | None:
    sample = head[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / len(sample[0::2])
    odd_nul = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def check_binary(head: bytes) -> None:
    """Raise BinaryContent when the first bytes of a file show it is not text."""
    for signature, what in _SIGNATURES:
        if head.startswith(signature):
            raise BinaryContent(f"binary file ({what})")
    if b"\x00" in head and bom_encoding(head) not in ("utf-16", "utf-32") and not _utf16_without_bom(head):
        raise BinaryContent("binary file (contains NUL bytes)")


def choose_encoding(head: bytes) -> str:
    """The encoding to try first for a file starting with `head` (utf-8 unless a BOM says otherwise)."""
    return bom_encoding(head) or _utf16_without_bom(head) or "utf-8"


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode a whole file (or one line of it); raise BinaryContent when it is not text.

    Order: the given or BOM encoding; strict UTF-8; the charset the content declares; then cp1252,
    whose undefined bytes fall back to latin-1, for mostly-text files in a legacy encoding.
    """
    first = encoding or choose_encoding(data[:HEAD_BYTES])
    text: str | None = None
    for candidate in (first, "utf-8"):
        try:
            text = data.decode(candidate)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    if text is None:
        declared = declared_charset(data[:HEAD_BYTES])
        if declared and declared not in ("utf-8", "utf_8"):
            text = data.decode(declared, errors="replace")
        else:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    if text.startswith("\ufeff"):
        text = text[1:]
    check_text(text[:HEAD_BYTES])
    return text


def check_text(sample: str) -> None:
    """Raise BinaryContent when decoded text is mostly control characters."""
    if not sample:
        return
    controls = len(_CONTROL.findall(sample))
    if "\x00" in sample or controls > max(2, _MAX_CONTROL_SHARE * len(sample)):
        raise BinaryContent("binary or undecodable file (too many control characters for text)")


def scrub_controls(text: str) -> str:
    """Remove control characters that are not whitespace (stray bytes in otherwise good text)."""
    return _CONTROL.sub("", text) if _CONTROL.search(text) else text
