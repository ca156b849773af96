"""Indented JSON text, byte for byte what ``json.dumps(value, ensure_ascii=False, indent=2)`` writes, faster.

The standard library writes indented JSON in pure Python, one generator per dict and
list, and that was most of the time :func:`esgclaims.dump` took. A claim file's
records are small, flat tables of strings: each is written here as one joined
string, with the same string escaping (the C ``encode_basestring`` of :mod:`json`).
"""

from __future__ import annotations

from json.encoder import encode_basestring

__all__ = ["Unwritable", "json_text"]


class Unwritable(TypeError):  # noqa: N818 - internal: to_json catches it and writes with json.dumps
    """A value :func:`json_text` does not write (a float, a tuple, a subclass): write it with :func:`json.dumps`."""


def json_text(value: object, newline: str = "\n") -> str:
    r"""``json.dumps(value, ensure_ascii=False, indent=2)`` of dicts with string keys, lists, str, int, bool and None.

    ``newline`` is the line break and indent of the line ``value`` starts on: ``"\n    "``
    writes it as an item two levels down in a document.

    Raises:
        Unwritable: ``value`` holds anything else; :func:`json.dumps` writes it.

    Examples:
        >>> print(json_text({"id": "a", "span": [0, 5], "value": {"unit": "t"}, "aliases": []}))
        {
          "id": "a",
          "span": [
            0,
            5
          ],
          "value": {
            "unit": "t"
          },
          "aliases": []
        }
        >>> json_text({"amount": 1.5})
        Traceback (most recent call last):
        ...
        esgclaims._io.jsontext.Unwritable: no JSON text for a float here; expected a dict, list, str, int, bool or None
    """
    if type(value) is str:
        return encode_basestring(value)
    if type(value) is dict:
        if not value:
            return "{}"
        inner = newline + "  "
        items = []
        for key, item in value.items():
            if type(key) is not str:
                raise Unwritable(f"no JSON text for a key of type {type(key).__name__} here; expected a str")
            text = encode_basestring(item) if type(item) is str else json_text(item, inner)
            items.append(f"{encode_basestring(key)}: {text}")
        return f"{{{inner}{(',' + inner).join(items)}{newline}}}"
    if type(value) is list:
        if not value:
            return "[]"
        inner = newline + "  "
        items = [encode_basestring(item) if type(item) is str else json_text(item, inner) for item in value]
        return f"[{inner}{(',' + inner).join(items)}{newline}]"
    if type(value) is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    raise Unwritable(f"no JSON text for a {type(value).__name__} here; expected a dict, list, str, int, bool or None")
