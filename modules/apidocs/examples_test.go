package apidocs_test

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/apidocs"
)

// TestExamplesAreRealAnswers sends every documented example request to a real demo server, in the document's
// order, and compares the answer with the documented one: the same keys and JSON kinds everywhere, and the
// same values except where they differ from run to run (ids, tokens, times, order numbers, picture URLs). An
// example array may show fewer elements than the real answer has.
func TestExamplesAreRealAnswers(t *testing.T) {
	app := demoApp(t)
	base := apptest.Serve(t, app)
	var employeeToken, customerToken, orderID, orderNumber string
	for _, ex := range apidocs.Examples() {
		path, body := ex.Path, ex.Body
		for shown, ref := range ex.Refs {
			real := resolve(t, app, ref, orderID, orderNumber)
			path, body = strings.ReplaceAll(path, shown, real), strings.ReplaceAll(body, shown, real)
		}
		var headers []string
		switch {
		case ex.IsEmployee():
			headers = []string{"token", employeeToken}
		case ex.IsCustomer():
			headers = []string{"authentication", customerToken}
		}
		var sent any
		if body != "" {
			sent = body
		}
		status, raw := apptest.Raw(t, ex.Method, base+path, sent, headers...)
		name := ex.Method + " " + ex.Path
		if status != 200 {
			t.Fatalf("%s: HTTP %d %s", name, status, raw)
		}
		var want, got any
		if err := json.Unmarshal([]byte(ex.Answer), &want); err != nil {
			t.Fatalf("%s: the documented answer is not JSON: %v", name, err)
		}
		if err := json.Unmarshal(raw, &got); err != nil {
			t.Fatalf("%s: the answer is not JSON: %s", name, raw)
		}
		if diffs := compareAnswer("", want, got); len(diffs) > 0 {
			t.Errorf("%s: the documented example is not what the server answers:\n  %s\nreal answer: %s",
				name, strings.Join(diffs, "\n  "), raw)
		}
		// Later examples use what these answered.
		data, _ := got.(map[string]any)["data"].(map[string]any)
		switch ex.Path {
		case "/admin/employee/login":
			employeeToken, _ = data["token"].(string)
		case "/user/user/login":
			customerToken, _ = data["token"].(string)
		case "/user/order/submit":
			orderID, orderNumber = fmt.Sprint(jsonNumber(data["id"])), fmt.Sprint(data["orderNumber"])
		}
	}
	if employeeToken == "" || customerToken == "" || orderID == "" {
		t.Fatal("the examples must sign in an employee and a customer and submit an order")
	}
}

func jsonNumber(v any) string {
	f, _ := v.(float64)
	return fmt.Sprintf("%.0f", f)
}

// resolve finds the real id an example names: "<collection>:<name>" (a record of the demo menu), "address" (the
// newest address), "order" and "orderNumber" (of the order the submit example placed).
func resolve(t *testing.T, app core.App, ref, orderID, orderNumber string) string {
	switch ref {
	case "order":
		return orderID
	case "orderNumber":
		return orderNumber
	case "address":
		r, err := app.FindFirstRecordByFilter("address_book", "id != ''")
		if err != nil {
			t.Fatalf("no address for the examples: %v", err)
		}
		return r.Id
	}
	collection, name, _ := strings.Cut(ref, ":")
	r, err := app.FindFirstRecordByData(collection, "name", name)
	if err != nil {
		t.Fatalf("example ref %q: %v", ref, err)
	}
	return r.Id
}

// volatile are the keys whose values change from run to run.
var volatile = map[string]bool{"token": true, "openid": true, "number": true, "orderNumber": true, "image": true,
	"createUser": true, "updateUser": true, "nonceStr": true, "paySign": true, "timeStamp": true, "packageStr": true}

func isVolatile(key string) bool {
	return volatile[key] || key == "id" || strings.HasSuffix(key, "Id") || strings.HasSuffix(key, "Time")
}

// compareAnswer lists where got differs from the documented want.
func compareAnswer(at string, want, got any) []string {
	if kindOf(want) != kindOf(got) {
		return []string{fmt.Sprintf("%s: documented %s %v, real %s %v", at, kindOf(want), want, kindOf(got), got)}
	}
	var diffs []string
	switch w := want.(type) {
	case map[string]any:
		g := got.(map[string]any)
		if wk, gk := keys(w), keys(g); strings.Join(wk, ",") != strings.Join(gk, ",") {
			return []string{fmt.Sprintf("%s: documented keys %v, real keys %v", at, wk, gk)}
		}
		for _, k := range keys(w) {
			diffs = append(diffs, compareValue(at+"."+k, k, w[k], g[k])...)
		}
	case []any:
		g := got.([]any)
		if len(w) > len(g) {
			return []string{fmt.Sprintf("%s: documented %d elements, real %d", at, len(w), len(g))}
		}
		for i := range w {
			diffs = append(diffs, compareAnswer(fmt.Sprintf("%s[%d]", at, i), w[i], g[i])...)
		}
	}
	return diffs
}

func compareValue(at, key string, want, got any) []string {
	switch want.(type) {
	case map[string]any, []any:
		return compareAnswer(at, want, got)
	}
	if kindOf(want) != kindOf(got) {
		return []string{fmt.Sprintf("%s: documented %s %v, real %s %v", at, kindOf(want), want, kindOf(got), got)}
	}
	if !isVolatile(key) && fmt.Sprint(want) != fmt.Sprint(got) {
		return []string{fmt.Sprintf("%s: documented %v, real %v", at, want, got)}
	}
	return nil
}

func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "boolean"
	}
	return fmt.Sprintf("%T", v)
}

func keys(m map[string]any) []string {
	var k []string
	for key := range m {
		k = append(k, key)
	}
	sort.Strings(k)
	return k
}
