package staff

import (
	"fmt"
	"os"

	"myrestaurant/modules/auth"

	"github.com/pocketbase/pocketbase/core"
)

// Register wires the staff routes and creates the first employee when the server starts with none.
func Register(app core.App, adminPassword string) {
	app.OnRecordCreate(auth.EmployeesCollection).BindFunc(markInitialPassword)
	app.OnRecordUpdate(auth.EmployeesCollection).BindFunc(markInitialPassword)
	bindRecordAPIDefaults(app)
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		created, password, err := ensureAdmin(se.App, adminPassword)
		if err != nil {
			return err
		}
		if created {
			if adminPassword == "" {
				// Only on the terminal: the log table is shown in the dashboard and kept in every backup.
				se.App.Logger().Warn("created employee admin with a generated password, printed once on the terminal; change it after the first sign-in")
				fmt.Fprintf(os.Stdout, "\nMyRestaurant: created employee \"admin\" with password %s\n\n", password)
			} else {
				se.App.Logger().Info("created employee admin with MYRESTAURANT_ADMIN_PASSWORD")
			}
		}
		bindRoutes(se)
		return se.Next()
	})
}
