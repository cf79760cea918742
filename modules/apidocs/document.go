package apidocs

import (
	"encoding/json"
	"reflect"
	"regexp"
	"sort"
	"strings"
)

// routes is every documented route: the admin web app's, the mini-program's and WeChat Pay's.
func routes() []route {
	return cat3(adminRoutes, userRoutes, notifyRoutes)
}

func cat3(lists ...[]route) []route {
	var all []route
	for _, l := range lists {
		all = append(all, l...)
	}
	return all
}

// Document is the OpenAPI 3.1 document of the compat API, as JSON.
func Document() ([]byte, error) {
	return json.MarshalIndent(build(routes()), "", "  ")
}

var pathParam = regexp.MustCompile(`\{([a-zA-Z]+)\}`)

func build(routes []route) object {
	s := newSchemas()
	// Answers first, so a type also read from requests gets a separate reading schema (see component).
	datas := make([]object, len(routes))
	for i, r := range routes {
		if r.Raw == nil {
			datas[i] = dataSchema(s, r.Data)
		}
	}
	paths := object{}
	for i, r := range routes {
		item, _ := paths[r.Path].(object)
		if item == nil {
			item = object{}
			paths[r.Path] = item
		}
		item[strings.ToLower(r.Method)] = operation(s, r, datas[i])
	}
	s.components["Envelope"] = object{"type": "object", "required": []string{"code", "msg", "data"},
		"description": "Every answer of /admin and /user (HTTP 200): code 1 success, code 0 a refusal whose msg says why in Chinese. All three keys are always present.",
		"properties": object{
			"code": object{"type": "integer", "enum": []int{0, 1}},
			"msg":  object{"type": []string{"string", "null"}},
			"data": object{},
		}}
	return object{
		"openapi": "3.1.0",
		"info": object{
			"title":   "MyRestaurant compat API",
			"version": "1",
			"description": "The sky-take-out REST contract as MyRestaurant serves it: `/admin/**` for the admin web app and the console " +
				"(header `token`), `/user/**` for the mini-program and other customer clients (header `authentication`), " +
				"`/notify/**` for WeChat Pay. Every answer is the envelope `{code, msg, data}` with HTTP 200: code 1 success, code 0 " +
				"a refusal with a Chinese message (each operation lists its messages; `%d`/`%s` are filled in). A missing, bad or " +
				"expired token, or a locked employee, is HTTP 401 with an empty body. Money is yuan (`56.00`; requests may send a " +
				"numeric string), ids are 15-digit numbers (requests may send strings), times are `yyyy-MM-dd HH:mm` in the shop's " +
				"time zone. Unknown request fields are ignored. PocketBase's own API (`/api/**`) is documented at pocketbase.io.",
		},
		"tags":  tags(routes),
		"paths": paths,
		"components": object{
			"schemas": s.components,
			"securitySchemes": object{
				"employeeToken": object{"type": "apiKey", "in": "header", "name": "token",
					"description": "the token of POST /admin/employee/login (an `Authorization: Bearer` header also works)"},
				"customerToken": object{"type": "apiKey", "in": "header", "name": "authentication",
					"description": "the token of POST /user/user/login (an `Authorization: Bearer` header also works)"},
			},
		},
	}
}

func tags(routes []route) []object {
	seen := map[string]bool{}
	var names []string
	for _, r := range routes {
		if !seen[r.Tag] {
			seen[r.Tag] = true
			names = append(names, r.Tag)
		}
	}
	out := make([]object, len(names))
	for i, n := range names {
		out[i] = object{"name": n}
	}
	return out
}

// dataSchema is the schema of `data`: null when the route answers none.
func dataSchema(s *schemas, data any) object {
	if data == nil {
		return object{"type": "null"}
	}
	return s.of(reflect.TypeOf(data), false)
}

