package loadtest

import (
	"errors"
	"fmt"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/spf13/cobra"

	"myrestaurant/internal/history"
)

// seedCommand is `loadtest seed`: it fills the data folder of the app (--dir) with years of past orders, so that
// a server started on it afterwards is loaded as a busy restaurant's third year, not its first day.
func seedCommand(app core.App) *cobra.Command {
	var orders int
	cmd := &cobra.Command{
		Use:   "seed",
		Short: "Fill the data folder (--dir) with past orders, their items, payments and alerts, before `serve`",
		Long: "Fill the data folder given by --dir with three years of past orders (with their items, customers, payments,\n" +
			"refunds and acknowledged alerts), in one SQLite transaction. The folder must hold no orders yet; stop the\n" +
			"server first. Then start `serve --demo --dir <same folder>` and run `loadtest` against it.",
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if orders < 1 {
				return errors.New("--orders must be at least 1")
			}
			if err := app.RunAllMigrations(); err != nil {
				return err
			}
			if n, err := app.CountRecords("orders"); err != nil || n > 0 {
				return errors.Join(err, fmt.Errorf("%s already holds %d orders; seed an empty data folder", app.DataDir(), n))
			}
			start := time.Now()
			seeded, err := history.Seed(app, history.Options{Orders: orders, Now: time.Now(), Ledger: true})
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "seeded %s into %s in %s\n", seeded, app.DataDir(), time.Since(start).Round(time.Millisecond))
			return nil
		},
	}
	cmd.Flags().IntVar(&orders, "orders", 1_000_000, "number of past orders")
	return cmd
}
