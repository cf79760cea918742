package wechat_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"myrestaurant/modules/wechat"
)

const (
	appID  = "wx-app"
	secret = "s3cr3t-never-logged"
)

// fakeWeChat serves /sns/jscode2session with answer, after checking the request is the one WeChat documents.
func fakeWeChat(t *testing.T, answer func(w http.ResponseWriter, r *http.Request)) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if r.Method != http.MethodGet || r.URL.Path != "/sns/jscode2session" ||
			q.Get("appid") != appID || q.Get("secret") != secret || q.Get("grant_type") != "authorization_code" {
			t.Errorf("unexpected request %s %s", r.Method, r.URL)
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		answer(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestCode2SessionReturnsTheOpenID(t *testing.T) {
	base := fakeWeChat(t, func(w http.ResponseWriter, r *http.Request) {
		// WeChat answers with text/plain; only the JSON matters.
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(`{"openid":"o-` + r.URL.Query().Get("js_code") + `","session_key":"k","unionid":"u"}`))
	})
	openid, err := wechat.NewClient(appID, secret, base+"/", time.Second).Code2Session(context.Background(), "c&d=1")
	if err != nil {
		t.Fatal(err)
	}
	if openid != "o-c&d=1" {
		t.Fatalf("openid = %q (the code must reach WeChat escaped and intact)", openid)
	}
}

func TestCode2SessionFailures(t *testing.T) {
	for _, c := range []struct {
		name   string
		answer func(w http.ResponseWriter, r *http.Request)
		want   string
	}{
		{"an errcode answer", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(`{"errcode":40029,"errmsg":"invalid code"}`))
		}, "errcode 40029: invalid code"},
		{"garbage instead of JSON", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(`<html>gateway error</html>`))
		}, "not JSON"},
		{"an answer without openid", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(`{"session_key":"k"}`))
		}, "no openid"},
		{"an HTTP error", func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "oops", http.StatusBadGateway)
		}, "HTTP 502"},
	} {
		t.Run(c.name, func(t *testing.T) {
			base := fakeWeChat(t, c.answer)
			_, err := wechat.NewClient(appID, secret, base, time.Second).Code2Session(context.Background(), "code")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error = %v, want one containing %q", err, c.want)
			}
		})
	}
}

func TestCode2SessionGivesUpOnASlowAnswer(t *testing.T) {
	release := make(chan struct{})
	base := fakeWeChat(t, func(w http.ResponseWriter, r *http.Request) {
		// Answer only when the client has gone or the test ends.
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	defer close(release)
	_, err := wechat.NewClient(appID, secret, base, 50*time.Millisecond).Code2Session(context.Background(), "code")
	if err == nil {
		t.Fatal("a call past the timeout succeeded")
	}
	if strings.Contains(err.Error(), secret) {
		t.Fatalf("the error leaks the app secret: %v", err)
	}
}

func TestCode2SessionWhenWeChatIsUnreachable(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	base := srv.URL
	srv.Close()
	_, err := wechat.NewClient(appID, secret, base, time.Second).Code2Session(context.Background(), "code")
	if err == nil {
		t.Fatal("a call to a closed server succeeded")
	}
	if strings.Contains(err.Error(), secret) {
		t.Fatalf("the error leaks the app secret: %v", err)
	}
}

func TestCode2SessionRefusesBadCodesWithoutCallingWeChat(t *testing.T) {
	base := fakeWeChat(t, func(w http.ResponseWriter, r *http.Request) {
		t.Error("WeChat was called")
	})
	client := wechat.NewClient(appID, secret, base, time.Second)
	for _, code := range []string{"", "  ", strings.Repeat("x", wechat.MaxCodeLength+1)} {
		if _, err := client.Code2Session(context.Background(), code); err == nil {
			t.Errorf("code %q was accepted", code)
		}
	}
}

func TestMockSignsCodeXInAsMockX(t *testing.T) {
	openid, err := wechat.Mock{}.Code2Session(context.Background(), "abc")
	if err != nil || openid != "mock-abc" {
		t.Fatalf("mock: %q, %v", openid, err)
	}
	if _, err := (wechat.Mock{}).Code2Session(context.Background(), ""); err == nil {
		t.Fatal("mock accepted an empty code")
	}
}
