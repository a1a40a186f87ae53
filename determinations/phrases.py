"""The phrase index: each pair of adjacent words, as a number, so a phrase is found without reading documents.

PostgreSQL checks a phrase (``"work conditioning"``) by reading the word
positions stored in every document that holds all its words; for two common
words that is hundreds of thousands of documents at a million letters.
``SearchEntry`` therefore also stores ``pairs``: for every two adjacent words
of the decision's text and of its letter's summary, a 32-bit hash of their
stems (GIN-indexed). A two-word phrase is then one index lookup; a longer one
reads only the documents holding all of its pairs.

Words are split on anything but letters and digits, stemmed with the Snowball
English stemmer and compared without case, as PostgreSQL's ``english``
configuration does; a stop word (which PostgreSQL drops but counts) breaks a
pair, so "range of motion" has no pair and is checked the ordinary way. Only
phrases of plain words use pairs. Pure Python, no Django import.
"""

from __future__ import annotations

import array
import functools
import itertools
import re
import string
import zlib
from collections.abc import Iterable, Sequence

import snowballstemmer

#: PostgreSQL's English stop words: never indexed, yet they hold their place between two words.
STOP_WORDS = frozenset(
    """i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers
    herself it its itself they them their theirs themselves what which who whom this that these those am is are
    was were be been being have has had having do does did doing a an the and but if or because as until while of
    at by for with about against between into through during before after above below to from up down in out on
    off over under again further then once here there when where why how all any both each few more most other
    some such no nor not only own same so than too very s t can will just don should now""".split()
)
_WORD = re.compile(r"[^\W_]+")
#: For lower-case ASCII text: each byte ``_WORD`` would not take (anything but a-z and 0-9) becomes a space.
_ASCII_WORD_BYTES = bytes(c if chr(c) in string.ascii_lowercase + string.digits else 0x20 for c in range(256))
_STOP_WORD_BYTES = frozenset(word.encode() for word in STOP_WORDS)
_PLAIN_WORD = re.compile(r"[a-z]+")
_stem = functools.lru_cache(maxsize=200_000)(snowballstemmer.stemmer("english").stemWord)


def pair_hash(first: str, second: str) -> int:
    """The signed 32-bit number of two adjacent stems (PostgreSQL ``integer``)."""
    return _signed(zlib.crc32(f"{first} {second}".encode()))


def pairs(text: str) -> set[int]:
    """The hashes of every two adjacent words of ``text`` (a stop word between two words breaks the pair).

    Each hash is ``pair_hash`` of the two stems, continued from the first stem's cached CRC (the same number).
    """
    codes = map(_word_codes, _words(text))
    found = array.array(
        "I", {zlib.crc32(second[0], first[1]) for first, second in itertools.pairwise(codes) if first and second}
    )
    return set(array.array("i", found.tobytes()))  # the same 32 bits read as signed: PostgreSQL's ``integer``


def _words(text: str) -> list[bytes]:
    """The words of ``text`` lower-cased, as UTF-8: what ``_WORD`` finds, split without a regex where text is ASCII.

    Ingest computes the pairs of every decision, and the regex was half of their cost.
    """
    lowered = text.lower()
    if lowered.isascii():
        return lowered.encode().translate(_ASCII_WORD_BYTES).split()
    return [word.encode() for word in _WORD.findall(lowered)]


#: Bits of a decision's pair signature: one bit per pair hash (its value modulo this), so a walk over decisions
#: tests a phrase's pairs with a few bit reads and compares whole arrays only where every bit is set.
SIGNATURE_BITS = 1024


def signature(hashes: Iterable[int]) -> bytes:
    """A one-bit-per-hash Bloom filter of pair hashes, bit ``n`` where PostgreSQL's ``get_bit(bytea, n)`` reads it."""
    bits = 0
    for value in hashes:
        bits |= 1 << (value % SIGNATURE_BITS)
    return bits.to_bytes(SIGNATURE_BITS // 8, "little")


def signature_bits(hashes: Iterable[int]) -> list[int]:
    """The bits of ``signature`` that a decision holding every one of ``hashes`` has set."""
    return sorted({value % SIGNATURE_BITS for value in hashes})


def array_literal(hashes: Iterable[int]) -> str:
    """Pair hashes as a sorted PostgreSQL ``integer[]`` literal (``COPY`` takes it as is)."""
    return "{" + ",".join(map(str, sorted(hashes))) + "}"


@functools.lru_cache(maxsize=200_000)
def _word_codes(word: bytes) -> tuple[bytes, int] | None:
    """A word's stem, and the CRC-32 of the stem and a space, which a pair's hash continues; ``None`` for a stop word."""
    if word in _STOP_WORD_BYTES:
        return None
    stem = _stem(word.decode()).encode()
    return stem, zlib.crc32(stem + b" ")


def _signed(value: int) -> int:
    return value - 2**32 if value >= 2**31 else value


def phrase_pairs(words: Sequence[str]) -> list[int] | None:
    """The pairs a phrase of ``words`` must hold, or ``None`` when pairs cannot stand for it.

    ``None`` for a single word, a stop word inside the phrase, or a word with
    digits or other characters (split differently by PostgreSQL's parser).
    """
    words = [word.lower() for word in words]
    if len(words) < 2 or any(word in STOP_WORDS or not _PLAIN_WORD.fullmatch(word) for word in words):
        return None
    stems = [_stem(word) for word in words]
    return sorted({pair_hash(a, b) for a, b in itertools.pairwise(stems)})
