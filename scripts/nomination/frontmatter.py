"""Text → front matter (a dict, with the line of every key) + body.

YAML is read strictly: duplicate keys are errors (PyYAML keeps the last silently), anchors and
aliases are refused (no alias bombs, no shared values), and dates stay text for the schema to
check. libyaml's C parser does the parsing; only building the values is Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
assert None not in _BaseLoader.yaml_implicit_resolvers, "wildcard resolvers would be skipped"


class _Loader(_BaseLoader):
    """The safe loader with a leaner tag resolver (the C parser calls it for every node).

    The safe loader registers neither path resolvers nor wildcard resolvers, so PyYAML's generic
    bookkeeping for them is skipped: a plain scalar is matched against the implicit resolvers of
    its first character exactly as PyYAML does, a quoted one is text. This halves the Python
    work the C parser calls back into, the largest share of loading a file.
    """

    _implicit = _BaseLoader.yaml_implicit_resolvers

    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in self._implicit.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

Path_ = tuple[str | int, ...]
DELIMITER = "---"
_CONTAINER_TAGS = frozenset({_MAP, _SEQ})
_KEPT_AS_TEXT = frozenset({_STR, "tag:yaml.org,2002:timestamp"})
_CLOSING = re.compile(r"\n(?:---|\.\.\.)[ \t]*(?=\n|$)")

_YAML_PROBLEMS = {
    "mapping values are not allowed": "có dấu hai chấm ở chỗ không được phép "
    "(nếu giá trị chứa \": \", hãy đặt nó trong ngoặc kép)",
    "could not find expected ':'": "thiếu dấu hai chấm sau tên trường",
    "found character that cannot start any token": "có ký tự không được đứng đầu giá trị "
    "(ví dụ dấu tab hoặc @, `): hãy đặt giá trị trong ngoặc kép, thụt lề bằng dấu cách",
    "could not determine a constructor for the tag": "có thẻ kiểu (!!…) không được phép; "
    "hãy bỏ thẻ và viết giá trị thường",
    "found undefined alias": "có bí danh (*) không được phép",
    "did not find expected key": "thụt lề không đúng hoặc thiếu tên trường",
    "did not find expected '-' indicator": "thụt lề của danh sách không đúng",
    "found unexpected end of stream": "giá trị trong ngoặc chưa được đóng",
    "found unknown escape character": "chuỗi trong ngoặc kép có ký tự thoát (\\) không hợp lệ",
    "expected <block end>, but found '<block mapping start>'": "thụt lề không đúng",
    "expected <block end>, but found '<block sequence start>'": "thụt lề của danh sách không đúng",
    "found a tab character that violates indentation": "dùng dấu tab để thụt lề; hãy dùng dấu cách",
    "found a tab character where an indentation space is expected": "dùng dấu tab để thụt lề; "
    "hãy dùng dấu cách",
    "found invalid Unicode character escape code": "chuỗi trong ngoặc kép có mã ký tự (\\u…) "
    "không hợp lệ; hãy gõ thẳng ký tự đó",
    "did not find expected hexdecimal number": "chuỗi trong ngoặc kép có mã ký tự (\\x, \\u…) "
    "không hợp lệ; hãy gõ thẳng ký tự đó",
    "exceeded maximum nesting depth": "ngoặc [ ] hoặc { } lồng nhau quá sâu",
    "found undefined tag handle": "có thẻ kiểu (!…) không được phép; hãy bỏ thẻ và viết giá trị thường",
    "did not find expected <document start>": "phần đầu chỉ gồm các trường; hãy bỏ các dòng "
    "bắt đầu bằng %",
    "found incompatible YAML document": "phần đầu chỉ gồm các trường; hãy bỏ các dòng bắt đầu "
    "bằng %",
    "did not find expected alphabetic or numeric character": "có dấu & hoặc * ở đầu giá trị; hãy "
    "đặt giá trị trong ngoặc kép",
    "did not find expected ',' or ']'": "danh sách trong ngoặc vuông [ ] chưa đóng hoặc thiếu dấu phẩy "
    "(nếu giá trị bắt đầu bằng [, hãy đặt nó trong ngoặc kép)",
    "did not find expected ',' or '}'": "giá trị trong ngoặc nhọn { } chưa đóng hoặc thiếu dấu phẩy "
    "(nếu giá trị bắt đầu bằng {, hãy đặt nó trong ngoặc kép)",
    "did not find expected node content": "thiếu giá trị ở chỗ này",
    "did not find expected comment or line break": "có chữ thừa sau giá trị (nếu giá trị có dấu ngoặc "
    "kép, hãy đặt cả câu trong ngoặc kép)",
    "block sequence entries are not allowed in this context": "dấu gạch đầu dòng (-) ở chỗ không được "
    "phép: thụt lề không đúng",
    "mapping keys are not allowed in this context": "tên trường ở chỗ không được phép: thụt lề không đúng",
}
MAX_INT_BITS = 63
"""No field counts past a year or an amount; a larger integer is a typo or an attack."""
MAX_CHARS = 64_000
"""Twenty times the longest front matter the schema's limits allow in practice (about 3,000
characters): building a value costs far more than parsing it, so the YAML is bounded first."""
_YAML_BREAKS = re.compile("[\x85\u2028\u2029]")
"""Characters YAML counts as line breaks (and folds away inside a value): lines would disagree
with the editor's, and the character would vanish unseen."""


