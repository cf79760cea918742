package staff

import (
	"fmt"
	"os"

	"myrestaurant/modules/auth"

	"github.com/pocketbase/pocketbase/core"
)

// Register wires the staff routes and creates the first employee once a server with none is listening.
func Register(app core.App, adminPassword string) {
	app.OnRecordCreate(auth.EmployeesCollection).BindFunc(markInitialPassword)
	app.OnRecordUpdate(auth.EmployeesCollection).BindFunc(markInitialPassword)
	bindRecordAPIDefaults(app)
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		bindRoutes(se)
		if err := se.Next(); err != nil {
			return err
		}
		// Only now that the server holds its address: a start that fails (the port is taken) must not leave an
		// admin whose printed password scrolled away with the error.
		return createFirstAdmin(se.App, adminPassword)
	})
}

func createFirstAdmin(app core.App, adminPassword string) error {
	created, password, err := ensureAdmin(app, adminPassword)
	if err != nil || !created {
		return err
	}
	if adminPassword == "" {
		// Only on the terminal: the log table is shown in the dashboard and kept in every backup.
		app.Logger().Warn("created employee admin with a generated password, printed once on the terminal; change it after the first sign-in")
		fmt.Fprintf(os.Stdout, "\nMyRestaurant: created employee \"admin\" with password %s\n"+
			"(shown once; a lost password is reset with: myrestaurant employee reset-password admin)\n\n", password)
	} else {
		app.Logger().Info("created employee admin with MYRESTAURANT_ADMIN_PASSWORD")
	}
	return nil
}
