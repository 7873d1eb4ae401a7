"""Why a quote is not in its source: the nearest passage, where it departs, and the usual causes.

Authors copy quotes by hand, and the same few slips account for nearly every miss: full-width
punctuation where the source has ASCII (or the reverse), Traditional characters where the source
is Simplified (or the reverse), and a space or line break that the source does not have. This
module finds the passage the author meant and names the slip, in one line, for the loader's
error message. Nothing here imports Textual.
"""

from __future__ import annotations

import unicodedata

# Full-width punctuation an author types on a Chinese keyboard, and the ASCII a scraped source
# may have in its place.
_WIDTH_PAIRS = {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?", "％": "%"}
_TO_ASCII = str.maketrans(_WIDTH_PAIRS)
_EXCERPT = 24


def explain_mismatch(quote: str, source: str) -> str:
    """One line saying where ``quote`` departs from the nearest passage of ``source``, and why."""
    located, cause = _located_slip(quote, source)
    start = located if cause else _nearest(quote, source)
    if start is None:
        return "no part of it is in the source: is it quoted from another article?"
    matched = next((i for i, ch in enumerate(quote) if source[start + i:start + i + 1] != ch), len(quote))
    parts = []
    if matched < len(quote):
        found = source[start + matched] if start + matched < len(source) else None
        parts.append(f"it departs from the source at character {matched + 1}: the quote has "
                     f"{_name(quote[matched])} where the source has "
                     f"{_name(found) if found is not None else 'the end of the text'}")
    parts.append(f"nearest passage: 「{_excerpt(source[start:start + max(len(quote), 1)])}」")
    if cause:
        parts.append(f"likely cause: {cause}")
    return "; ".join(parts)


def _located_slip(quote: str, source: str) -> tuple[int, str | None]:
    """Where the quote is in the source once the usual slip is undone, and which slip it was."""
    at = source.translate(_TO_ASCII).find(quote.translate(_TO_ASCII))
    if at >= 0:
        return at, ("full-width punctuation against the source's ASCII (，：； against ,:;) or the reverse: "
                    "copy the punctuation from the source")
    kept = [i for i, ch in enumerate(source) if not ch.isspace()]
    at = "".join(source[i] for i in kept).find(_squeeze(quote))
    if at >= 0 and _squeeze(quote) != quote:
        return kept[at], "a space or line break the source does not have there"
    if _has_han(quote):
        fold = _simplified_fold()
        at = fold(source).find(fold(quote))
        if at >= 0:
            return at, ("Traditional characters against a Simplified source, or the reverse: "
                        "quote the source in its own script")
    return 0, None


def _nearest(quote: str, source: str) -> int | None:
    """Where the longest prefix of ``quote`` found in ``source`` starts (placed by the longest
    suffix found when even the first character is missing)."""
    low, high = 0, len(quote)
    while low < high:  # `find` is monotone in the prefix length, so bisect it
        middle = (low + high + 1) // 2
        if source.find(quote[:middle]) >= 0:
            low = middle
        else:
            high = middle - 1
    if low > 0:
        return source.find(quote[:low])
    for cut in range(1, len(quote)):
        at = source.find(quote[cut:])
        if at >= 0:
            return max(at - cut, 0)
    return None


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _has_han(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def _simplified_fold():
    # OpenCC is heavy to import; it is needed only here, when a quote has already failed.
    from .search.fold import Folder  # noqa: PLC0415 - only on the error path

    return Folder(simplify=True).fold


def _name(ch: str) -> str:
    if ch == "\n":
        return "a line break"
    shown = f"'{ch}' " if ch.isprintable() else ""
    return f"{shown}(U+{ord(ch):04X} {unicodedata.name(ch, 'a control character')})"


def _excerpt(text: str) -> str:
    text = text.replace("\n", "⏎")
    return text if len(text) <= _EXCERPT else text[:_EXCERPT - 1] + "…"
