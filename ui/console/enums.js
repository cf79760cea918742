// The numbers the server speaks in, in one place. Names and numbers must match the Go constants
// (order statuses in modules/order/states.go, alert types in modules/alert); ui/enums_test.go compares them.
// Labels are the ones the original admin web app shows.

export const OrderStatus = Object.freeze({
  PendingPayment: 1,
  ToBeConfirmed: 2,
  Confirmed: 3,
  DeliveryInProgress: 4,
  Completed: 5,
  Cancelled: 6,
});

export const orderStatusLabels = Object.freeze({
  [OrderStatus.PendingPayment]: '待付款',
  [OrderStatus.ToBeConfirmed]: '待接单',
  [OrderStatus.Confirmed]: '待派送',
  [OrderStatus.DeliveryInProgress]: '派送中',
  [OrderStatus.Completed]: '已完成',
  [OrderStatus.Cancelled]: '已取消',
});

export const AlertType = Object.freeze({
  NewOrder: 1,
  Reminder: 2,
  CustomerCancel: 3,
});

export const alertTypeLabels = Object.freeze({
  [AlertType.NewOrder]: '新订单',
  [AlertType.Reminder]: '催单',
  [AlertType.CustomerCancel]: '用户取消订单',
});

// Menu numbers (modules/menu/model.go): what a category holds, and whether a dish, set meal or category is sold.
export const CategoryType = Object.freeze({
  DishCategory: 1,
  SetmealCategory: 2,
});

export const categoryTypeLabels = Object.freeze({
  [CategoryType.DishCategory]: '菜品分类',
  [CategoryType.SetmealCategory]: '套餐分类',
});

export const SaleStatus = Object.freeze({
  OffSale: 0,
  OnSale: 1,
});
