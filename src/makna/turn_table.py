"""A compact table of turns: what an import holds between detecting turns and storing them.

A transcript of two million short turns as a list of :class:`~makna.text.TurnSpan` tuples takes
about 400 MB (a tuple, two integers and often a speaker string each); here it takes 20 bytes a turn:
starts and ends in machine-integer arrays, speakers as indices into the list of distinct names.
Subtitle times, where a format has them, are kept in plain lists.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from .text import TurnSpan, turn_bounds, turn_stamp

__all__ = ["TurnTable"]


class TurnTable(Sequence[TurnSpan]):
    """Turns in order, stored compactly; indexing and iterating give :class:`TurnSpan` tuples."""

    def __init__(self) -> None:
        self.starts = array("q")
        self.ends = array("q")
        self._speaker_of = array("I")
        self._speakers: list[str] = []
        self._speaker_index: dict[str, int] = {}
        self._times: list[tuple[str | None, str | None]] | None = None

    @classmethod
    def of(cls, spans: Iterable[TurnSpan], *, length: int | None = None) -> TurnTable:
        """The table of ``spans``; with ``length``, refuse (ValueError) a span outside ``0..length``."""
        table = cls()
        for span in spans:
            if length is not None and not (0 <= span.start < span.end <= length):
                raise ValueError(f"turn {span.start}:{span.end} lies outside the text")
            table.append(span)
        return table

    @classmethod
    def detect(cls, text: str, pattern: str | None = None) -> TurnTable:
        """The turns :func:`makna.text.detect_turns` finds, without a tuple per turn on the way."""
        table = cls()
        index, speakers = table._speaker_index, table._speakers
        add_start, add_end, add_speaker = table.starts.append, table.ends.append, table._speaker_of.append
        times: list[tuple[str | None, str | None]] = []
        for speaker, start, end in turn_bounds(text, pattern):
            who = index.get(speaker)
            if who is None:
                who = index[speaker] = len(speakers)
                speakers.append(speaker)
            add_start(start)
            add_end(end)
            add_speaker(who)
            stamp = turn_stamp(text, start)  # "[00:01:12] P:": the turn starts there in the recording
            if stamp is not None:
                times.extend([(None, None)] * (len(table.starts) - 1 - len(times)))
                times.append((stamp, None))
        if times:
            table._times = times + [(None, None)] * (len(table.starts) - len(times))
        return table

    def append(self, span: TurnSpan) -> None:
        index = self._speaker_index.get(span.speaker)
        if index is None:
            index = self._speaker_index[span.speaker] = len(self._speakers)
            self._speakers.append(span.speaker)
        if (span.time_start is not None or span.time_end is not None) and self._times is None:
            self._times = [(None, None)] * len(self.starts)
        self.starts.append(span.start)
        self.ends.append(span.end)
        self._speaker_of.append(index)
        if self._times is not None:
            self._times.append((span.time_start, span.time_end))

    def __len__(self) -> int:
        return len(self.starts)

    def _span(self, i: int) -> TurnSpan:
        times = self._times[i] if self._times is not None else (None, None)
        return TurnSpan(self._speakers[self._speaker_of[i]], self.starts[i], self.ends[i], *times)

    @overload
    def __getitem__(self, i: int) -> TurnSpan: ...
    @overload
    def __getitem__(self, i: slice) -> list[TurnSpan]: ...
    def __getitem__(self, i: int | slice) -> TurnSpan | list[TurnSpan]:
        if isinstance(i, slice):
            return [self._span(k) for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("turn index out of range")
        return self._span(i)

    def __iter__(self) -> Iterator[TurnSpan]:
        for i in range(len(self)):
            yield self._span(i)

    def rows(self, source_id: str, *, first: int = 0, count: int | None = None,
             speaker_chars: int = 200) -> list[tuple[str, int, str, int, int, str | None, str | None]]:
        """Rows in :data:`makna.store.TURN_COLUMNS` order for turns ``first`` .. ``first + count``
        (numbered from 1): stored in batches, so that no import holds them all at once."""
        end = len(self) if count is None else min(len(self), first + count)
        speakers = [name[:speaker_chars] for name in self._speakers]
        times: Sequence[tuple[str | None, str | None]] = (
            self._times[first:end] if self._times is not None else [(None, None)] * (end - first))
        return [
            (source_id, number, speakers[who], start, stop, t[0], t[1])
            for number, who, start, stop, t in zip(
                range(first + 1, end + 1), self._speaker_of[first:end], self.starts[first:end], self.ends[first:end],
                times, strict=True)
        ]
