package report_test

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"net/http"
	"sort"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/report"
)

// cellFormat is how the test names a cell's number format.
type cellFormat string

const (
	asText     cellFormat = "text"
	asCount    cellFormat = "0"
	asCurrency cellFormat = "¥#,##0.00"
	asPercent  cellFormat = "0.00%"
)

type wantCell struct {
	value  any // string for text, float64 for numbers
	format cellFormat
}

func TestExportWorkbook(t *testing.T) {
	// 00:30 on 2 May in Shanghai is still 1 May in UTC: the period must be 2 April to 1 May (30 days ending
	// yesterday in the shop's zone), not 1 April to 30 April.
	base, tok := shopServer(t, "2024-05-02 00:30:00.000")

	req, _ := http.NewRequest(http.MethodGet, base+"/admin/report/export", nil)
	req.Header.Set("token", tok)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, body)
	}
	if ct := res.Header.Get("Content-Type"); ct != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
		t.Errorf("Content-Type %q", ct)
	}
	wantCD := `attachment; filename="operations-report.xlsx"; filename*=UTF-8''%E8%BF%90%E8%90%A5%E6%95%B0%E6%8D%AE%E7%BB%9F%E8%AE%A1%E6%8A%A5%E8%A1%A8.xlsx`
	if cd := res.Header.Get("Content-Disposition"); cd != wantCD {
		t.Errorf("Content-Disposition\n got %s\nwant %s", cd, wantCD)
	}

	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("not a workbook (%d bytes, starts %q): %v", len(body), body[:min(len(body), 40)], err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); len(sheets) != 1 || sheets[0] != "Sheet1" {
		t.Fatalf("sheets %v, want [Sheet1]", sheets)
	}

	want := map[string]wantCell{
		"B1": {"运营数据报表", asText},
		"B2": {"时间：2024-04-02至2024-05-01", asText},
		"B3": {"概览数据", asText},
		"B4": {"\t营业额", asText}, "D4": {"订单完成率", asText}, "F4": {"新增用户数", asText},
		"B5": {"\t有效订单", asText}, "D5": {"平均客单价", asText},
		"B6": {"明细数据", asText},
		"B7": {"日期", asText}, "C7": {"营业额", asText}, "D7": {"有效订单", asText},
		"E7": {"订单完成率", asText}, "F7": {"平均客单价", asText}, "G7": {"新增用户数", asText},
		// The period holds N (2 Apr, 10.00), L (15 Apr, cancelled), I (30 Apr, 88.00), A and B (1 May,
		// 100.00 + 20.55): 218.55 from 4 completed of 5; M (1 Apr) and today's orders are outside.
		// Customers: 30 Apr and 1 May.
		"C4": {218.55, asCurrency},
		"E4": {0.8, asPercent},
		"G4": {2.0, asCount},
		"C5": {4.0, asCount},
		"E5": {54.6375, asCurrency}, // 218.55 / 4
	}
	// Every detail row is zero except four days.
	type dayFigures struct{ turnover, valid, rate, unit, users float64 }
	special := map[string]dayFigures{
		"2024-04-02": {10, 1, 1, 10, 0},
		"2024-04-15": {0, 0, 0, 0, 0}, // one cancelled order: rate and unit price stay 0
		"2024-04-30": {88, 1, 1, 88, 1},
		"2024-05-01": {120.55, 2, 1, 60.275, 1},
	}
	dates := []string{
		"2024-04-02", "2024-04-03", "2024-04-04", "2024-04-05", "2024-04-06", "2024-04-07", "2024-04-08",
		"2024-04-09", "2024-04-10", "2024-04-11", "2024-04-12", "2024-04-13", "2024-04-14", "2024-04-15",
		"2024-04-16", "2024-04-17", "2024-04-18", "2024-04-19", "2024-04-20", "2024-04-21", "2024-04-22",
		"2024-04-23", "2024-04-24", "2024-04-25", "2024-04-26", "2024-04-27", "2024-04-28", "2024-04-29",
		"2024-04-30", "2024-05-01",
	}
	for i, date := range dates {
		row := 8 + i
		d := special[date]
		want[fmt.Sprintf("B%d", row)] = wantCell{date, asText}
		want[fmt.Sprintf("C%d", row)] = wantCell{d.turnover, asCurrency}
		want[fmt.Sprintf("D%d", row)] = wantCell{d.valid, asCount}
		want[fmt.Sprintf("E%d", row)] = wantCell{d.rate, asPercent}
		want[fmt.Sprintf("F%d", row)] = wantCell{d.unit, asCurrency}
		want[fmt.Sprintf("G%d", row)] = wantCell{d.users, asCount}
	}

	for cell, w := range want {
		got, err := f.GetCellValue("Sheet1", cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		switch v := w.value.(type) {
		case string:
			if got != v {
				t.Errorf("%s = %q, want %q", cell, got, v)
			}
			if typ, _ := f.GetCellType("Sheet1", cell); typ == excelize.CellTypeNumber {
				t.Errorf("%s is a number cell, want text", cell)
			}
		case float64:
			n, err := strconv.ParseFloat(got, 64)
			if err != nil || math.Abs(n-v) > 1e-9 {
				t.Errorf("%s = %q, want the number %v", cell, got, v)
			}
		}
		if got := numberFormat(t, f, cell); w.format != asText && got != w.format {
			t.Errorf("%s format %q, want %q", cell, got, w.format)
		}
	}

	// Nothing is written outside B1:G37.
	rows, err := f.GetRows("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 37 {
		t.Errorf("%d rows, want 37", len(rows))
	}
	for i, r := range rows {
		if len(r) > 7 || (len(r) > 0 && r[0] != "") {
			t.Errorf("row %d has cells outside B:G: %q", i+1, r)
		}
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if _, ok := want[cell]; v != "" && !ok {
				t.Errorf("unexpected value %q in %s", v, cell)
			}
		}
	}

	merges, err := f.GetMergeCells("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range merges {
		got = append(got, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	sort.Strings(got)
	if fmt.Sprint(got) != "[B1:G1 B2:G2 B3:G3 B6:G6]" {
		t.Errorf("merged cells %v, want [B1:G1 B2:G2 B3:G3 B6:G6]", got)
	}
}

// numberFormat reads a cell's number format: a built-in id 1 or 10, or a custom code.
func numberFormat(t *testing.T, f *excelize.File, cell string) cellFormat {
	t.Helper()
	id, err := f.GetCellStyle("Sheet1", cell)
	if err != nil {
		t.Fatal(err)
	}
	style, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case style.CustomNumFmt != nil:
		return cellFormat(*style.CustomNumFmt)
	case style.NumFmt == 1:
		return asCount
	case style.NumFmt == 10:
		return asPercent
	}
	return cellFormat(fmt.Sprintf("builtin %d", style.NumFmt))
}

func TestExportNeedsNoData(t *testing.T) {
	// A new shop exports a workbook of zeros, not an error.
	app := apptest.New(t, report.Register)
	setClock(t, app, "2025-01-01 12:00:00.000")
	b, err := report.ExportWorkbook(app)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for cell, want := range map[string]string{"B2": "时间：2024-12-02至2024-12-31", "B8": "2024-12-02", "B37": "2024-12-31",
		"C4": "0", "E4": "0", "E5": "0", "C37": "0"} {
		if got, _ := f.GetCellValue("Sheet1", cell, excelize.Options{RawCellValue: true}); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
}
