package customer_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/customer"
)

// book is a served app with two signed-in customers, A and B.
type book struct {
	app        core.App
	base       string
	userA      *core.Record
	tokA, tokB string
}

func newBook(t *testing.T) book {
	t.Helper()
	app, base := start(t, demo)
	a, tokA := apptest.Customer(t, app, "openid-a")
	_, tokB := apptest.Customer(t, app, "openid-b")
	return book{app: app, base: base, userA: a, tokA: tokA, tokB: tokB}
}

func (b book) call(t *testing.T, tok, method, path string, body any) apptest.Reply {
	t.Helper()
	return apptest.Call(t, method, b.base+path, body, "authentication", tok)
}

// add stores an address through the API and returns its id.
func (b book) add(t *testing.T, tok string, fields map[string]any) compat.ID {
	t.Helper()
	var before []customer.Address
	decode(t, b.call(t, tok, "GET", "/user/addressBook/list", nil), &before)
	wantOK(t, "add address", b.call(t, tok, "POST", "/user/addressBook", fields))
	var after []customer.Address
	decode(t, b.call(t, tok, "GET", "/user/addressBook/list", nil), &after)
	if len(after) != len(before)+1 {
		t.Fatalf("list has %d addresses after adding to %d", len(after), len(before))
	}
	return after[len(after)-1].ID
}

func (b book) get(t *testing.T, tok string, id compat.ID) customer.Address {
	t.Helper()
	var a customer.Address
	decode(t, b.call(t, tok, "GET", "/user/addressBook/"+id.String(), nil), &a)
	return a
}

