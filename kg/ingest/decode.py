"""Bytes to clean text: encodings detected, line ends and controls normalised."""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from kg.errors import BinaryFile, UndecodableText

# --- text decoding ------------------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_HIGH_BYTES = bytes(range(0x80, 0x100))
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
_MAX_NUL_SHARE = 0.01      # text has next to no NULs; UTF-16 is handled before this test
_MAX_CONTROL_SHARE = 0.05  # random bytes have ~11% control bytes, text ~0%
_MAX_HIGH_SHARE_1252 = 0.3  # Western text: mostly ASCII with a few £ ’ – bytes
_MIN_GUESS_BYTES = 64  # below this no statistical guess is worth more than the cp1252 prior


def _utf8_or_cp1252(error: UnicodeError) -> tuple[str, int]:
    """Decode error handler: a stray byte in UTF-8 text is a pasted Windows-1252 character."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start:error.end]
    return "".join(_cp1252_char(b) for b in bad), error.end


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # the 5 bytes cp1252 leaves undefined
        return ""


codecs.register_error("kg-cp1252", _utf8_or_cp1252)


def decode_bytes(raw: bytes, path: Path | None = None, declared: str | None = None) -> str:
    """Bytes claimed to be text -> str, or `BinaryFile` / `UndecodableText`.

    Order, most certain first: a byte-order mark (UTF-8/16/32); UTF-16 without BOM when
    the NUL bytes sit in every other position; then binary data is refused (NULs, control
    bytes); strict UTF-8; UTF-8 with a few stray Windows-1252 bytes (copy-paste) decoded
    as such; the ``declared`` charset (an HTML ``<meta>``); Windows-1252 when the text is
    mostly ASCII or too short to guess from (charset-normalizer misreads short English
    cp1252 text as cp1250, EBCDIC or UTF-16, measured); charset-normalizer for other
    scripts; Windows-1252 at last.
    The result is NOT yet normalised: see `normalise_text`.
    """
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return _check_decoded(raw[len(bom):].decode(codec), path)
            except UnicodeDecodeError as error:
                raise UndecodableText(path, f"invalid {codec.upper()} after its byte-order mark "
                                            f"at byte {error.start + len(bom)}") from None
    utf16 = _utf16_without_bom(raw)
    if utf16:
        try:
            return _check_decoded(raw.decode(utf16), path)
        except UnicodeDecodeError:
            pass
    _refuse_binary(raw, path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    high = len(raw) - len(raw.translate(None, _HIGH_BYTES))
    utf8_chars = utf8_bytes = 0
    for match in _UTF8_MULTIBYTE.finditer(raw):
        utf8_chars += 1
        utf8_bytes += match.end() - match.start()
    if utf8_chars and high - utf8_bytes <= 4 * utf8_chars:  # UTF-8 with a few stray bytes
        return raw.decode("utf-8", errors="kg-cp1252")
    if declared:
        try:
            return raw.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    if high <= _MAX_HIGH_SHARE_1252 * len(raw) or len(raw) < _MIN_GUESS_BYTES:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            pass
    guess = _charset_normalizer_guess(raw)
    if guess:
        try:
            return _check_decoded(raw.decode(guess), path)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as error:
        raise UndecodableText(path, f"byte {error.start} is neither UTF-8 nor Windows-1252") from None


def _utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le'/'-be' when NULs fill one byte of each pair (mostly-Latin UTF-16 text)."""
    if len(raw) < 2 or len(raw) % 2:
        return None
    sample = raw[:8192]
    pairs = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.4 * pairs and even < 0.05 * pairs:
        return "utf-16-le"
    if even > 0.4 * pairs and odd < 0.05 * pairs:
        return "utf-16-be"
    return None


def _refuse_binary(raw: bytes, path: Path | None) -> None:
    if raw.count(0) > _MAX_NUL_SHARE * len(raw):
        raise BinaryFile(path, "binary data (it contains NUL bytes)")
    controls = len(raw) - len(raw.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(raw):
        raise BinaryFile(path, "binary data (too many control bytes)")


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _check_decoded(text: str, path: Path | None) -> str:
    """The binary test again for text that did not come from ASCII-compatible bytes."""
    if len(_CONTROL_CHARS.findall(text[:65536])) > _MAX_CONTROL_SHARE * min(len(text), 65536):
        raise BinaryFile(path, "binary data (too many control characters)")
    return text


def _charset_normalizer_guess(raw: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    return best.encoding if best is not None else None


_WHATWG_1252 = {"latin-1", "iso8859-1", "ascii", "iso8859-9", "cp1252"}


def meta_charset(raw: bytes) -> str | None:
    """The codec an HTML page declares in its first 4 KB (``<meta charset>`` or http-equiv).

    As browsers do, ISO-8859-1 and ASCII mean Windows-1252, and a UTF-16 declaration on
    bytes without a BOM is ignored.
    """
    match = re.search(rb"<meta[^>]{0,512}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", raw[:4096], re.I)
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):
        return None
    return "cp1252" if name in _WHATWG_1252 else name


_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff]")
_NO_BREAK_SPACES = re.compile(r"[\xa0\u2007\u202f]")


def normalise_text(text: str) -> str:
    """The one text form the pipeline sees: ``\\n`` line ends, no control characters except
    ``\\n`` and ``\\t``, no stray byte-order marks, NFC (so "é" is one character and the
    same name always has the same code points). Vertical tab and form feed (page breaks in
    pdftotext output) become line breaks rather than vanishing, so words never fuse.
    No-break spaces (Word and web pages are full of them) become plain spaces, so that
    "Independent Chair" matches however it was typed; offsets do not move."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _NO_BREAK_SPACES.sub(" ", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def _markdown_title(text: str) -> str | None:
    """The first level-1 heading ("# Title #") near the top of a Markdown file."""
    match = re.search(r"^#[ \t]+(\S.*)$", text[:20000], re.M)
    return (match.group(1).rstrip(" \t#") or None) if match else None


