"""A writer process for the reliability tests: `python writer.py URL DOCUMENT TAG N [...]`.

Prints "ready" once its claims are built, "wrote D/T" after each batch, and
"committed REVISION" at the end, flushing each line so the test can act between them.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from pestle.store import Store
from pestle.store.synthetic import synthetic_claims, synthetic_source


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("document")
    parser.add_argument("tag")
    parser.add_argument("n", type=int)
    parser.add_argument("--pause", type=float, default=0.0, help="sleep after each batch")
    parser.add_argument("--wait-for", type=Path, help="start writing once this file exists")
    args = parser.parse_args()

    claims = synthetic_claims(args.n, variant=args.tag)
    store = Store(args.url)
    print("ready", flush=True)
    while args.wait_for is not None and not args.wait_for.exists():
        time.sleep(0.005)

    def progress(done: int, total: int) -> None:
        print(f"wrote {done}/{total}", flush=True)
        time.sleep(args.pause)

    result = store.import_claims(
        args.document, synthetic_source(args.tag), claims, progress=progress
    )
    print(f"committed {result.documents[0].revision}", flush=True)
    store.close()


if __name__ == "__main__":
    main()
