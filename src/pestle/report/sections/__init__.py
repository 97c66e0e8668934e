"""One module per report section, in reading order, each with `build(results, notes, body)`,
which fills the section's `Body` from the case's `Results`."""

from __future__ import annotations

from dataclasses import dataclass, field

from pestle.report.view import Block, Subsection


@dataclass
class Body:
    """What a section builder returns; numbering and ids are added by `context`."""

    intro: list[Block] = field(default_factory=list)
    subsections: list[Subsection] = field(default_factory=list)

    def sub(self, id_: str, title: str, *blocks: Block) -> None:
        self.subsections.append(Subsection(id=id_, title=title, blocks=tuple(blocks)))