func operation(s *schemas, r route, data object) object {
	op := object{
		"tags":        []string{r.Tag},
		"summary":     r.Summary,
		"operationId": operationID(r),
	}
	desc := []string{}
	if r.Description != "" {
		desc = append(desc, r.Description)
	}
	switch r.Access {
	case employee:
		op["security"] = []object{{"employeeToken": []string{}}}
		desc = append(desc, "Any enabled employee (manager or staff) who has replaced the initial password.")
	case employeeSession:
		op["security"] = []object{{"employeeToken": []string{}}}
		desc = append(desc, "Any enabled employee, also one still on the initial password.")
	case manager:
		op["security"] = []object{{"employeeToken": []string{}}}
		desc = append(desc, "Managers only.")
	case signedCustomer:
		op["security"] = []object{{"customerToken": []string{}}}
	default:
		op["security"] = []object{}
	}
	if len(r.Messages) > 0 {
		desc = append(desc, "Code 0 messages: "+messageList(r.Messages)+".")
		op["x-messages"] = r.Messages
	}
	op["description"] = strings.Join(desc, "\n\n")

	var params []object
	for _, m := range pathParam.FindAllStringSubmatch(r.Path, -1) {
		p := object{"name": m[1], "in": "path", "required": true, "schema": object{"type": "integer"}}
		if m[1] == "status" {
			p["schema"] = object{"type": "integer", "enum": []int{0, 1}}
		}
		params = append(params, p)
	}
	for _, q := range r.Query {
		params = append(params, object{"name": q.Name, "in": "query", "required": q.Required, "description": q.Description,
			"schema": object{"type": q.Type}})
	}
	if r.Access == wechatPay {
		for _, h := range []string{"Wechatpay-Signature", "Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Serial"} {
			params = append(params, object{"name": h, "in": "header", "required": true, "schema": object{"type": "string"}})
		}
	}
	if params != nil {
		op["parameters"] = params
	}

	switch b := r.Body.(type) {
	case nil:
	case multipart:
		op["requestBody"] = object{"required": true, "content": object{"multipart/form-data": object{"schema": object{
			"type": "object", "required": []string{b.Field},
			"properties": object{b.Field: object{"type": "string", "contentMediaType": "application/octet-stream", "description": b.Description}}}}}}
	default:
		media := object{"schema": s.of(reflect.TypeOf(b), true)}
		if r.Example != nil && r.Example.Body != "" {
			media["example"] = json.RawMessage(r.Example.Body)
		}
		op["requestBody"] = object{"required": true, "content": object{"application/json": media}}
	}

	responses := object{}
	if r.Raw != nil {
		responses["200"] = object{"description": r.Raw.Description, "content": object{r.Raw.ContentType: object{"schema": r.Raw.Schema}}}
	} else {
		media := object{"schema": object{"allOf": []object{
			{"$ref": "#/components/schemas/Envelope"},
			{"properties": object{"data": data}},
		}}}
		if r.Example != nil {
			media["example"] = json.RawMessage(r.Example.Answer)
		}
		responses["200"] = object{"description": "the envelope; `data` on code 1 as below, null on code 0", "content": object{"application/json": media}}
	}
	if r.Access != public && r.Access != wechatPay {
		responses["401"] = object{"description": "no token, a bad or expired one, or a locked employee (empty body)"}
	}
	op["responses"] = responses
	if r.Example != nil {
		op["x-example-request"] = r.Example.Path
	}
	return op
}

func messageList(msgs []string) string {
	seen := map[string]bool{}
	var out []string
	for _, m := range msgs {
		if !seen[m] {
			seen[m] = true
			out = append(out, "`"+m+"`")
		}
	}
	return strings.Join(out, ", ")
}

// operationID is e.g. put_admin_order_delivery_id.
func operationID(r route) string {
	p := strings.NewReplacer("{", "", "}", "", "/", "_").Replace(strings.Trim(r.Path, "/"))
	if strings.HasSuffix(r.Path, "/") {
		p += "_slash"
	}
	return strings.ToLower(r.Method) + "_" + p
}

// routeKeys lists "METHOD /path" of every documented route, sorted.
func routeKeys() []string {
	var keys []string
	for _, r := range routes() {
		keys = append(keys, r.Method+" "+r.Path)
	}
	sort.Strings(keys)
	return keys
}

// exampleCall is a documented example with what the examples test needs to send it.
type exampleCall struct {
	Method string
	Access access
	example
}

// IsEmployee and IsCustomer tell which token the example's request carries.
func (c exampleCall) IsEmployee() bool {
	return c.Access == employee || c.Access == employeeSession || c.Access == manager
}
func (c exampleCall) IsCustomer() bool { return c.Access == signedCustomer }

// examples lists the documented examples in the order they run in: the customer's (in the document's order:
// sign-in, menu, cart, address, order, payment), then the staff's, who find that order.
func examples() []exampleCall {
	var customer, staff []exampleCall
	for _, r := range routes() {
		if r.Example == nil {
			continue
		}
		c := exampleCall{Method: r.Method, Access: r.Access, example: *r.Example}
		if strings.HasPrefix(r.Path, "/admin/") {
			staff = append(staff, c)
		} else {
			customer = append(customer, c)
		}
	}
	return append(customer, staff...)
}
