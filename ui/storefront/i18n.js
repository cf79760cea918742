// Chinese by default, English on request; the choice is kept in localStorage.
const LANG_KEY = 'myrestaurant.storefront.lang';

const en = {
  '点餐': 'Order', '加载中': 'Loading', '营业中': 'Open', '已打烊': 'Closed',
  '本店已打烊': 'The shop is closed', '暂不接单，营业后再来吧': 'Not taking orders now; please come back when we open',
  '桌号': 'Table', '堂食': 'Dine-in', '我的订单': 'My orders', '购物车': 'Cart', '清空': 'Clear',
  '去结算': 'Checkout', '购物车是空的': 'Your cart is empty', '选规格': 'Options', '请选择规格': 'Choose an option',
  '加入购物车': 'Add to cart', '套餐内容': 'In this set', '份': 'sets', '/份': '/item', '配送费': 'Delivery', '打包费': 'Packing',
  '菜品': 'Food', '合计': 'Total', '提交订单': 'Place order', '收货地址': 'Address', '请选择收货地址': 'Choose a delivery address',
  '送达时间': 'Delivery time', '立即派送': 'As soon as possible', '今天': 'Today', '明天': 'Tomorrow',
  '预计': 'about', '送达': '', '餐具数量': 'Tableware', '无需餐具': 'No tableware', '依据餐量提供': 'By the amount of food',
  '备注': 'Remark', '无接触配送，将商品挂家门口或放前台，地址封闭管理时请电话联系': 'Contactless: leave it at the door or the front desk; call if the building is closed', '支付方式': 'Payment', '微信支付': 'WeChat Pay',
  '货到付款': 'Pay on delivery', '到店付款': 'Pay at the counter', '模拟支付（演示）': 'Mock payment (demo)',
  '地址管理': 'Addresses', '新增收货地址': 'Add an address', '编辑收货地址': 'Edit address', '联系人': 'Name',
  '先生': 'Mr', '女士': 'Ms', '手机号': 'Phone', '详细地址': 'Address', '详细地址（精确到门牌号）': 'Address, down to the door number', '请填写收货人的姓名': 'Who receives the order', '请填写收货人手机号码': 'Their mobile number',
  '标签': 'Label', '公司': 'Work', '家': 'Home', '学校': 'School', '其他': 'Other', '保存地址': 'Save address',
  '设为默认地址': 'Make default', '默认': 'Default', '编辑': 'Edit', '删除': 'Delete', '确定删除该地址吗？': 'Delete this address?',
  '请填写联系人': 'Enter a name', '请输入正确的手机号': 'Enter a valid 11-digit mobile number', '请填写详细地址': 'Enter the address',
  '还没有收货地址': 'No addresses yet', '返回': 'Back', '订单详情': 'Order', '等待支付': 'Waiting for payment',
  '等待商家接单': 'Waiting for the shop to accept', '商家已接单': 'Accepted by the shop', '订单派送中': 'Out for delivery',
  '正在上菜': 'Being served', '订单已完成': 'Completed', '订单已取消': 'Cancelled', '已退款': 'Refunded',
  '已支付': 'Paid', '已下单': 'Ordered', '重试': 'Retry', '已接单': 'Accepted', '派送中': 'On the way', '已完成': 'Completed', '上菜中': 'Serving',
  '取消订单': 'Cancel order', '立即支付': 'Pay now', '催单': 'Hurry up', '再来一单': 'Order again',
  '您的催单信息已发出！': 'Your reminder was sent!', '您的订单已取消！': 'Your order was cancelled!',
  '请联系商家进行取消！': 'Please call the shop to cancel.', '确定取消订单吗？': 'Cancel this order?', '确定': 'Yes',
  '先等等': 'Not now', '拨打电话': 'Call', '联系商家': 'Call the shop', '订单号码': 'Order no.', '下单时间': 'Ordered at',
  '期望时间': 'Expected', '配送地址': 'Deliver to', '全部订单': 'All', '待付款': 'Unpaid', '已取消': 'Cancelled',
  '去支付': 'Pay', '共': '', '件': ' items', '还没有订单': 'No orders yet', '加载更多': 'More', '没有更多了': 'No more',
  '请在15分钟内完成支付，超时将自动取消。': 'Please pay within 15 minutes, or the order is cancelled.',
  '剩余': 'Left', '商家拒单': 'Rejected by the shop', '原因': 'Reason', '款项将原路退回': 'The money goes back the way you paid', '款项已原路退回': 'The money went back the way you paid', '申请退款': 'Ask for a refund', '请联系商家进行退款！': 'Please call the shop for a refund.',
  '未支付': 'Not paid', '请到前台付款': 'Please pay at the counter:', '请在收货时付款': 'Please pay on delivery:', '请用微信扫码支付': 'Scan with WeChat to pay', '支付完成后本页自动更新': 'This page updates by itself once paid',
  '实时更新': 'Live', '连接中断，正在重连': 'Connection lost, reconnecting', '网络不给力，请稍后重试': 'Network problem, please retry',
  '操作失败': 'Something went wrong', '暂未开通在线支付，请联系商家': 'Online payment is not available; please contact the shop',
  '修改购物车': 'Edit cart', '以下商品已停售，已从购物车移除': 'No longer sold, taken out of your cart', '已停售': 'Off sale', '订单金额': 'Amount', '应付': 'To pay', '更改': 'Change',
  '支付成功': 'Paid', '下单成功': 'Order placed', '选择送达时间': 'Choose a delivery time', '选择餐具数量': 'Tableware',
  '按政府条例要求，商家不得主动提供一次性餐具，请按需选择': 'By regulation the shop may not hand out disposable tableware unasked; choose what you need',
  '桌': 'Table', '堂食订单，无需地址与配送费': 'Dine-in: no address and no delivery fee', '付款': 'Payment',
  '已收到，餐做好后送到桌上': 'Received; we bring it to your table', '取消': 'Cancel', '保存': 'Save', '未知状态': 'Unknown',
  '餐具': 'Tableware', '件商品': ' items',
};

let lang = localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';

export function t(zh) {
  if (lang !== 'en') return zh;
  const v = en[zh];
  return v === undefined ? zh : v;
}

export function currentLang() { return lang; }

export function setLang(l) {
  lang = l === 'en' ? 'en' : 'zh';
  localStorage.setItem(LANG_KEY, lang);
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
}
