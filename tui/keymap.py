"""Key remappings from config.yaml, checked entry by entry before Textual sees them.

Textual takes any string as a key and silently never matches one a terminal cannot send,
so each entry is checked here: the binding id exists; every key is one Textual can deliver
(a printable character, or a name from ``textual.keys`` such as ``f4`` or ``pageup``, after
modifiers among alt, ctrl, hyper, meta, shift and super, which Textual sorts); and no key
ends up doing two things where both apply. A bad entry is reported and the binding keeps
its default; the good entries are used.

ctrl+q always quits: no other action may take it, and a remapped ``quit`` keeps it too, so a
keymap can never take away the way out that Textual and the footer promise.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from functools import lru_cache

from textual.app import App
from textual.binding import Binding
from textual.keys import Keys, _character_to_key

MODIFIERS = ("alt", "ctrl", "hyper", "meta", "shift", "super")
QUIT_KEY = "ctrl+q"
EVERYWHERE = "everywhere"

Problem = tuple[str, str]  # (binding id, what is wrong)


@lru_cache(maxsize=1)
def key_names() -> frozenset[str]:
    """Every multi-character key name Textual gives a key (``f4``, ``pageup``, ``question_mark``…)."""
    names = {key.value.rpartition("+")[2] for key in Keys}
    names |= {_character_to_key(chr(code)) for code in range(33, 127)}
    return frozenset(name for name in names if len(name) > 1 and name.replace("_", "").isalnum())


def parse_key(key: str) -> tuple[str, str | None]:
    """``key`` as Textual names it, and what is wrong with it (None if nothing)."""
    if len(key) == 1:
        if not key.isprintable():
            return key, f"{key!r} is not a key"
        return _character_to_key(key), None
    *modifiers, name = key.split("+")
    if not name:
        return key, f"{key!r} ends with '+' (the + key is called plus)"
    unknown = [modifier for modifier in modifiers if modifier not in MODIFIERS]
    if unknown:
        return key, f"{unknown[0]!r} in {key!r} is not a modifier (use {', '.join(MODIFIERS)})"
    if len(set(modifiers)) < len(modifiers):
        return key, f"{key!r} repeats a modifier"
    modifiers.sort()  # Textual sorts them: shift+ctrl+a arrives as ctrl+shift+a
    if len(name) == 1:
        if modifiers == ["shift"] and name.isalpha() and name.islower():
            return key, f"{key!r} arrives as {name.upper()!r}: write that"
        if modifiers and name.isalpha() and name.isupper():
            return key, f"{key!r} never arrives: write {'+'.join(sorted({*modifiers, 'shift'}))}+{name.lower()}"
        name = _character_to_key(name)
    elif name not in key_names():
        close = difflib.get_close_matches(name.lower(), key_names(), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        where = f" in {key!r}" if modifiers else ""
        return key, f"{name!r}{where} is not a key name Textual knows{hint}"
    return "+".join([*modifiers, name]), None


def _keys_of(binding: Binding) -> list[str]:
    return [parse_key(key.strip())[0] for key in binding.key.split(",")]


def _textual_bindings() -> list[tuple[str, Binding]]:
    """Textual's own app-wide keys (ctrl+q, ctrl+c): a remap must not take them. The app declares
    the palette's key itself, so that a keymap may move it."""
    return [(EVERYWHERE, binding) for binding in Binding.make_bindings(App.BINDINGS)]


def check_keymap(keymap: Mapping[str, str],
                 bindings: Sequence[tuple[str, Binding]]) -> tuple[dict[str, str], list[Problem]]:
    """The usable part of ``keymap`` (binding id → keys, as Textual wants it) and every problem.

    ``bindings`` are the app's (scope, binding) pairs; a scope's keys clash with its own and
    with those that work everywhere."""
    by_id = {binding.id: (scope, binding) for scope, binding in bindings if binding.id}
    problems: list[Problem] = []
    remapped: dict[str, list[str]] = {}
    for binding_id, text in keymap.items():
        if binding_id not in by_id:
            problems.append((binding_id, "no binding has this id (the ? help lists them)"))
            continue
        keys, errors = _parse_keys(text)
        default = by_id[binding_id][1].key
        if not errors and QUIT_KEY in keys and by_id[binding_id][1].action != "quit":
            errors = [f"{QUIT_KEY} always quits"]
        if errors:
            problems.append((binding_id, f"{'; '.join(errors)}; keeping {default}"))
        else:
            remapped[binding_id] = keys
    problems += _drop_clashes(remapped, [*bindings, *_textual_bindings()])
    if "quit" in remapped and QUIT_KEY not in remapped["quit"]:
        remapped["quit"].append(QUIT_KEY)
    return {binding_id: ",".join(keys) for binding_id, keys in remapped.items()}, problems


def _parse_keys(text: str) -> tuple[list[str], list[str]]:
    keys, errors = [], []
    for key in text.split(","):
        key = key.strip()
        if not key:
            errors.append(f"{text!r} has an empty key (several keys are written 'a,f2')")
            continue
        name, error = parse_key(key)
        if error:
            errors.append(error)
        elif name not in keys:
            keys.append(name)
    return keys, errors


def _drop_clashes(remapped: dict[str, list[str]], bindings: Sequence[tuple[str, Binding]]) -> list[Problem]:
    """Drop remaps that put a key on two actions where both apply, until none does.

    A remap clashing with a default loses; of two remaps, the later one in the file loses.
    Defaults never clash with each other: their overlaps (Esc in a dialog) are by design."""
    problems: list[Problem] = []
    order = list(remapped)
    while clash := _first_clash(remapped, bindings, order):
        loser, key, other = clash
        default = next(binding.key for _, binding in bindings if binding.id == loser)
        problems.append((loser, f"{key} already does {other}; keeping {default}"))
        del remapped[loser]
    return problems


def _first_clash(remapped: dict[str, list[str]], bindings: Sequence[tuple[str, Binding]],
                 order: list[str]) -> tuple[str, str, str] | None:
    effective = [(scope, binding, remapped.get(binding.id or "") or _keys_of(binding)) for scope, binding in bindings]
    for binding_id in order:
        if binding_id not in remapped:
            continue
        scope, binding = next((s, b) for s, b in bindings if b.id == binding_id)
        for other_scope, other, keys in effective:
            if other is binding or other.action == binding.action or EVERYWHERE not in (scope, other_scope) \
                    and scope != other_scope:
                continue
            # A key both had by default is a designed overlap (q closes help), not a clash.
            shared = [key for key in remapped[binding_id] if key in keys
                      and not (key in _keys_of(binding) and key in _keys_of(other))]
            if shared:
                later = other.id in remapped and order.index(other.id) > order.index(binding_id)
                loser = other.id if later and other.id else binding_id
                winner = binding if loser != binding_id else other
                return loser, shared[0], f"{winner.id or winner.action} ({scope if winner is binding else other_scope})"
    return None
