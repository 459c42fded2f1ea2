"""Reads an iduit annexes workbook with openpyxl and prints what the Go test checks, as JSON."""
import datetime
import json
import sys

import openpyxl

path = sys.argv[1]
formulas = openpyxl.load_workbook(path)
values = openpyxl.load_workbook(path, data_only=True)
names = formulas.sheetnames
hp, nhp = formulas[names[1]], formulas[names[2]]
nhp_values = values[names[2]]
hp_values = values[names[1]]


def last_row(ws):
    return ws.max_row


numeric = True
expected = 0.0
for ws in (hp_values, nhp_values):
    total_col = ws.max_column
    for row in ws.iter_rows(min_row=3, max_row=ws.max_row - 1):
        unit, qty = row[7].value, row[8].value
        amounts = [c.value for c in row[9:total_col]]
        for v in [unit, qty, *amounts]:
            if not isinstance(v, (int, float)) or isinstance(v, bool):
                numeric = False
        expected += amounts[-1]
cached = hp_values.cell(hp_values.max_row, hp_values.max_column).value + nhp_values.cell(nhp_values.max_row, nhp_values.max_column).value

summary = formulas[names[3]]
landscape = formulas[names[6]]
about = values[names[0]]
date_cell = next(r[1].value for r in about.iter_rows(min_row=2) if isinstance(r[1].value, datetime.datetime))
print(json.dumps({
    "sheets": names,
    "nhp_header": [c.value for c in nhp[2]],
    "nhp_total_formula": nhp.cell(nhp.max_row, nhp.max_column).value,
    "hp_line_formula": hp.cell(3, hp.max_column).value,
    "summary_formula": summary.cell(summary.max_row, 2).value,
    "landscape_formula": landscape.cell(3, 5).value,
    "types_numeric": numeric,
    "date_is_date": isinstance(date_cell, datetime.datetime),
    "frozen": nhp.freeze_panes,
    "protected": bool(nhp.protection.sheet),
    "cached_total": round(cached, 2),
    "expected_total": round(expected, 2),
    "title": formulas.properties.title,
    "language": formulas.properties.language,
}, ensure_ascii=False))
