// Package staff holds the employees of the back office: sign-in, the employee list, and passwords.
package staff

import (
	"database/sql"
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/auth"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/sqlite"
)

// DefaultPassword is what the original gives an employee added by the back office (its form has no password field).
const DefaultPassword = "123456"

// Employee is the employee JSON of the contract. The password is never sent, only "****".
type Employee struct {
	ID         compat.ID   `json:"id"`
	Username   string      `json:"username"`
	Name       string      `json:"name"`
	Password   string      `json:"password"`
	Phone      string      `json:"phone"`
	Sex        string      `json:"sex"`
	IDNumber   string      `json:"idNumber"`
	Status     int         `json:"status"`
	Role       string      `json:"role"` // ours: manager or staff
	CreateTime compat.Time `json:"createTime"`
	UpdateTime compat.Time `json:"updateTime"`
	CreateUser compat.ID   `json:"createUser"`
	UpdateUser compat.ID   `json:"updateUser"`
}

func employeeOf(r *core.Record) Employee {
	return Employee{
		ID:         compat.ParseID(r.Id),
		Username:   r.GetString("username"),
		Name:       r.GetString("name"),
		Password:   "****",
		Phone:      r.GetString("phone"),
		Sex:        r.GetString("sex"),
		IDNumber:   r.GetString("id_number"),
		Status:     r.GetInt("status"),
		Role:       roleOf(r),
		CreateTime: compat.TimeOf(r.GetDateTime("created").Time()),
		UpdateTime: compat.TimeOf(r.GetDateTime("updated").Time()),
		CreateUser: compat.ParseID(r.GetString("created_by")),
		UpdateUser: compat.ParseID(r.GetString("updated_by")),
	}
}

// EmployeeInput is EmployeeDTO: the fields the back office may set. Anything else it posts back is ignored.
type EmployeeInput struct {
	ID       compat.ID   `json:"id"`
	Username compat.Text `json:"username"`
	Name     compat.Text `json:"name"`
	Phone    compat.Text `json:"phone"`
	Sex      compat.Text `json:"sex"`
	IDNumber compat.Text `json:"idNumber"`
	Role     compat.Text `json:"role"` // ours; the original front end never sends it
}

// apply copies the non-null fields onto r, as the original's partial update does.
func (in EmployeeInput) apply(app core.App, r *core.Record) error {
	set := func(field string, t compat.Text) {
		if t.Valid {
			r.Set(field, strings.TrimSpace(t.Value))
		}
	}
	set("username", in.Username)
	set("name", in.Name)
	set("phone", in.Phone)
	set("sex", in.Sex)
	set("id_number", in.IDNumber)
	if in.Role.Valid {
		r.Set("role", strings.TrimSpace(in.Role.Value))
	}
	if r.GetString("username") == "" {
		return compat.Fail(MsgUsernameRequired)
	}
	if r.GetString("name") == "" {
		return compat.Fail(MsgNameRequired)
	}
	// The original's column sizes, checked here so the message is ours and never echoes the value.
	for _, f := range []struct {
		field, label string
		max          int
	}{{"username", "账号", 32}, {"name", "员工姓名", 32}, {"phone", "手机号", 11}, {"id_number", "身份证号", 18}} {
		if n := utf8.RuneCountInString(r.GetString(f.field)); n > f.max {
			return compat.Failf(compat.MsgFieldTooLongFormat, f.label, f.max)
		}
	}
	if sex := r.GetString("sex"); sex != "" && sex != "0" && sex != "1" {
		return compat.Fail(MsgSexInvalid)
	}
	if !validUsername(app, r.GetString("username")) {
		return compat.Fail(MsgUsernameInvalid)
	}
	if role := r.GetString("role"); role != auth.RoleManager && role != auth.RoleStaff {
		return compat.Fail(MsgRoleInvalid)
	}
	return nil
}

// LoginResult is EmployeeLoginVO (note the capital N of userName), with our role and must-change flag.
type LoginResult struct {
	ID                 compat.ID `json:"id"`
	UserName           string    `json:"userName"`
	Name               string    `json:"name"`
	Token              string    `json:"token"`
	Role               string    `json:"role"`
	MustChangePassword bool      `json:"mustChangePassword"`
}

func findEmployee(app core.App, id compat.ID) (*core.Record, error) {
	r, err := app.FindRecordById(auth.EmployeesCollection, id.String())
	if errors.Is(err, sql.ErrNoRows) {
		return nil, compat.Fail(MsgEmployeeNotFound)
	}
	return r, err
}

