// Package realtime holds PocketBase realtime to what our clients use. Out of the box any client, signed in or not,
// may hold 1,000 subscriptions of up to 2,500 characters each, topics that differ only in their query string count
// separately, and every record change runs one rule check per matching subscription while the request that made
// the change waits: a few anonymous clients could slow every order and cart change of the shop. Here a client may
// subscribe only to the topics our clients use, a few at a time, and one address may hold only a few streams.
package realtime

import (
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"myrestaurant/modules/auth"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// MaxTopicsPerClient is how many topics one realtime client may hold: PB_CONNECT, the staff alerts, or a few
// orders a customer follows.
const MaxTopicsPerClient = 10

// The topics our clients use.
const (
	// connectTopic is what the PocketBase JS SDK subscribes to for its connect callback (the console does).
	connectTopic = "PB_CONNECT"
	// alertsTopic is the staff alerts of the console (ui/console/alerts.js) and of the load test's consoles.
	alertsTopic = "alerts/*"
	// ordersPrefix followed by an order's id is one order's live status, for the customer who placed it.
	ordersPrefix = "orders/"
	// staffOrdersTopic (order_changes.go) is every order's id and status as it changes, for the consoles.
)

var orderID = regexp.MustCompile(`^[1-9][0-9]{14}$`)

// checkSubscriptions refuses a subscription request unless it asks for at most MaxTopicsPerClient topics, each
// one our clients use and the requester may follow: PB_CONNECT for anyone, the alerts and the order changes for
// an enabled employee, an order for its customer or an enabled employee. Topics carry no query string (our clients send none), so
// one topic cannot be held many times over. Superusers (the dashboard) are not limited.
func checkSubscriptions(e *core.RealtimeSubscribeRequestEvent) error {
	if e.HasSuperuserAuth() {
		return e.Next()
	}
	if len(e.Subscriptions) > MaxTopicsPerClient {
		return e.BadRequestError(fmt.Sprintf("At most %d realtime topics per client.", MaxTopicsPerClient), nil)
	}
	for _, topic := range e.Subscriptions {
		if topic == "" {
			continue // PocketBase ignores empty topics
		}
		ok, err := mayFollow(e.App, e.Auth, topic)
		if err != nil {
			return err
		}
		if !ok {
			return e.ForbiddenError("This realtime topic is not offered, or not to you.", errors.New("topic "+truncate(topic, 64)))
		}
	}
	return e.Next()
}

// mayFollow tells whether who (nil for a guest) may subscribe to topic.
func mayFollow(app core.App, who *core.Record, topic string) (bool, error) {
	switch {
	case topic == connectTopic:
		return true, nil
	case topic == alertsTopic, topic == staffOrdersTopic:
		return auth.IsEnabledEmployee(who), nil
	case strings.HasPrefix(topic, ordersPrefix):
		id := strings.TrimPrefix(topic, ordersPrefix)
		if who == nil || !orderID.MatchString(id) {
			return false, nil
		}
		if auth.IsEnabledEmployee(who) {
			return true, nil
		}
		if who.Collection().Name != auth.UsersCollection {
			return false, nil
		}
		var owner string
		err := app.DB().Select("user").From("orders").Where(dbx.HashExp{"id": id}).Limit(1).Row(&owner)
		if errors.Is(err, sql.ErrNoRows) {
			return false, nil
		}
		return err == nil && owner == who.Id, err
	}
	return false, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
