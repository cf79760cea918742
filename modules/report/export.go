package report

import (
	"fmt"
	"net/url"

	"myrestaurant/modules/clock"

	"github.com/pocketbase/pocketbase/core"
	"github.com/xuri/excelize/v2"
)

// The export's file: the name the original admin front end saves it under, and an ASCII name for clients
// that do not read RFC 5987's filename*.
const (
	ExportFileName      = "运营数据统计报表.xlsx"
	exportASCIIFileName = "operations-report.xlsx"
	XLSXContentType     = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)

// ExportContentDisposition is the Content-Disposition of the export.
func ExportContentDisposition() string {
	return fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, exportASCIIFileName, url.PathEscape(ExportFileName))
}

// The sheet and the number formats of the original template (运营数据报表模板.xlsx).
const (
	exportSheet      = "Sheet1"
	formatCount      = 1  // built-in "0"
	formatPercent    = 10 // built-in "0.00%"
	currencyFormat   = "¥#,##0.00"
	exportFirstRow   = 8 // first detail row; the template has 30 of them, rows 8..37
	exportDetailDays = 30
)

// ExportWorkbook builds the operations workbook of the 30 full days before today (docs/compat-api.md §5.6): the
// overview of the whole period in rows 4-5 and one row per day from row 8, in the cells of the original
// template. The figures come from three grouped queries over the 30 days.
func ExportWorkbook(app core.App) ([]byte, error) {
	p := exportPeriod(clock.Now(app))
	days := p.Days()
	figures, err := businessPerDay(app, days)
	if err != nil {
		return nil, err
	}
	var total businessFigures
	for _, f := range figures {
		total = total.add(f)
	}

	f := excelize.NewFile()
	defer f.Close()
	s, err := newExportStyles(f)
	if err != nil {
		return nil, err
	}
	w := &sheetWriter{f: f}

	// The template's fixed text, merges and column widths.
	w.merge("B1", "G1", "运营数据报表", s.title)
	w.merge("B2", "G2", "时间："+days[0].Date+"至"+days[len(days)-1].Date, s.period)
	w.merge("B3", "G3", "概览数据", s.section)
	w.merge("B6", "G6", "明细数据", s.section)
	// The two row labels start with a tab in the template; kept so the sheet matches it cell for cell.
	for cell, label := range map[string]string{"B4": "\t营业额", "D4": "订单完成率", "F4": "新增用户数", "B5": "\t有效订单", "D5": "平均客单价"} {
		w.set(cell, label, s.label)
	}
	for i, h := range []string{"日期", "营业额", "有效订单", "订单完成率", "平均客单价", "新增用户数"} {
		w.set(fmt.Sprintf("%c7", 'B'+i), h, s.header)
	}
	w.style("F5", "G5", s.label)
	if w.err == nil {
		w.err = f.SetColWidth(exportSheet, "B", "G", 16)
	}
	if w.err == nil {
		w.err = f.SetRowHeight(exportSheet, 1, 30)
	}

	overview := total.data()
	w.set("C4", float64(overview.Turnover), s.currency)
	w.set("E4", float64(overview.OrderCompletionRate), s.percent)
	w.set("G4", overview.NewUsers, s.count)
	w.set("C5", overview.ValidOrderCount, s.count)
	w.set("E5", float64(overview.UnitPrice), s.currency)

	for i, day := range days {
		d := figures[i].data()
		row := exportFirstRow + i
		w.set(fmt.Sprintf("B%d", row), day.Date, s.text)
		w.set(fmt.Sprintf("C%d", row), float64(d.Turnover), s.currency)
		w.set(fmt.Sprintf("D%d", row), d.ValidOrderCount, s.count)
		w.set(fmt.Sprintf("E%d", row), float64(d.OrderCompletionRate), s.percent)
		w.set(fmt.Sprintf("F%d", row), float64(d.UnitPrice), s.currency)
		w.set(fmt.Sprintf("G%d", row), d.NewUsers, s.count)
	}
	if w.err != nil {
		return nil, w.err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type exportStyles struct {
	title, period, section, label, header, text, count, currency, percent int
}

func newExportStyles(f *excelize.File) (exportStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1},
	}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center"}
	currency := currencyFormat
	specs := []*excelize.Style{
		{Font: &excelize.Font{Bold: true, Size: 16}, Alignment: center},
		{Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}, Border: border},
		{Font: &excelize.Font{Bold: true}, Alignment: center, Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}},
		{Alignment: center, Border: border},
		{Font: &excelize.Font{Bold: true}, Alignment: center, Border: border},
		{Alignment: center, Border: border},
		{NumFmt: formatCount, Alignment: center, Border: border},
		{CustomNumFmt: &currency, Alignment: center, Border: border},
		{NumFmt: formatPercent, Alignment: center, Border: border},
	}
	ids := make([]int, len(specs))
	for i, spec := range specs {
		id, err := f.NewStyle(spec)
		if err != nil {
			return exportStyles{}, err
		}
		ids[i] = id
	}
	return exportStyles{ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6], ids[7], ids[8]}, nil
}

// sheetWriter writes Sheet1 and keeps the first error, so the layout above reads as a list of cells.
type sheetWriter struct {
	f   *excelize.File
	err error
}

func (w *sheetWriter) set(cell string, value any, style int) {
	if w.err == nil {
		w.err = w.f.SetCellValue(exportSheet, cell, value)
	}
	w.style(cell, cell, style)
}

func (w *sheetWriter) style(from, to string, style int) {
	if w.err == nil {
		w.err = w.f.SetCellStyle(exportSheet, from, to, style)
	}
}

func (w *sheetWriter) merge(from, to, text string, style int) {
	if w.err == nil {
		w.err = w.f.MergeCell(exportSheet, from, to)
	}
	w.set(from, text, style)
	w.style(from, to, style)
}