class FrontMatterError(Exception):
    def __init__(self, line: int, message: str, field: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.field = field


@dataclass
class FrontMatter:
    data: dict
    lines: dict[Path_, int]
    """Line in the file of every key and list item, by its path: ("nominee", "name") → 12."""
    body: str
    body_line: int
    end_line: int
    """The line of the closing ``---``."""
    texts: list[tuple[Path_, str]]
    """Every text value with its path, in file order: what the visible-text checks read."""


def split(text: str) -> tuple[str, int, str, int]:
    """(yaml text, line of the closing ---, body, first line of the body)."""
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    if first.startswith(DELIMITER + "\r"):
        raise FrontMatterError(1, (
            "tệp xuống dòng bằng ký tự CR (kiểu máy Mac cũ) nên cả tệp chỉ là một dòng; hãy mở "
            "bằng trình soạn thảo và lưu lại với kiểu xuống dòng LF (Unix) hoặc CRLF (Windows)"
        ))
    if first.rstrip() != DELIMITER:
        raise FrontMatterError(
            1,
            "thiếu phần đầu YAML: dòng đầu tiên của tệp phải là \"---\", tiếp theo là các trường "
            "(title, category, …) và một dòng \"---\" đóng lại",
        )
    for match in _CLOSING.finditer(text, first_end):
        start = match.start() + 1
        end_line = text.count("\n", 0, start) + 1
        body_start = text.find("\n", start)
        body = "" if body_start < 0 else text[body_start + 1:]
        return text[first_end + 1:start], end_line, body, end_line + 1
    raise FrontMatterError(
        1, "phần đầu YAML mở ở dòng 1 nhưng không có dòng \"---\" nào đóng lại"
    )


def _yaml_message(err: yaml.YAMLError, yaml_text: str) -> str:
    problem = getattr(err, "problem", None) or str(err)
    mark = getattr(err, "problem_mark", None)
    if mark is not None and problem.startswith("found character"):
        # libyaml does not say which character; a tab is the usual one, pasted from Word.
        lines = yaml_text.split("\n")
        line = lines[mark.line] if mark.line < len(lines) else ""
        if line[mark.column:mark.column + 1] == "\t":
            where = "ở đầu dòng" if not line[:mark.column].strip() else f"ở cột {mark.column + 1}"
            return (
                f"YAML không hợp lệ: có dấu tab (phím Tab) {where}; phần đầu phiếu không nhận dấu "
                "tab, hãy xóa nó và gõ dấu cách thay vào"
            )
    for english, vietnamese in _YAML_PROBLEMS.items():
        if problem.startswith(english):
            return f"YAML không hợp lệ: {vietnamese}"
    technical = problem.splitlines()[0] if problem else ""
    return f"YAML không hợp lệ: sai cú pháp ở dòng này (chi tiết kỹ thuật: {technical})"


def _unseen(char: str) -> str:
    return (f"có ký tự không nhìn thấy được (U+{ord(char):04X}), thường do dán từ Word hoặc trang "
            "web; hãy xóa và gõ lại đoạn đó")


def _line_of(mark, offset: int) -> int:
    return (mark.line if mark is not None else 0) + offset


class _Builder:
    """Builds Python values from the composed YAML nodes, recording lines and refusing aliases."""

    def __init__(self, loader, offset: int) -> None:
        self.loader = loader
        self.offset = offset
        self.lines: dict[Path_, int] = {}
        self.texts: list[tuple[Path_, str]] = []
        self.seen: set[int] = set()

    def build(self, node, path: Path_):
        if id(node) in self.seen:
            raise FrontMatterError(
                self.lines.get(path, _line_of(node.start_mark, self.offset)),
                "không dùng neo (&) và bí danh (*) trong YAML: hãy viết đầy đủ giá trị",
                _dotted(path),
            )
        self.seen.add(id(node))
        if not isinstance(node, yaml.ScalarNode) and node.tag not in _CONTAINER_TAGS:
            raise FrontMatterError(
                self.lines.get(path, _line_of(node.start_mark, self.offset)),
                f"có thẻ kiểu \"{node.tag}\" không được phép; hãy bỏ thẻ và viết giá trị thường",
                _dotted(path),
            )
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.lines[(*path, index)] = _line_of(item.start_mark, self.offset)
                items.append(self.build(item, (*path, index)))
            return items
        if node.tag in _KEPT_AS_TEXT:
            # Dates stay text too: the schema's "date" format checks that they are real dates.
            self.texts.append((path, node.value))
            return node.value
        return self._scalar(node, path)

    def _scalar(self, node, path: Path_):
        """A number, a truth value or null; whatever PyYAML cannot turn into one of them (an
        integer of 5,000 digits, ``!!bool maybe``, ``!!binary``) is an error on its own line.

        So is an integer past 64 bits: written in hexadecimal, binary, octal or base 60
        (``1:1:1:…``), PyYAML builds it without Python's 4,300-digit limit, and the first message
        that printed it stopped every command."""
        line = self.lines.get(path, _line_of(node.start_mark, self.offset))
        try:
            value = self.loader.construct_object(node)
        except (ValueError, KeyError, TypeError, OverflowError, yaml.YAMLError):
            value = None
        else:
            if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
                value = None
            elif isinstance(value, (bool, int, float, type(None))) and (value is not None or
                                                                       node.tag.endswith(":null")):
                return value
        shown = node.value if len(node.value) <= 40 else node.value[:40] + "…"
        raise FrontMatterError(
            line,
            f"giá trị \"{shown}\" không đọc được (thẻ kiểu {node.tag.rsplit(':', 1)[-1]}); nếu là "
            "chữ, hãy đặt trong ngoặc kép; nếu là số, hãy viết số thường",
            _dotted(path),
        )

    def _mapping(self, node, path: Path_) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            line = _line_of(key_node.start_mark, self.offset)
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise FrontMatterError(line, "không dùng khóa gộp (<<) trong YAML", _dotted(path))
            if not isinstance(key_node, yaml.ScalarNode):
                raise FrontMatterError(line, "tên trường phải là chữ", _dotted(path))
            key = key_node.value
            if key in result:
                first = self.lines[(*path, key)]
                raise FrontMatterError(
                    line,
                    f"trường \"{key}\" được viết hai lần (lần đầu ở dòng {first}); "
                    "hãy giữ một lần và xóa lần kia",
                    _dotted((*path, key)),
                )
            self.lines[(*path, key)] = line
            result[key] = self.build(value_node, (*path, key))
        return result


def parse(text: str) -> FrontMatter:
    yaml_text, end_line, body, body_line = split(text)
    offset = 2  # libyaml counts from 0, and the YAML starts on the file's second line
    if len(yaml_text) > MAX_CHARS:
        raise FrontMatterError(1, (
            f"phần đầu YAML quá dài ({len(yaml_text):_} ký tự, tối đa {MAX_CHARS:_}): phần đầu chỉ "
            "gồm các trường ngắn của phiếu, bài viết đặt sau dòng \"---\" đóng"
        ).replace("_", "."))
    odd = _YAML_BREAKS.search(yaml_text)
    if odd:
        raise FrontMatterError(yaml_text.count("\n", 0, odd.start()) + offset, _unseen(odd.group(0)))
    loader = _Loader(yaml_text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise FrontMatterError(1, "phần đầu YAML trống: hãy điền các trường của phiếu")
        if not isinstance(node, yaml.MappingNode):
            raise FrontMatterError(
                _line_of(node.start_mark, offset),
                "phần đầu phải là các cặp \"tên trường: giá trị\"",
            )
        builder = _Builder(loader, offset)
        data = builder.build(node, ())
    except yaml.reader.ReaderError as err:
        # A character YAML refuses to read (a NUL, a control, U+FFFE): a single line, in Vietnamese.
        # Its first occurrence (libyaml's position counts bytes, not characters).
        line = yaml_text.count("\n", 0, max(yaml_text.find(chr(err.character)), 0)) + offset
        raise FrontMatterError(line, _unseen(chr(err.character))) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise FrontMatterError(_line_of(mark, offset), _yaml_message(err, yaml_text)) from None
    except RecursionError:
        raise FrontMatterError(1, "phần đầu YAML lồng nhau quá sâu") from None
    finally:
        loader.dispose()
    return FrontMatter(data, builder.lines, body, body_line, end_line, builder.texts)


def _dotted(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


dotted = _dotted
