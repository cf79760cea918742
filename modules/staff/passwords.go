package staff

import (
	"strings"

	"myrestaurant/modules/auth"

	"github.com/pocketbase/pocketbase/core"
)

// markInitialPassword keeps the must-change flag true exactly while the password is the initial one, whoever
// sets it: the back office adding an employee, or a superuser resetting it in the dashboard.
func markInitialPassword(e *core.RecordEvent) error {
	if plain := e.Record.GetString("password"); plain != "" {
		e.Record.Set(auth.MustChangePasswordField, plain == DefaultPassword)
	}
	return e.Next()
}

// weakPassword tells a password anyone would guess first: the initial one, one character repeated, a run of
// consecutive digits or letters, a common password, or the username itself.
func weakPassword(username, p string) bool {
	lower := strings.ToLower(p)
	if p == DefaultPassword || strings.EqualFold(p, username) || commonPasswords[lower] {
		return true
	}
	return repeatedOrRun(lower)
}

// repeatedOrRun: aaaaaa, 111111, 123456, 654321, abcdef, fedcba.
func repeatedOrRun(s string) bool {
	p := []rune(s)
	if len(p) < 2 {
		return true
	}
	step := p[1] - p[0]
	if step < -1 || step > 1 {
		return false
	}
	for i := 2; i < len(p); i++ {
		if p[i]-p[i-1] != step {
			return false
		}
	}
	return true
}

// commonPasswords are the most used passwords of Chinese and English password leaks that pass the length check.
var commonPasswords = map[string]bool{
	"password": true, "password1": true, "passw0rd": true, "qwerty": true, "qwerty123": true, "qwertyuiop": true,
	"asdfgh": true, "asdfghjkl": true, "zxcvbn": true, "zxcvbnm": true, "1qaz2wsx": true, "qazwsx": true,
	"abc123": true, "abc123456": true, "a123456": true, "123456a": true, "a12345": true, "aa123456": true,
	"123123": true, "123321": true, "112233": true, "121212": true, "123654": true, "147258": true, "159357": true,
	"147258369": true, "123qwe": true, "qwe123": true, "admin123": true, "admin888": true, "woaini": true,
	"5201314": true, "woaini1314": true, "iloveyou": true, "666888": true, "888666": true, "1234qwer": true,
}
