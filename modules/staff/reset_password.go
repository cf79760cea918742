package staff

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/security"
	"github.com/spf13/cobra"

	"myrestaurant/modules/auth"
)

// randomPassword is a password to print once: 12 characters without look-alikes (0/O, 1/l/I).
func randomPassword() string {
	return security.RandomStringWithAlphabet(12, "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789")
}

// ResetPassword gives an employee a new random password, which they must replace at their next sign-in, and
// ends every session they have (a new token key voids their tokens). It returns the password, to be shown
// once to the operator who asked.
func ResetPassword(app core.App, username string) (string, error) {
	password := randomPassword()
	err := app.RunInTransaction(func(tx core.App) error {
		r, err := tx.FindFirstRecordByData(auth.EmployeesCollection, "username", username)
		if err != nil {
			return fmt.Errorf("no employee with the username %q", username)
		}
		r.SetPassword(password)
		r.RefreshTokenKey()
		if err := tx.Save(r); err != nil {
			return err
		}
		// A second save: the password hook sets the flag only for the initial password (passwords.go).
		r, err = tx.FindRecordById(auth.EmployeesCollection, r.Id)
		if err != nil {
			return err
		}
		r.Set(auth.MustChangePasswordField, true)
		return tx.Save(r)
	})
	if err != nil {
		return "", err
	}
	return password, nil
}

// EmployeeCommand is `employee reset-password USERNAME`, for the operator of the server: the way back when
// an employee (admin too) has lost their password.
func EmployeeCommand(app core.App) *cobra.Command {
	cmd := &cobra.Command{Use: "employee", Short: "Manage employees from the command line"}
	cmd.AddCommand(&cobra.Command{
		Use:          "reset-password USERNAME",
		Short:        "Give an employee a new random password (printed once) and end their sessions",
		Args:         cobra.ExactArgs(1),
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			password, err := ResetPassword(app, args[0])
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "New password of employee %q: %s\n"+
				"It is shown only now. They must replace it at their next sign-in; their other sessions have ended.\n",
				args[0], password)
			return nil
		},
	})
	return cmd
}