func (b book) defaults(t *testing.T) int64 {
	t.Helper()
	n, err := b.app.CountRecords("address_book", dbx.HashExp{"is_default": true})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// home is what the mini-program posts: label as a number, sex "0" for 先生, and its extras.
func home() map[string]any {
	return map[string]any{
		"consignee": "张三", "phone": "13800000001", "sex": "0",
		"provinceCode": "11", "provinceName": "北京市", "cityCode": "1101", "cityName": "市辖区",
		"districtCode": "110108", "districtName": "海淀区", "detail": "上地十街10号", "label": 2,
		"name": "ignored", "type": "ignored", "isDefault": 1,
	}
}

func TestAddressBookRoundTrip(t *testing.T) {
	b := newBook(t)
	id := b.add(t, b.tokA, home())

	// The JSON of the contract, field for field.
	r := b.call(t, b.tokA, "GET", "/user/addressBook/"+id.String(), nil)
	var shape map[string]any
	decode(t, r, &shape)
	want := map[string]any{
		"id": float64(id), "userId": float64(compat.ParseID(b.userA.Id)), "consignee": "张三", "phone": "13800000001",
		"sex": "0", "provinceCode": "11", "provinceName": "北京市", "cityCode": "1101", "cityName": "市辖区",
		"districtCode": "110108", "districtName": "海淀区", "detail": "上地十街10号", "label": "2", "isDefault": float64(0),
	}
	if len(shape) != len(want) {
		t.Fatalf("address keys: %v", shape)
	}
	for k, v := range want {
		if shape[k] != v {
			t.Errorf("%s = %v, want %v", k, shape[k], v)
		}
	}

	wantFail(t, "default before any is set", b.call(t, b.tokA, "GET", "/user/addressBook/default", nil), compat.MsgNoDefaultAddress)

	// Every field is saved on update, province, city and district too; the label may be a string.
	edit := map[string]any{
		"id": id, "consignee": "李四", "phone": "13900000002", "sex": "1",
		"provinceCode": "31", "provinceName": "上海市", "cityCode": "3101", "cityName": "上海市",
		"districtCode": "310115", "districtName": "浦东新区", "detail": "世纪大道1号", "label": "1",
	}
	wantOK(t, "update", b.call(t, b.tokA, "PUT", "/user/addressBook", edit))
	got := b.get(t, b.tokA, id)
	if got.Consignee != "李四" || got.Phone != "13900000002" || got.Sex != "1" || got.ProvinceName != "上海市" ||
		got.ProvinceCode != "31" || got.CityCode != "3101" || got.CityName != "上海市" || got.DistrictCode != "310115" ||
		got.DistrictName != "浦东新区" || got.Detail != "世纪大道1号" || got.Label != "1" || got.IsDefault != 0 {
		t.Fatalf("after update: %+v", got)
	}
	// Fields left out of an update stay as they are.
	wantOK(t, "partial update", b.call(t, b.tokA, "PUT", "/user/addressBook", map[string]any{"id": id, "detail": "世纪大道2号"}))
	if got := b.get(t, b.tokA, id); got.Detail != "世纪大道2号" || got.Consignee != "李四" {
		t.Fatalf("after partial update: %+v", got)
	}

	// The default: set, read, switched to another address.
	wantOK(t, "set default", b.call(t, b.tokA, "PUT", "/user/addressBook/default", map[string]any{"id": id}))
	var def customer.Address
	decode(t, b.call(t, b.tokA, "GET", "/user/addressBook/default", nil), &def)
	if def.ID != id || def.IsDefault != 1 {
		t.Fatalf("default: %+v", def)
	}
	wantOK(t, "set the default again", b.call(t, b.tokA, "PUT", "/user/addressBook/default", map[string]any{"id": id.String()}))
	second := b.add(t, b.tokA, home())
	if b.get(t, b.tokA, second).IsDefault != 0 {
		t.Fatal("a new address started as the default")
	}
	wantOK(t, "switch default", b.call(t, b.tokA, "PUT", "/user/addressBook/default", map[string]any{"id": second}))
	if b.get(t, b.tokA, id).IsDefault != 0 || b.get(t, b.tokA, second).IsDefault != 1 || b.defaults(t) != 1 {
		t.Fatal("switching the default left the old one on")
	}

	// The three ways the clients delete.
	third := b.add(t, b.tokA, home())
	wantOK(t, "delete with a trailing slash", b.call(t, b.tokA, "DELETE", "/user/addressBook/?id="+id.String(), map[string]any{"id": id}))
	wantOK(t, "delete without the slash", b.call(t, b.tokA, "DELETE", "/user/addressBook?id="+second.String(), nil))
	wantOK(t, "delete with the id in the body only", b.call(t, b.tokA, "DELETE", "/user/addressBook/", map[string]any{"id": third}))
	var left []customer.Address
	decode(t, b.call(t, b.tokA, "GET", "/user/addressBook/list", nil), &left)
	if len(left) != 0 {
		t.Fatalf("addresses left: %+v", left)
	}
	wantFail(t, "default after deleting it", b.call(t, b.tokA, "GET", "/user/addressBook/default", nil), compat.MsgNoDefaultAddress)
	wantFail(t, "get a deleted address", b.call(t, b.tokA, "GET", "/user/addressBook/"+id.String(), nil), compat.MsgAddressNotFound)
}

func TestUpdateCanSetAndClearTheDefault(t *testing.T) {
	b := newBook(t)
	first, second := b.add(t, b.tokA, home()), b.add(t, b.tokA, home())
	wantOK(t, "set default", b.call(t, b.tokA, "PUT", "/user/addressBook/default", map[string]any{"id": first}))

	wantOK(t, "update with isDefault 1", b.call(t, b.tokA, "PUT", "/user/addressBook", map[string]any{"id": second, "isDefault": "1"}))
	if b.get(t, b.tokA, first).IsDefault != 0 || b.get(t, b.tokA, second).IsDefault != 1 || b.defaults(t) != 1 {
		t.Fatal("isDefault 1 on update did not move the default")
	}
	wantOK(t, "update with isDefault 0", b.call(t, b.tokA, "PUT", "/user/addressBook", map[string]any{"id": second, "isDefault": 0}))
	if b.defaults(t) != 0 {
		t.Fatal("isDefault 0 on update left a default")
	}
}

func TestCustomersNeverSeeOrTouchEachOthersAddresses(t *testing.T) {
	b := newBook(t)
	theirs := b.add(t, b.tokB, home())
	wantOK(t, "B sets a default", b.call(t, b.tokB, "PUT", "/user/addressBook/default", map[string]any{"id": theirs}))
	mine := b.add(t, b.tokA, home())
	missing := compat.ID(999999999999999)

	var list []customer.Address
	decode(t, b.call(t, b.tokA, "GET", "/user/addressBook/list", nil), &list)
	if len(list) != 1 || list[0].ID != mine {
		t.Fatalf("A's list: %+v", list)
	}
	wantFail(t, "A's default is not B's", b.call(t, b.tokA, "GET", "/user/addressBook/default", nil), compat.MsgNoDefaultAddress)

	// Someone else's address answers exactly as a missing one.
	for _, c := range []struct {
		name, method string
		path         func(id compat.ID) string
		body         func(id compat.ID) any
	}{
		{"get", "GET", func(id compat.ID) string { return "/user/addressBook/" + id.String() }, func(compat.ID) any { return nil }},
		{"update", "PUT", func(compat.ID) string { return "/user/addressBook" },
			func(id compat.ID) any { return map[string]any{"id": id, "detail": "hijacked", "phone": "110"} }},
		{"update to default", "PUT", func(compat.ID) string { return "/user/addressBook" },
			func(id compat.ID) any { return map[string]any{"id": id, "isDefault": 1} }},
		{"set default", "PUT", func(compat.ID) string { return "/user/addressBook/default" },
			func(id compat.ID) any { return map[string]any{"id": id} }},
		{"delete", "DELETE", func(id compat.ID) string { return "/user/addressBook?id=" + id.String() }, func(compat.ID) any { return nil }},
		{"delete with a slash", "DELETE", func(id compat.ID) string { return "/user/addressBook/?id=" + id.String() }, func(compat.ID) any { return nil }},
		{"delete by body", "DELETE", func(compat.ID) string { return "/user/addressBook/" }, func(id compat.ID) any { return map[string]any{"id": id} }},
	} {
		other := b.call(t, b.tokA, c.method, c.path(theirs), c.body(theirs))
		absent := b.call(t, b.tokA, c.method, c.path(missing), c.body(missing))
		wantFail(t, c.name+" of B's address", other, compat.MsgAddressNotFound)
		if other.Message() != absent.Message() || string(other.Data) != string(absent.Data) {
			t.Errorf("%s: B's address answers %q, a missing one %q", c.name, other.Message(), absent.Message())
		}
	}

	got := b.get(t, b.tokB, theirs)
	if got.Detail != "上地十街10号" || got.Phone != "13800000001" || got.IsDefault != 1 {
		t.Fatalf("B's address changed: %+v", got)
	}
	if b.get(t, b.tokA, mine).IsDefault != 0 {
		t.Fatal("A's address became a default")
	}
}

// FindOwnAddress is what the order module checks an address with, inside its submit transaction.
func TestFindOwnAddress(t *testing.T) {
	b := newBook(t)
	mine := b.add(t, b.tokA, home())
	theirs := b.add(t, b.tokB, home())
	a := compat.ParseID(b.userA.Id)
	err := b.app.RunInTransaction(func(tx core.App) error {
		r, err := customer.FindOwnAddress(tx, a, mine)
		if err != nil || compat.ParseID(r.Id) != mine {
			t.Errorf("own address: %v", err)
		}
		for _, id := range []compat.ID{theirs, 0, 123} {
			if _, err := customer.FindOwnAddress(tx, a, id); !errors.Is(err, customer.ErrAddressNotFound) {
				t.Errorf("address %d: %v, want ErrAddressNotFound", id, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := customer.FindOwnAddress(b.app, 0, mine); !errors.Is(err, customer.ErrAddressNotFound) {
		t.Fatalf("no customer: %v", err)
	}
}

func TestConcurrentDefaultSwitchesLeaveOneDefault(t *testing.T) {
	b := newBook(t)
	var ids []compat.ID
	for range 6 {
		ids = append(ids, b.add(t, b.tokA, home()))
	}
	ready := make(chan struct{})
	replies := make([]apptest.Reply, 0, 3*len(ids))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for round := range 3 {
		for i, id := range ids {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-ready
				var r apptest.Reply
				if (round+i)%2 == 0 {
					r = b.call(t, b.tokA, "PUT", "/user/addressBook/default", map[string]any{"id": id})
				} else {
					r = b.call(t, b.tokA, "PUT", "/user/addressBook", map[string]any{"id": id, "isDefault": 1})
				}
				mu.Lock()
				replies = append(replies, r)
				mu.Unlock()
			}()
		}
	}
	close(ready)
	wg.Wait()
	for _, r := range replies {
		wantOK(t, "concurrent default", r)
	}
	if n := b.defaults(t); n != 1 {
		t.Fatalf("defaults after concurrent switches = %d, want 1", n)
	}
	var def customer.Address
	decode(t, b.call(t, b.tokA, "GET", "/user/addressBook/default", nil), &def)
}

func TestAddressBookRefusesBadInput(t *testing.T) {
	b := newBook(t)
	id := b.add(t, b.tokA, home())
	withField := func(k string, v any) map[string]any {
		m := home()
		m[k] = v
		return m
	}
	huge := `{"consignee":"` + strings.Repeat("长", 1<<20) + `","phone":"1"}`
	for _, c := range []struct {
		name, method, path string
		body               any
		msg                string
	}{
		{"add: malformed JSON", "POST", "/user/addressBook", `{"phone":`, compat.MsgBadRequest},
		{"add: an array", "POST", "/user/addressBook", `[1,2]`, compat.MsgBadRequest},
		{"add: no phone", "POST", "/user/addressBook", withField("phone", nil), compat.MsgAddressPhoneRequired},
		{"add: blank phone", "POST", "/user/addressBook", withField("phone", "  "), compat.MsgAddressPhoneRequired},
		{"add: empty body", "POST", "/user/addressBook", ``, compat.MsgAddressPhoneRequired},
		{"add: long phone", "POST", "/user/addressBook", withField("phone", "138000000001"), "手机号不能超过11个字符"},
		{"add: long detail", "POST", "/user/addressBook", withField("detail", strings.Repeat("路", 201)), "详细地址不能超过200个字符"},
		{"add: long sex", "POST", "/user/addressBook", withField("sex", "先生女士"), "性别不能超过2个字符"},
		{"add: long label", "POST", "/user/addressBook", withField("label", strings.Repeat("x", 101)), "标签不能超过100个字符"},
		{"add: an object label", "POST", "/user/addressBook", withField("label", map[string]any{"a": 1}), compat.MsgBadRequest},
		{"add: an array consignee", "POST", "/user/addressBook", withField("consignee", []string{"a"}), compat.MsgBadRequest},
		{"add: a huge body", "POST", "/user/addressBook", huge, "请求数据过大"},
		{"update: no id", "PUT", "/user/addressBook", map[string]any{"phone": "1"}, compat.MsgAddressIDRequired},
		{"update: a word for the id", "PUT", "/user/addressBook", map[string]any{"id": "abc"}, compat.MsgBadRequest},
		{"update: a negative id", "PUT", "/user/addressBook", map[string]any{"id": -1}, compat.MsgBadRequest},
		{"update: a fractional id", "PUT", "/user/addressBook", map[string]any{"id": 1.5}, compat.MsgBadRequest},
		{"update: a word for isDefault", "PUT", "/user/addressBook", map[string]any{"id": id, "isDefault": "yes"}, compat.MsgBadRequest},
		{"update: blank phone", "PUT", "/user/addressBook", map[string]any{"id": id, "phone": ""}, compat.MsgAddressPhoneRequired},
		{"update: malformed JSON", "PUT", "/user/addressBook", `{"id":1`, compat.MsgBadRequest},
		{"get: a word for the id", "GET", "/user/addressBook/abc", nil, "参数 id 不正确"},
		{"get: a negative id", "GET", "/user/addressBook/-5", nil, "参数 id 不正确"},
		{"get: a huge id", "GET", "/user/addressBook/99999999999999999999999", nil, "参数 id 不正确"},
		{"get: a missing id", "GET", "/user/addressBook/123456789012345", nil, compat.MsgAddressNotFound},
		{"default: no id", "PUT", "/user/addressBook/default", `{}`, compat.MsgAddressIDRequired},
		{"default: empty body", "PUT", "/user/addressBook/default", ``, compat.MsgAddressIDRequired},
		{"default: a word for the id", "PUT", "/user/addressBook/default", map[string]any{"id": "x"}, compat.MsgBadRequest},
		{"delete: no id", "DELETE", "/user/addressBook", nil, compat.MsgAddressIDRequired},
		{"delete: no id, with a slash", "DELETE", "/user/addressBook/", nil, compat.MsgAddressIDRequired},
		{"delete: a word for the id", "DELETE", "/user/addressBook/?id=abc", nil, "参数 id 不正确"},
		{"delete: a negative id", "DELETE", "/user/addressBook?id=-3", nil, "参数 id 不正确"},
		{"delete: a malformed body", "DELETE", "/user/addressBook/", `{"id":`, compat.MsgBadRequest},
	} {
		wantFail(t, c.name, b.call(t, b.tokA, c.method, c.path, c.body), c.msg)
	}
	// Nothing of the above changed the address.
	if got := b.get(t, b.tokA, id); got.Phone != "13800000001" || got.IsDefault != 0 {
		t.Fatalf("address changed by bad input: %+v", got)
	}
}

func TestAddressBookNeedsACustomerToken(t *testing.T) {
	app, base := start(t, demo)
	_, admin := apptest.Employee(t, app, "alice", 1)
	routes := []struct{ method, path, body string }{
		{"GET", "/user/addressBook/list", ""},
		{"POST", "/user/addressBook", `{"phone":"1"}`},
		{"PUT", "/user/addressBook", `{"id":1}`},
		{"GET", "/user/addressBook/default", ""},
		{"PUT", "/user/addressBook/default", `{"id":1}`},
		{"GET", "/user/addressBook/123456789012345", ""},
		{"DELETE", "/user/addressBook?id=1", ""},
		{"DELETE", "/user/addressBook/?id=1", ""},
	}
	for _, r := range routes {
		for _, h := range [][]string{
			nil,
			{"authentication", "not-a-token"},
			{"authentication", admin},
			{"token", admin},
			{"Authorization", "Bearer " + admin},
		} {
			status, body := raw(t, r.method, base+r.path, r.body, h...)
			if status != http.StatusUnauthorized || body != "" {
				t.Errorf("%s %s with %v: HTTP %d %q, want 401 and an empty body", r.method, r.path, h, status, body)
			}
		}
	}
	if n, _ := app.CountRecords("address_book"); n != 0 {
		t.Fatalf("addresses = %d", n)
	}
	// The login route itself needs no token.
	if status, body := raw(t, "POST", base+"/user/user/login", `{"code":"x"}`); status != 200 || !json.Valid([]byte(body)) {
		t.Fatalf("login: HTTP %d %s", status, body)
	}
}
