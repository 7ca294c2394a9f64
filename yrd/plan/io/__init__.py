"""Import and export of the plan's tasks, milestones and reports as XLSX and CSV.

`tables` reads a file into numbered rows, `columns` turns cells into values (or a reason why not),
`importers` checks every row and writes all of them or none, `exporters` writes the same columns.
"""
