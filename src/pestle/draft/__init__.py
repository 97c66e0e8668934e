"""Start a case: copy an embedded one, or draft one from documents (`pestle init`).

- `copy_embedded(folder)`: the embedded case's files, read from the installed package;
- `draft_case(folder, documents, region=..., industry=...)`: a draft case folder whose every
  drafted item is marked `draft: true` (`build`), made of indicators with checked evidence
  links (`indicators`), factors per PESTLE dimension found with an editable lexicon
  (`lexicon`, `factors`), and illustrative templates (`templates`), written with editor
  schema lines (`write`).
"""

from pestle.draft.build import DraftSummary, draft_case
from pestle.draft.copy import copy_embedded
from pestle.draft.indicators import Unplaced
from pestle.draft.lexicon import Lexicon, load_lexicon

__all__ = ["DraftSummary", "Lexicon", "Unplaced", "copy_embedded", "draft_case", "load_lexicon"]
