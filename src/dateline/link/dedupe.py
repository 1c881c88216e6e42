"""Exact copies, near-duplicates and syndicated wire copies.

An article's *fingerprint* is computed once, in the worker that read it (a pure function of
its text): the hash of its normalised words (exact copies) and a MinHash signature over
overlapping word shingles (near-duplicates). The signature uses one fixed set of affine
permutations shared by every document and a fast vectorised hash, so computing it costs well
under a millisecond; datasketch's ``MinHashLSH`` then finds the candidates, and each candidate
is verified on the signatures: similar enough as a whole (Jaccard), or one text almost entirely
inside the other (containment: a wire story with its ends trimmed or a paragraph dropped).
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

_WORD = re.compile(r"\w+")
_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)


@dataclass(frozen=True, slots=True)
class DedupeOptions:
    #: words per shingle
    shingle: int = 3
    #: permutations in a signature (128 × 4 bytes are stored per document)
    num_perm: int = 128
    #: the LSH band threshold: pairs below it are rarely even compared
    lsh_threshold: float = 0.3
    #: a verified near-duplicate: estimated Jaccard at least this …
    jaccard: float = 0.5
    #: … or the smaller text this much inside the larger one (trimmed copies)
    containment: float = 0.8
    #: texts with fewer shingles than this are only ever exact copies (too short to judge)
    min_shingles: int = 12
    #: fixed: changing it changes every stored signature
    seed: int = 20240611


DEFAULT_DEDUPE = DedupeOptions()


@dataclass(frozen=True, slots=True)
class Fingerprint:
    text_hash: str
    signature: np.ndarray  # uint32[num_perm]
    shingles: int  # distinct shingles in the text

    def signature_bytes(self) -> bytes:
        return self.signature.astype("<u4").tobytes()

    @staticmethod
    def signature_from(data: bytes) -> np.ndarray:
        return np.frombuffer(data, dtype="<u4").astype(np.uint32)


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def text_hash(text: str) -> str:
    """Identical for texts with the same words (case, punctuation and spacing aside)."""
    return _hash_words(words(text))


def _hash_words(tokens: list[str]) -> str:
    return hashlib.sha256(" ".join(tokens).encode("utf-8")).hexdigest()[:32]


_PERMS: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}
_WORD_HASHES: dict[str, int] = {}
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5,
                 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9], dtype=np.uint64)


def _permutations(options: DedupeOptions) -> tuple[np.ndarray, np.ndarray]:
    key = (options.seed, options.num_perm)
    if key not in _PERMS:
        rng = np.random.default_rng(options.seed)
        a = rng.integers(1, 2**63, size=options.num_perm, dtype=np.uint64) | np.uint64(1)  # odd multipliers
        b = rng.integers(0, 2**63, size=options.num_perm, dtype=np.uint64)
        _PERMS[key] = (a[None, :], b[None, :])
    return _PERMS[key]


def _word_hashes(tokens: list[str]) -> np.ndarray:
    cache = _WORD_HASHES
    if len(cache) > 200_000:  # a bounded cache (~25 MB): the vocabulary of news is not
        cache.clear()
    for w in set(tokens).difference(cache):
        cache[w] = zlib.crc32(w.encode("utf-8")) | (len(w) << 32)
    return np.fromiter(map(cache.__getitem__, tokens), dtype=np.uint64, count=len(tokens))


def shingle_hashes(text: str, options: DedupeOptions = DEFAULT_DEDUPE) -> np.ndarray:
    """The distinct 64-bit hashes of the text's overlapping word shingles."""
    return _shingles(words(text), options)


def _shingles(tokens: list[str], options: DedupeOptions) -> np.ndarray:
    w = _word_hashes(tokens)
    k = options.shingle
    if len(w) == 0:
        return w
    if len(w) < k:
        k = len(w)
    n = len(w) - k + 1
    with np.errstate(over="ignore"):
        h = np.zeros(n, dtype=np.uint64)
        for i in range(k):
            h = (h ^ w[i : i + n]) * _MIX[i]
            h ^= h >> np.uint64(29)
    return np.unique(h)


def fingerprint(text: str, options: DedupeOptions = DEFAULT_DEDUPE) -> Fingerprint:
    tokens = words(text)
    shingles = _shingles(tokens, options)
    a, b = _permutations(options)
    if len(shingles) == 0:
        sig = np.full(options.num_perm, 0xFFFFFFFF, dtype=np.uint32)
    else:
        with np.errstate(over="ignore"):
            # multiply-shift hashing: the high 32 bits of a*x+b mod 2^64 are a universal hash;
            # the shift is monotone, so it is taken after the minimum (on 128 values, not n×128)
            m = np.multiply.outer(shingles, a[0])
            m += b[0]
            sig = (m.min(axis=0) >> np.uint64(32)).astype(np.uint32)
    return Fingerprint(_hash_words(tokens), sig, int(len(shingles)))


