package customer_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/pocketbase/dbx"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/config"
	"myrestaurant/modules/customer"
)

const loginFailedLog = "customer login failed"

func login(t *testing.T, base string, body any) apptest.Reply {
	t.Helper()
	return apptest.Call(t, http.MethodPost, base+"/user/user/login", body)
}

func TestDemoLoginRegistersACustomerOnceAndSignsThemIn(t *testing.T) {
	app, base := start(t, demo)

	var first customer.LoginResult
	decode(t, login(t, base, map[string]string{"code": "abc"}), &first)
	if first.ID == 0 || first.OpenID != "mock-abc" || first.Token == "" {
		t.Fatalf("login: %+v", first)
	}
	// The token is a customer's: it opens the customer routes.
	wantOK(t, "address list with the login token", apptest.Call(t, "GET", base+"/user/addressBook/list", nil, "authentication", first.Token))

	var again customer.LoginResult
	decode(t, login(t, base, map[string]string{"code": "abc"}), &again)
	if again.ID != first.ID {
		t.Fatalf("second login is customer %d, first was %d", again.ID, first.ID)
	}
	if n, _ := app.CountRecords("users", dbx.HashExp{"openid": "mock-abc"}); n != 1 {
		t.Fatalf("customers with openid mock-abc = %d, want 1", n)
	}

	// The mini-program's code is a string, but a number is read as its text.
	var numeric customer.LoginResult
	decode(t, login(t, base, `{"code":123}`), &numeric)
	if numeric.OpenID != "mock-123" || numeric.ID == first.ID {
		t.Fatalf("numeric code: %+v", numeric)
	}
}

func TestLoginRefusesBadInput(t *testing.T) {
	for _, c := range []struct {
		name string
		body string
		msg  string
	}{
		{"no code", `{}`, compat.MsgLoginFailed},
		{"empty body", ``, compat.MsgLoginFailed},
		{"empty code", `{"code":""}`, compat.MsgLoginFailed},
		{"null code", `{"code":null}`, compat.MsgLoginFailed},
		{"a code making an openid longer than the column", `{"code":"` + strings.Repeat("x", 70) + `"}`, compat.MsgLoginFailed},
		{"a code longer than any WeChat code", `{"code":"` + strings.Repeat("x", 500) + `"}`, compat.MsgLoginFailed},
		{"malformed JSON", `{"code":`, compat.MsgBadRequest},
		{"an object for the code", `{"code":{"a":1}}`, compat.MsgBadRequest},
		{"a JSON array", `["abc"]`, compat.MsgBadRequest},
		{"a huge body", `{"code":"` + strings.Repeat("x", 2<<20) + `"}`, "请求数据过大"},
	} {
		t.Run(c.name, func(t *testing.T) {
			app, base := start(t, demo)
			wantFail(t, c.name, login(t, base, c.body), c.msg)
			if n, _ := app.CountRecords("users"); n != 0 {
				t.Fatalf("a failed login registered %d customers", n)
			}
		})
	}
}

func TestLoginWithoutWeChatSettingsFailsAndSaysWhy(t *testing.T) {
	for _, c := range []struct {
		name        string
		cfg         *config.Config
		logged      []string
		neverLogged string
	}{
		{"no app id and no secret", &config.Config{},
			[]string{"MYRESTAURANT_WECHAT_APPID", "MYRESTAURANT_WECHAT_SECRET"}, ""},
		{"no secret", &config.Config{WeChat: config.WeChat{AppID: "wx1"}},
			[]string{"MYRESTAURANT_WECHAT_SECRET"}, "MYRESTAURANT_WECHAT_APPID"},
	} {
		t.Run(c.name, func(t *testing.T) {
			app, base := start(t, c.cfg)
			wantFail(t, "login", login(t, base, map[string]string{"code": "abc"}), compat.MsgLoginFailed)
			reasons := logReasons(t, app, loginFailedLog)
			if len(reasons) != 1 {
				t.Fatalf("log reasons = %q, want one", reasons)
			}
			for _, s := range c.logged {
				if !strings.Contains(reasons[0], s) {
					t.Errorf("log %q does not name %s", reasons[0], s)
				}
			}
			if c.neverLogged != "" && strings.Contains(reasons[0], c.neverLogged) {
				t.Errorf("log %q names %s, which is set", reasons[0], c.neverLogged)
			}
			// Without --demo the mock never signs anyone in.
			if n, _ := app.CountRecords("users"); n != 0 {
				t.Fatalf("customers = %d", n)
			}
		})
	}
}

// fakeWeChat answers code2session: "good-X" signs in as "o-X", "bad" gets an errcode, anything else garbage.
func fakeWeChat(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if r.URL.Path != "/sns/jscode2session" || q.Get("appid") != "wx-app" || q.Get("secret") != "wx-secret" {
			http.Error(w, "unexpected", http.StatusBadRequest)
			return
		}
		switch code := q.Get("js_code"); {
		case strings.HasPrefix(code, "good-"):
			w.Write([]byte(`{"openid":"o-` + strings.TrimPrefix(code, "good-") + `","session_key":"sk"}`))
		case code == "bad":
			w.Write([]byte(`{"errcode":40163,"errmsg":"code been used"}`))
		default:
			w.Write([]byte(`not json`))
		}
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestLoginThroughWeChat(t *testing.T) {
	cfg := &config.Config{WeChat: config.WeChat{AppID: "wx-app", Secret: "wx-secret", APIBase: fakeWeChat(t)}}
	app, base := start(t, cfg)

	var ok customer.LoginResult
	decode(t, login(t, base, map[string]string{"code": "good-42"}), &ok)
	if ok.OpenID != "o-42" || ok.Token == "" {
		t.Fatalf("login: %+v", ok)
	}
	// A mock-style code is just a code WeChat does not know.
	wantFail(t, "errcode answer", login(t, base, map[string]string{"code": "bad"}), compat.MsgLoginFailed)
	wantFail(t, "garbage answer", login(t, base, map[string]string{"code": "abc"}), compat.MsgLoginFailed)

	reasons := logReasons(t, app, loginFailedLog)
	if len(reasons) != 2 || !strings.Contains(reasons[0]+reasons[1], "errcode 40163: code been used") ||
		!strings.Contains(reasons[0]+reasons[1], "not JSON") {
		t.Fatalf("log reasons = %q", reasons)
	}
	for _, r := range reasons {
		if strings.Contains(r, "wx-secret") {
			t.Fatalf("the log leaks the app secret: %q", r)
		}
	}
	if n, _ := app.CountRecords("users"); n != 1 {
		t.Fatalf("customers = %d, want 1", n)
	}
}

func TestConcurrentFirstLoginsMakeOneCustomer(t *testing.T) {
	app, base := start(t, demo)
	const logins = 8
	replies := make([]apptest.Reply, logins)
	ready := make(chan struct{})
	var wg sync.WaitGroup
	for i := range logins {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-ready
			replies[i] = login(t, base, map[string]string{"code": "same"})
		}()
	}
	close(ready)
	wg.Wait()

	var ids []compat.ID
	for _, r := range replies {
		var res customer.LoginResult
		decode(t, r, &res)
		ids = append(ids, res.ID)
	}
	for _, id := range ids {
		if id != ids[0] {
			t.Fatalf("logins got different customers: %v", ids)
		}
	}
	if n, _ := app.CountRecords("users"); n != 1 {
		t.Fatalf("customers = %d, want 1", n)
	}
}
