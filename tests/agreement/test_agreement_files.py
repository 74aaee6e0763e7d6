"""The CSV readers of agreement data (makna.agreement.files), called directly as a library user would."""

from __future__ import annotations

from pathlib import Path

import pytest

from makna.agreement.files import read_excerpts, read_rating_table, read_segments
from makna.errors import InputError


def _csv(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "data.csv"
    p.write_text(text, encoding="utf-8")
    return p


def test_readers(tmp_path: Path) -> None:
    assert read_rating_table(_csv(tmp_path, "ana,budi\n1,2\n,3\n"), numeric=True) == (["ana", "budi"],
                                                                                     [[1, 2], [None, 3]])
    assert read_rating_table(_csv(tmp_path, "ana,budi\na,b\n"), numeric=False) == (["ana", "budi"], [["a", "b"]])
    assert read_segments(_csv(tmp_path, "Category,coder,start,end\nx,ana,0,5\n\n")) == [("ana", 0, 5, "x")]
    assert read_excerpts(_csv(tmp_path, "source,start,end\ns1, 3 ,9\n")) == [("s1", 3, 9)]


@pytest.mark.parametrize("reader,text,message", [
    (read_segments, "coder,start,end\n", "missing column(s) category"),
    (read_segments, "coder,start,end,category\nana,0,x,c\n", "line 2: start '0' and end 'x' must be integers"),
    (read_segments, "coder,start,end,category\n,0,1,c\n", "line 2: coder and category must not be empty"),
    (read_excerpts, "source,start,end\ns1,0\n", "line 2: 2 cells, expected 3"),
    (read_excerpts, "", "empty file"),
])
def test_reader_errors_name_the_line(tmp_path: Path, reader: object, text: str, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        reader(_csv(tmp_path, text))  # type: ignore[operator]
    with pytest.raises(InputError, match="no such file"):
        read_rating_table(tmp_path / "missing.csv", numeric=False)