#: datasketch's MinHashLSH choice of (bands, rows) for (threshold, permutations), kept here
#: because importing datasketch (and scipy.integrate with it) costs two seconds an ingest;
#: tests/test_store_scale.py checks it against datasketch
KNOWN_BANDS = {(0.3, 128): (37, 3)}
_BANDS: dict[tuple[float, int], tuple[tuple[int, int], ...]] = {}


def band_ranges(options: DedupeOptions = DEFAULT_DEDUPE) -> tuple[tuple[int, int], ...]:
    """The LSH bands (start, end) of a signature: datasketch's choice for the threshold."""
    key = (options.lsh_threshold, options.num_perm)
    if key not in _BANDS:
        if key in KNOWN_BANDS:
            b, r = KNOWN_BANDS[key]
        else:
            from datasketch import MinHashLSH

            lsh = MinHashLSH(threshold=options.lsh_threshold, num_perm=options.num_perm)
            b, r = lsh.b, lsh.r
        _BANDS[key] = tuple((i * r, (i + 1) * r) for i in range(b))
    return _BANDS[key]


def band_keys(signature: np.ndarray, options: DedupeOptions = DEFAULT_DEDUPE) -> list[int]:
    """One signed 64-bit key per band: two signatures share a key where they share the band.

    The store keeps these in ``lsh_bands`` so that a new document finds its candidates with one
    indexed lookup per band instead of an index of the whole store in memory.
    """
    sig = np.ascontiguousarray(signature, dtype="<u4")
    out = []
    for i, (s, e) in enumerate(band_ranges(options)):
        digest = hashlib.blake2b(sig[s:e].tobytes(), digest_size=8, person=i.to_bytes(2, "little")).digest()
        out.append(int.from_bytes(digest, "little", signed=True))
    return out


def verify(signature: np.ndarray, shingles: int, other: np.ndarray, other_shingles: int,
           options: DedupeOptions = DEFAULT_DEDUPE) -> tuple[float, float] | None:
    """(Jaccard, containment) when two candidates are near-duplicates, else None."""
    return verify_estimate(jaccard(signature, other), shingles, other_shingles, options)


def verify_estimate(j: float, shingles: int, other_shingles: int,
                    options: DedupeOptions = DEFAULT_DEDUPE) -> tuple[float, float] | None:
    """:func:`verify` from the Jaccard estimate (the share of equal signature values) and the
    two texts' sizes (run/spark.py counts the equal values a batch of pairs at a time)."""
    c = containment(j, shingles, other_shingles)
    if j >= options.jaccard or c >= options.containment:
        return j, c
    return None


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def containment(j: float, size_a: int, size_b: int) -> float:
    """How much of the smaller set lies in the larger, from the Jaccard estimate and the sizes."""
    if min(size_a, size_b) == 0:
        return 0.0
    common = j * (size_a + size_b) / (1.0 + j)
    return min(1.0, common / min(size_a, size_b))


@dataclass(frozen=True, slots=True)
class Match:
    other: str
    jaccard: float
    containment: float


class NearDuplicateIndex:
    """Documents' signatures in a datasketch MinHashLSH, with verification of its candidates."""

    def __init__(self, options: DedupeOptions = DEFAULT_DEDUPE) -> None:
        from datasketch import MinHashLSH

        self.options = options
        self._lsh = MinHashLSH(threshold=options.lsh_threshold, num_perm=options.num_perm)
        self._sigs: dict[str, tuple[np.ndarray, int]] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def __contains__(self, key: str) -> bool:
        return key in self._sigs

    def _minhash(self, sig: np.ndarray):
        from datasketch import LeanMinHash

        return LeanMinHash(seed=self.options.seed, hashvalues=sig, scheme="affine32")

    def add(self, key: str, signature: np.ndarray, shingles: int) -> None:
        if key in self._sigs or shingles < self.options.min_shingles:
            return
        self._sigs[key] = (signature, shingles)
        self._lsh.insert(key, self._minhash(signature), check_duplication=False)

    def matches(self, signature: np.ndarray, shingles: int, exclude: str | None = None) -> list[Match]:
        """Verified near-duplicates among the documents added so far."""
        if shingles < self.options.min_shingles or not self._sigs:
            return []
        out = []
        for key in self._lsh.query(self._minhash(signature)):
            if key == exclude:
                continue
            other, other_size = self._sigs[key]
            found = verify(signature, shingles, other, other_size, self.options)
            if found is not None:
                out.append(Match(key, *found))
        return out

    def link(self, key: str, fp: Fingerprint) -> list[Match]:
        """Matches of a new document, which is then added."""
        found = self.matches(fp.signature, fp.shingles, exclude=key)
        self.add(key, fp.signature, fp.shingles)
        return found


def near_duplicate_pairs(
    items: Iterable[tuple[str, Fingerprint]], options: DedupeOptions = DEFAULT_DEDUPE
) -> list[tuple[str, str, float]]:
    """Every verified near-duplicate pair among the items: (earlier id, later id, Jaccard)."""
    index = NearDuplicateIndex(options)
    pairs = []
    for key, fp in items:
        for m in index.link(key, fp):
            pairs.append((m.other, key, m.jaccard))
    return pairs
