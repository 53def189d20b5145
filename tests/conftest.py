"""pytest configuration of the database-free test tier.

Puts the repository root on sys.path so that ``pdn_frappe`` (its domain package)
and ``tests.metadata`` import without installing the app or Frappe.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
	sys.path.insert(0, str(ROOT))
