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

export const PayStatus = Object.freeze({
  Unpaid: 0,
  Paid: 1,
  Refunded: 2,
});

export const payStatusLabels = Object.freeze({
  [PayStatus.Unpaid]: '未支付',
  [PayStatus.Paid]: '已支付',
  [PayStatus.Refunded]: '退款',
});

export const PayMethod = Object.freeze({
  PayWeChat: 1,
  PayAlipay: 2,
  PayOnDelivery: 3,
});

export const payMethodLabels = Object.freeze({
  [PayMethod.PayWeChat]: '微信支付',
  [PayMethod.PayAlipay]: '支付宝支付',
  [PayMethod.PayOnDelivery]: '货到付款/到店付款',
});
