package migrations

import (
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Employees get a role (manager or staff) and a must-change-password flag; usernames get a plain character set.
// The native API rules follow: an employee still on the initial password may read or write nothing, staff may
// only put dishes and set meals on and off sale and open or close the shop, managers do the rest.
const (
	activeEmployee = isEmployee + ` && @request.auth.must_change_password = false`
	isManager      = activeEmployee + ` && @request.auth.role = "manager"`
	// initialPassword is what the original gives new employees; employees still on it must change it.
	initialPassword = "123456"
	// usernamePattern: letters, digits, _ . - and Chinese characters. No spaces, control characters, terminal
	// escapes or bidirectional overrides, which would make a name look like another in a list or a terminal.
	usernamePattern = `^[A-Za-z0-9_.\-\p{Han}]+$`
)

func init() {
	m.Register(addEmployeeRoles, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId("employees")
		if err != nil {
			return err
		}
		c.Fields.RemoveByName("role")
		c.Fields.RemoveByName("must_change_password")
		return app.Save(c)
	})
}

func addEmployeeRoles(app core.App) error {
	c, err := app.FindCollectionByNameOrId("employees")
	if err != nil {
		return err
	}
	c.Fields.Add(
		&core.SelectField{Name: "role", Values: []string{"manager", "staff"}, MaxSelect: 1, Required: true},
		&core.BoolField{Name: "must_change_password"},
	)
	c.Fields.GetByName("username").(*core.TextField).Pattern = usernamePattern
	if err := app.Save(c); err != nil {
		return err
	}
	if err := assignRoles(app); err != nil {
		return err
	}
	if err := flagInitialPasswords(app); err != nil {
		return err
	}
	return restrictRules(app)
}

// assignRoles makes `admin` a manager (or the oldest employee when there is no `admin`) and everyone else staff:
// the least each needs until a manager promotes them.
func assignRoles(app core.App) error {
	if _, err := app.DB().NewQuery(`UPDATE employees SET role = 'staff'`).Execute(); err != nil {
		return err
	}
	_, err := app.DB().NewQuery(`UPDATE employees SET role = 'manager' WHERE id = COALESCE(
		(SELECT id FROM employees WHERE username = 'admin'),
		(SELECT id FROM employees ORDER BY created, id LIMIT 1))`).Execute()
	return err
}

// flagInitialPasswords marks the employees still on the initial password, once, here: afterwards the flag
// follows every password change.
func flagInitialPasswords(app core.App) error {
	var records []*core.Record
	if err := app.RecordQuery("employees").All(&records); err != nil {
		return err
	}
	for _, r := range records {
		if r.ValidatePassword(initialPassword) {
			if _, err := app.DB().Update("employees", dbx.Params{"must_change_password": true}, dbx.HashExp{"id": r.Id}).Execute(); err != nil {
				return err
			}
		}
	}
	return nil
}

func restrictRules(app core.App) error {
	collections, err := app.FindAllCollections()
	if err != nil {
		return err
	}
	// An employee on the initial password is no employee to any rule.
	for _, c := range collections {
		changed := false
		for _, rule := range []**string{&c.ListRule, &c.ViewRule, &c.CreateRule, &c.UpdateRule, &c.DeleteRule} {
			if *rule != nil && strings.Contains(**rule, isEmployee) && !strings.Contains(**rule, activeEmployee) {
				*rule = types.Pointer(strings.ReplaceAll(**rule, isEmployee, activeEmployee))
				changed = true
			}
		}
		if changed {
			if err := app.Save(c); err != nil {
				return err
			}
		}
	}
	manager := types.Pointer(isManager)
	for name, set := range map[string]func(c *core.Collection){
		// Staff see only their own account.
		"employees": func(c *core.Collection) {
			own := types.Pointer("(" + activeEmployee + " && id = @request.auth.id) || (" + isManager + ")")
			c.ListRule, c.ViewRule = own, own
		},
		"categories":     func(c *core.Collection) { c.CreateRule, c.UpdateRule, c.DeleteRule = manager, manager, manager },
		"dish_flavors":   func(c *core.Collection) { c.CreateRule, c.UpdateRule, c.DeleteRule = manager, manager, manager },
		"setmeal_dishes": func(c *core.Collection) { c.CreateRule, c.UpdateRule, c.DeleteRule = manager, manager, manager },
		"dishes": func(c *core.Collection) {
			c.CreateRule, c.DeleteRule = manager, manager
			c.UpdateRule = managerOrStatusOnly(c)
		},
		"setmeals": func(c *core.Collection) {
			c.CreateRule, c.DeleteRule = manager, manager
			c.UpdateRule = managerOrStatusOnly(c)
		},
		// Staff open and close the shop; its settings are the managers'.
		"shop": func(c *core.Collection) { c.UpdateRule = managerOrStatusOnly(c) },
	} {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			return err
		}
		set(c)
		if err := app.Save(c); err != nil {
			return err
		}
	}
	return nil
}

// managerOrStatusOnly lets managers change anything and staff change nothing but `status`.
func managerOrStatusOnly(c *core.Collection) *string {
	var unchanged []string
	for _, f := range c.Fields {
		switch f.GetName() {
		case "id", "status", "created", "updated":
			continue
		}
		unchanged = append(unchanged, "@request.body."+f.GetName()+":changed = false")
	}
	return types.Pointer("(" + isManager + ") || (" + activeEmployee + " && " + strings.Join(unchanged, " && ") + ")")
}
