"""Demo data of pdn_frappe, as plain data built from a seed (no frappe import below this package).

The loaders of each module (``pdn_frappe.<module>.demo``) turn it into documents of a site; the
database-free tests (``tests/``) check it.
"""
