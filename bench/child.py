"""Run one feature benchmark in a process of its own: ``python -m bench.child MODULE DB OUT``.

Writes ``{"result": run(DB)}`` to OUT as JSON, or ``{"error": traceback}``: a crash or a leak in one
benchmark cannot touch the next, and each starts with a fresh heap and no QApplication.
"""

import importlib
import json
import sys
import traceback
from pathlib import Path


def main() -> int:
    module, db, out = sys.argv[1:4]
    try:
        payload = {"result": importlib.import_module(f"bench.{module}").run(db)}
    except Exception:  # reported in the table as n/a, with the last line of the traceback
        payload = {"error": traceback.format_exc()[-3000:]}
    Path(out).write_text(json.dumps(payload, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
