"""Business rules of the Promeneurs du Net network, in plain Python.

Nothing below this package imports frappe: functions take and return plain data
so that they can be tested without a site.
"""
