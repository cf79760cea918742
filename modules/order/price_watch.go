package order

import (
	"sync/atomic"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"myrestaurant/modules/menu"
	"myrestaurant/modules/shop"
)

// priceWatch counts the writes to what an order is priced from — the shop (open or not, the fees) and the menu
// items with their categories — so that a submit can price the cart outside the write transaction and know,
// inside it, whether that price still holds.
//
// started moves when a write begins, finished when its transaction has committed or rolled back. A price read
// while the two differ may have seen a write that is about to roll back, or missed one that is about to commit,
// so it is not trusted. A price read while they were equal holds as long as started has not moved: SQLite has
// one writer, so any later write to those collections has moved started before the order's transaction can
// begin.
type priceWatch struct {
	started, finished atomic.Uint64
}

// priceStamp is the state of the watch when a price was read.
type priceStamp struct {
	started uint64
	settled bool // no write was under way
}

const priceWatchKey = "myrestaurant.order.priceWatch"

// watchPrices binds the watch to the shop and menu collections.
func watchPrices(app core.App) *priceWatch {
	w := &priceWatch{}
	app.Store().Set(priceWatchKey, w)
	collections := append([]string{shop.Collection}, menu.SellableCollections...)
	for _, h := range []*hook.TaggedHook[*core.RecordEvent]{
		app.OnRecordCreateExecute(collections...),
		app.OnRecordUpdateExecute(collections...),
		app.OnRecordDeleteExecute(collections...),
	} {
		h.BindFunc(w.track)
	}
	return w
}

func priceWatchOf(app core.App) *priceWatch {
	w, _ := app.Store().Get(priceWatchKey).(*priceWatch)
	return w
}

// track counts one write: started before it runs, finished once its transaction is over.
func (w *priceWatch) track(e *core.RecordEvent) error {
	w.started.Add(1)
	err := e.Next()
	if tx := e.App.TxInfo(); tx != nil && err == nil {
		tx.OnComplete(func(error) error {
			w.finished.Add(1)
			return nil
		})
		return nil
	}
	w.finished.Add(1)
	return err
}

// stamp is taken before reading prices.
func (w *priceWatch) stamp() priceStamp {
	finished := w.finished.Load()
	started := w.started.Load()
	return priceStamp{started: started, settled: started == finished}
}

// holds tells, inside the order's write transaction, whether prices read after s are still current.
func (w *priceWatch) holds(s priceStamp) bool {
	return s.settled && w.started.Load() == s.started
}
