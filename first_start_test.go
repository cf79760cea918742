package main

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
)

// childEnv is this process's environment without the given variables.
func childEnv(drop ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		keep := true
		for _, d := range drop {
			keep = keep && name != d
		}
		if keep {
			env = append(env, kv)
		}
	}
	return env
}

// A first start that cannot listen (the port is taken) must not create the admin whose password it would print
// into the error's scroll-back: the next start creates it, prints the password, and that password signs in.
func TestFirstStartOnATakenPortLeavesNoLostAdmin(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the server twice")
	}
	dir := t.TempDir()
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	env := childEnv("MYRESTAURANT_ADMIN_PASSWORD", "MYRESTAURANT_ADMIN_PASSWORD_FILE", "MYRESTAURANT_DEMO")

	first := exec.Command(os.Args[0])
	first.Env = append(env, "MYRESTAURANT_CRASHTEST_ARGS=serve --dir "+dir+" --http "+taken.Addr().String())
	out, err := first.CombinedOutput()
	if err == nil {
		t.Fatalf("the server started on a taken port:\n%s", out)
	}
	if strings.Contains(string(out), "password") {
		t.Errorf("a failed start printed a password:\n%s", out)
	}

	free, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := free.Addr().String()
	free.Close()
	second := exec.Command(os.Args[0])
	second.Env = append(env, "MYRESTAURANT_CRASHTEST_ARGS=serve --dir "+dir+" --http "+addr)
	pr, pw := io.Pipe()
	second.Stdout, second.Stderr = pw, pw
	if err := second.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { second.Process.Kill(); second.Wait(); pw.Close() }()
	printed := make(chan string, 1)
	go func() {
		password := regexp.MustCompile(`created employee "admin" with password (\S+)`)
		lines := bufio.NewScanner(pr)
		for lines.Scan() {
			if m := password.FindStringSubmatch(lines.Text()); m != nil {
				printed <- m[1]
			}
		}
	}()
	var password string
	select {
	case password = <-printed:
	case <-time.After(30 * time.Second):
		t.Fatal("the second start printed no admin password")
	}
	c := crashClient{base: "http://" + addr, http: &http.Client{Timeout: 10 * time.Second}}
	code, data, err := c.call("POST", "/admin/employee/login", map[string]string{"username": "admin", "password": password})
	if err != nil || code != 1 || !strings.Contains(string(data), `"token"`) {
		t.Fatalf("sign-in with the printed password: code %d %s %v", code, data, err)
	}
}