// login checks the original's three conditions in its order: the account exists, the password matches,
// the account is not locked.
func login(app core.App, username, password string) (LoginResult, error) {
	r, err := app.FindFirstRecordByData(auth.EmployeesCollection, "username", strings.TrimSpace(username))
	if errors.Is(err, sql.ErrNoRows) {
		return LoginResult{}, compat.Fail(MsgAccountNotFound)
	}
	if err != nil {
		return LoginResult{}, err
	}
	if !r.ValidatePassword(password) {
		return LoginResult{}, compat.Fail(MsgPasswordError)
	}
	if r.GetInt("status") != auth.EmployeeEnabled {
		return LoginResult{}, compat.Fail(MsgAccountLocked)
	}
	token, err := r.NewAuthToken()
	if err != nil {
		return LoginResult{}, err
	}
	return LoginResult{ID: compat.ParseID(r.Id), UserName: r.GetString("username"), Name: r.GetString("name"), Token: token,
		Role: roleOf(r), MustChangePassword: r.GetBool(auth.MustChangePasswordField)}, nil
}

// addEmployee creates an enabled employee with the default password, which they must change at first sign-in.
// Without a role the new employee is staff.
func addEmployee(app core.App, by compat.ID, in EmployeeInput) (*core.Record, error) {
	col, err := app.FindCachedCollectionByNameOrId(auth.EmployeesCollection)
	if err != nil {
		return nil, err
	}
	r := core.NewRecord(col)
	r.Set("role", auth.RoleStaff)
	if err := in.apply(app, r); err != nil {
		return nil, err
	}
	r.Set("status", auth.EmployeeEnabled)
	r.SetPassword(DefaultPassword)
	r.Set("created_by", by.String())
	r.Set("updated_by", by.String())
	return r, compat.Save(app, r)
}

// updateEmployee changes the non-null DTO fields; never the password or the status. `admin` is changed only by
// itself and keeps its username and role; nobody takes the manager role from themselves.
func updateEmployee(app core.App, by compat.ID, in EmployeeInput) error {
	if in.ID == 0 {
		return compat.Fail(MsgEmployeeIDRequired)
	}
	r, err := findEmployee(app, in.ID)
	if err != nil {
		return err
	}
	protected, wasManager := isAdmin(r), auth.IsManager(r)
	if protected && in.ID != by {
		return compat.Fail(MsgAdminProtected)
	}
	if err := in.apply(app, r); err != nil {
		return err
	}
	if protected && (!isAdmin(r) || !auth.IsManager(r)) {
		return compat.Fail(MsgAdminProtected)
	}
	if in.ID == by && wasManager && !auth.IsManager(r) {
		return compat.Fail(MsgCannotDemoteSelf)
	}
	r.Set("updated_by", by.String())
	return compat.Save(app, r)
}

// setEmployeeStatus enables (1) or locks (0) an employee. Nobody may lock themselves out.
func setEmployeeStatus(app core.App, by compat.ID, id compat.ID, status int) error {
	if status == 0 && id == by {
		return compat.Fail(MsgCannotDisableSelf)
	}
	r, err := findEmployee(app, id)
	if err != nil {
		return err
	}
	if status == 0 && isAdmin(r) {
		return compat.Fail(MsgAdminProtected)
	}
	r.Set("status", status)
	r.Set("updated_by", by.String())
	return compat.Save(app, r)
}

// changePassword replaces the signed-in employee's password after checking the old one; the new one must not be
// weak. Existing tokens stop working, because PocketBase renews the record's token key with the password.
func changePassword(app core.App, id compat.ID, oldPassword, newPassword string) error {
	r, err := findEmployee(app, id)
	if err != nil {
		return err
	}
	if !r.ValidatePassword(oldPassword) {
		return compat.Fail(MsgPasswordEditFailed)
	}
	if n := utf8.RuneCountInString(newPassword); n < 6 || len(newPassword) > 72 {
		return compat.Fail(MsgNewPasswordInvalid)
	}
	if weakPassword(r.GetString("username"), newPassword) {
		return compat.Fail(MsgPasswordTooWeak)
	}
	if newPassword == oldPassword {
		return compat.Fail(MsgPasswordUnchanged)
	}
	r.SetPassword(newPassword)
	r.Set("updated_by", id.String())
	return compat.Save(app, r)
}

// pageEmployees lists employees newest first, optionally filtered by a name fragment.
func pageEmployees(app core.App, name string, page compat.Page) (compat.PageResult[Employee], error) {
	var where dbx.Expression = dbx.NewExp("1=1")
	if name = strings.TrimSpace(name); name != "" {
		where = sqlite.Contains("name", name)
	}
	total, err := app.CountRecords(auth.EmployeesCollection, where)
	if err != nil {
		return compat.PageResult[Employee]{}, err
	}
	var records []*core.Record
	err = app.RecordQuery(auth.EmployeesCollection).AndWhere(where).
		OrderBy("created DESC", "id DESC").Offset(int64(page.Offset())).Limit(int64(page.Size)).All(&records)
	if err != nil {
		return compat.PageResult[Employee]{}, err
	}
	out := compat.PageResult[Employee]{Total: total, Records: make([]Employee, 0, len(records))}
	for _, r := range records {
		out.Records = append(out.Records, employeeOf(r))
	}
	return out, nil
}
