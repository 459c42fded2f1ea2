"""The yardstick for the Excel annexes: Python's openpyxl in write-only mode writing what
BenchmarkWorkbook (annexes/bench_test.go) writes - 2,000 budget lines over three years (with a SUM per
line and SUM totals, money and count formats, frozen header) and a performance framework of 200 rows.

    /usr/bin/python3 docs/perf/openpyxl_annexes.py [iterations]     # in-process: CPU and wall ms per workbook
    hyperfine -w 2 '/usr/bin/python3 docs/perf/openpyxl_annexes.py 1'   # the whole process, start-up included

Debian's python3-openpyxl (3.0.9) is in the system Python.
"""
import io
import sys
import time

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill

MODULES = [
    ("Комплексные программы профилактики для людей, употребляющих инъекционные наркотики (ЛУИН), и их партнеров",
     "Программы обмена игл и шприцев (ПОШ)"),
    ("Снижение барьеров в сфере прав человека в доступе к услугам по ВИЧ и ТБ", "Юридические услуги"),
    ("RSSH: ответные меры и системы сообществ", "Мониторинг на уровне сообществ"),
]
GROUPINGS = [f"{n}. Группа затрат {n}" for n in range(1, 14)]
YEARS = [2027, 2028, 2029]


def workbook(out):
    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DCE6F1")
    wrap = Alignment(wrap_text=True, vertical="top")

    def header(ws, title, columns):
        ws.freeze_panes = "A3"
        ws.append([title])
        cells = []
        for c in columns:
            cell = WriteOnlyCell(ws, value=c)
            cell.font, cell.fill = bold, fill
            cells.append(cell)
        ws.append(cells)

    def styled(ws, value, fmt=None, alignment=None):
        cell = WriteOnlyCell(ws, value=value)
        if fmt:
            cell.number_format = fmt
        if alignment:
            cell.alignment = alignment
        return cell

    ws = wb.create_sheet("Бюджет – прочие статьи")
    for col, width in zip("ABCDEFGHIJKLM", [6, 28, 30, 40, 28, 18, 18, 14, 12, 15, 15, 15, 17]):
        ws.column_dimensions[col].width = width
    header(ws, "Детальный бюджет", ["№", "Модуль", "Мероприятие", "Описание деятельности", "Группа затрат", "Статья затрат",
                                    "Исполнитель", "Стоимость единицы, KGS", "Количество"] + [f"{y}, KGS" for y in YEARS] + ["Итого, KGS"])
    for i in range(2000):
        module, intervention = MODULES[i % len(MODULES)]
        unit, qty = 1000 + i, 3 * (1 + i % 7)
        per = unit * qty // 3
        amounts = [per, per + 1, unit * qty - 2 * per - 1]
        r = i + 3
        ws.append([styled(ws, i + 1), styled(ws, module, alignment=wrap), styled(ws, intervention, alignment=wrap),
                   styled(ws, f"Аутрич-работник, участок {i + 1}", alignment=wrap), styled(ws, GROUPINGS[i % 13], alignment=wrap),
                   None, None, styled(ws, unit / 100, "#,##0.00"), styled(ws, qty, "#,##0")]
                  + [styled(ws, a / 100, "#,##0.00") for a in amounts]
                  + [styled(ws, f"=SUM(J{r}:L{r})", "#,##0.00")])
    last = 2002
    ws.append([None, styled(ws, "Итого")] + [None] * 7 + [styled(ws, f"=SUM({c}3:{c}{last})", "#,##0.00") for c in "JKLM"])

    ws = wb.create_sheet("Рамка результатов")
    header(ws, "Рамка результатов", ["Тип", "Код", "Индикатор", "Исходное значение", "Год исходного значения", "Источник"]
           + [f"Целевое значение, {y}" for y in YEARS])
    for i in range(200):
        v = 400 + i
        ws.append([styled(ws, "Охват"), styled(ws, "KP-1d"), styled(ws, "% ЛУИН, охваченных пакетом услуг", alignment=wrap),
                   styled(ws, v / 1000, "0.0%"), styled(ws, 2025), styled(ws, "IBBS 2025, Ministry of Health")]
                  + [styled(ws, (v + (y - 2026) * 10) / 1000, "0.0%") for y in YEARS])
    wb.save(out)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    wall, cpu = [], []
    for _ in range(n):
        out = io.BytesIO()
        w0, c0 = time.perf_counter(), time.process_time()
        workbook(out)
        wall.append((time.perf_counter() - w0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    wall.sort()
    cpu.sort()
    print(f"openpyxl write-only, {n} workbooks of {len(out.getvalue())} bytes: "
          f"median {wall[n // 2]:.1f} ms wall, {cpu[n // 2]:.1f} ms CPU")


if __name__ == "__main__":
    main()
