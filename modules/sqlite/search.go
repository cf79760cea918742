package sqlite

import (
	"strings"
	"unicode/utf8"

	"github.com/pocketbase/dbx"
)

// maxSearchRunes is longer than any column the compat API searches (names are 32 characters, order numbers
// 32): a longer term cannot match, and SQLite refuses LIKE patterns of 50,000 bytes or more.
const maxSearchRunes = 255

var likeEscaper = strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`)

// Contains matches rows whose column holds term as a literal substring: % and _ typed by staff match
// themselves. dbx.Like escapes them but SQLite has no default escape character, hence ESCAPE here.
func Contains(column, term string) dbx.Expression {
	if utf8.RuneCountInString(term) > maxSearchRunes {
		return dbx.NewExp("1 = 0")
	}
	param := "like_" + strings.NewReplacer(".", "_", "`", "", "[", "", "]", "").Replace(column)
	return dbx.NewExp(column+" LIKE {:"+param+`} ESCAPE '\'`, dbx.Params{param: "%" + likeEscaper.Replace(term) + "%"})
}

// HasPrefix matches rows whose column starts with term, as a range of the column's index: unlike LIKE, which no
// index serves here, it reads only the matching rows, however many rows the table holds.
func HasPrefix(column, term string) dbx.Expression {
	if term == "" || utf8.RuneCountInString(term) > maxSearchRunes {
		return dbx.NewExp("1 = 0")
	}
	param := "prefix_" + strings.NewReplacer(".", "_", "`", "", "[", "", "]", "").Replace(column)
	// Every string that starts with term sorts below term followed by the highest code point.
	return dbx.NewExp(column+" >= {:"+param+"} AND "+column+" < {:"+param+"_end}",
		dbx.Params{param: term, param + "_end": term + string(utf8.MaxRune)})
}
