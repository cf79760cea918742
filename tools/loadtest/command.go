// Package loadtest drives a running MyRestaurant server through the compat API as real clients would:
// customers browsing and ordering, staff querying orders and consoles waiting for new-order alerts. It reports
// throughput, latencies and errors per operation, then verifies every order it placed.
package loadtest

import (
	"errors"
	"fmt"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/spf13/cobra"
)

// Command is the `loadtest` subcommand, with `loadtest seed`, which fills app's data folder with past orders.
func Command(app core.App) *cobra.Command {
	opts := Options{}
	cmd := &cobra.Command{
		Use:   "loadtest",
		Short: "Drive a running server (started with --demo) with customers, staff and alert consoles",
		Long: "Drive a running MyRestaurant server through the compat API as real clients would, print per-operation\n" +
			"figures and verify every order placed. The server must run with --demo (mock WeChat login and payment).\n" +
			"Exits non-zero when an order is wrong or missing.",
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			opts.URL = strings.TrimRight(opts.URL, "/")
			res, err := Run(ctx, opts, cmd.OutOrStdout())
			if err != nil {
				return err
			}
			if len(res.Mismatches) > 0 {
				return fmt.Errorf("%d of %d orders failed verification", len(res.Mismatches), res.Orders)
			}
			if res.AlertsArrived < res.AlertsWanted {
				fmt.Fprintf(cmd.ErrOrStderr(), "warning: %d alerts missing\n", res.AlertsWanted-res.AlertsArrived)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.URL, "url", "http://127.0.0.1:8090", "base URL of the running server")
	f.StringVar(&opts.AdminUser, "admin-user", "admin", "employee username of the staff side")
	f.StringVar(&opts.AdminPassword, "admin-password", "", "employee password (required)")
	f.IntVar(&opts.Customers, "customers", 8, "number of concurrent customers")
	f.DurationVar(&opts.Duration, "duration", 20*time.Second, "how long the load runs")
	f.IntVar(&opts.Consoles, "consoles", 5, "number of staff consoles subscribed to alerts")
	f.StringVar(&opts.Scenario, "scenario", ScenarioAll, "workload: menu, order, staff or all")
	f.IntVar(&opts.ServerPID, "server-pid", 0, "process id of the server, when on this machine: report its CPU per order and its memory")
	_ = cmd.MarkFlagRequired("admin-password")
	cmd.PreRunE = func(*cobra.Command, []string) error {
		if opts.Customers < 0 || opts.Consoles < 0 || opts.Duration <= 0 {
			return errors.New("--customers and --consoles must not be negative, --duration must be positive")
		}
		return nil
	}
	cmd.AddCommand(seedCommand(app))
	return cmd
}
