/// <reference path="../pb_data/types.d.ts" />

// A health check for load balancers and uptime monitors: is the server up, and is the shop taking orders?
// GET /api/myrestaurant/health → {"status":"ok","shopOpen":true}
routerAdd("GET", "/api/myrestaurant/health", (e) => {
    const shop = $app.findFirstRecordByFilter("shop", "id != ''")
    return e.json(200, { status: "ok", shopOpen: shop.getInt("status") === 1 })
})
