"""Reusable editors bound to the plan document: fields, tables, delegates, filters and guidance."""
