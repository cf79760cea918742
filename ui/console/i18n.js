// Chinese by default, English on request; the choice is kept in localStorage.
const LANG_KEY = 'myrestaurant.console.lang';

const en = {
  '管理台': 'Console', '登录': 'Log in', '退出': 'Log out', '账号': 'Username', '密码': 'Password',
  '请输入账号': 'Enter the username', '密码至少6位': 'The password needs at least 6 characters',
  '工作台': 'Workspace', '订单管理': 'Orders', '分类管理': 'Categories', '菜品管理': 'Dishes', '套餐管理': 'Set meals',
  '员工管理': 'Employees', '店铺设置': 'Shop', '数据统计': 'Reports', '营业中': 'Open', '打烊中': 'Closed',
  '实时连接正常': 'Live', '实时连接已断开': 'Live connection down', '启用提示音': 'Enable sound', '提示音已开启': 'Sound on',
  '修改密码': 'Change password', '原密码': 'Current password', '新密码': 'New password', '确认新密码': 'Repeat new password',
  '两次输入的密码不一致': 'The two passwords differ', '保存': 'Save', '取消': 'Cancel', '确定': 'OK', '关闭': 'Close',
  '新订单': 'New order', '待处理提醒': 'Alerts to handle', '营业额合计': 'Turnover in total', '催单': 'Reminder', '用户取消订单': 'Order cancelled by customer', '知道了': 'Acknowledge',
  '查看订单': 'View order', '全部': 'All', '待付款': 'Unpaid', '待接单': 'To confirm', '已接单': 'Confirmed', '待派送': 'To deliver',
  '派送中': 'Delivering', '已完成': 'Completed', '已取消': 'Cancelled', '订单号': 'Order no.', '手机号': 'Phone',
  '开始时间': 'From', '结束时间': 'To', '查询': 'Search', '重置': 'Reset', '下单时间': 'Ordered at', '菜品': 'Items',
  '地址': 'Address', '收货人': 'Consignee', '实收金额': 'Amount', '状态': 'Status', '操作': 'Actions', '详情': 'Details',
  '接单': 'Confirm', '拒单': 'Reject', '派送': 'Deliver', '完成': 'Complete', '取消订单': 'Cancel order',
  '打印小票': 'Print ticket', '暂无数据': 'Nothing here', '上一页': 'Prev', '下一页': 'Next', '共': 'Total',
  '拒单原因': 'Reason for rejecting', '取消原因': 'Reason for cancelling', '自定义': 'Other', '请填写原因': 'Enter a reason',
  '备注': 'Remark', '餐具': 'Tableware', '打包费': 'Packing', '配送费': 'Delivery', '预计送达': 'Expected by',
  '订单详情': 'Order details', '操作成功': 'Done', '分类名称': 'Category name', '分类类型': 'Type', '排序': 'Sort',
  '菜品分类': 'Dish category', '套餐分类': 'Set meal category', '新增': 'Add', '编辑': 'Edit', '删除': 'Delete',
  '启售': 'Enable', '停售': 'Disable', '启用': 'Enable', '禁用': 'Disable', '确定删除吗？': 'Delete it?',
  '菜品名称': 'Dish name', '价格': 'Price', '图片': 'Image', '描述': 'Description', '口味': 'Flavors',
  '口味名称': 'Flavor', '口味选项(逗号分隔)': 'Options (comma separated)', '添加口味': 'Add flavor', '上传图片': 'Upload image',
  '套餐名称': 'Set meal name', '套餐菜品': 'Dishes in the set', '添加菜品': 'Add dish', '份数': 'Copies',
  '请输入名称': 'Enter a name', '请选择分类': 'Choose a category', '请输入正确的价格': 'Enter a valid price',
  '请至少添加一个菜品': 'Add at least one dish', '请上传图片': 'Upload an image', '请输入排序(数字)': 'Enter a sort number',
  '员工姓名': 'Name', '性别': 'Sex', '男': 'Male', '女': 'Female', '身份证号': 'ID number', '账号状态': 'Status',
  '正常': 'Enabled', '已禁用': 'Disabled', '手机号需为11位数字': 'The phone number needs 11 digits',
  '身份证号需为18位': 'The ID number needs 18 characters', '新员工初始密码为 123456': 'New employees start with password 123456',
  '店铺名称': 'Shop name', '联系电话': 'Phone', '店铺地址': 'Address', '配送费(元)': 'Delivery fee (¥)',
  '打包费(元/件)': 'Packing fee (¥/item)', '时区': 'Time zone', '今日数据': 'Today', '营业额': 'Turnover',
  '有效订单': 'Valid orders', '订单完成率': 'Completion rate', '平均客单价': 'Average order', '新增用户': 'New customers',
  '订单总览': 'Orders overview', '全部订单': 'All orders', '菜品总览': 'Dishes overview', '套餐总览': 'Set meals overview',
  '已启售': 'On sale', '已停售': 'Off sale', '昨日': 'Yesterday', '近7日': 'Last 7 days', '近30日': 'Last 30 days',
  '本周': 'This week', '本月': 'This month', '导出数据': 'Export', '营业额统计': 'Turnover', '用户统计': 'Customers',
  '订单统计': 'Orders', '销量排名TOP10': 'Top 10 sellers', '用户总量': 'All customers', '订单数': 'Orders',
  '订单总数': 'All orders', '暂未提供': 'Not available yet', '加载中': 'Loading', '点击启用提示音，才能播放新订单提醒':
  'Click to enable sound so new-order alerts can ring', '搜索': 'Search', '菜品名称搜索': 'Search dishes',
  '已选': 'Selected', '无': 'None', '语言': 'Language', '欢迎': 'Hello', '请先登录': 'Please log in',
  '店铺已营业': 'The shop is open', '店铺已打烊': 'The shop is closed', '图片格式仅支持 jpg/jpeg/png，且不超过2MB': 'Images: jpg/jpeg/png up to 2 MB',
  '请输入时区，如 Asia/Shanghai': 'Enter a time zone such as Asia/Shanghai', '金额需为非负数': 'Fees must be 0 or more',
  '角色': 'Role', '店长': 'Manager', '店员': 'Staff', '密码已修改，请用新密码登录': 'Password changed; log in with the new one',
  '新密码不能是 123456': 'The new password cannot be 123456',
  '首次登录须修改初始密码，修改后才能使用其他功能。': 'This is your first login: set your own password before using the console.',
  '网络错误': 'Network error', '分类': 'Category', '日期': 'Date', '请修改初始密码': 'Please change the initial password', '客户': 'Customer', '合计': 'Total', '支付方式': 'Payment', '微信': 'WeChat', '支付宝': 'Alipay',
};

// menu, shop, reports, QR codes (console part 2)
Object.assign(en, {
  '全选': 'Select all', '批量启售': 'Enable selected', '批量停售': 'Disable selected', '批量删除': 'Delete selected',
  '确认启售所选商品？': 'Put the selected items on sale?', '确认停售所选商品？': 'Take the selected items off sale?',
  '确认删除所选商品？起售中的不能删除。': 'Delete the selected items? Items on sale cannot be deleted.',
  '套餐': 'set meals', '保存并继续添加': 'Save and add another', '图片预览': 'Picture preview', '暂无图片': 'No picture',
  '保存后生效': 'Applies when saved', '无图': 'No picture',
  '已打烊 · 顾客无法下单': 'Closed · customers cannot order', '点击打烊': 'Click to close the shop', '点击开始营业': 'Click to open the shop',
  '确定打烊吗？': 'Close the shop?', '确定打烊': 'Close the shop',
  '打烊后顾客不能下单（小程序和网页点餐都不能），直到再次开始营业。已下的订单照常处理。':
    'While closed, customers cannot order (neither in the mini-program nor on the web) until the shop opens again. Orders already placed go on as usual.',
  '顾客点餐码': 'Ordering QR codes', '点餐链接': 'Ordering link', '扫码点餐': 'Scan to order', '复制链接': 'Copy link', '已复制': 'Copied',
  '打印': 'Print', '打印 (A4)': 'Print (A4)', '生成': 'Make', '桌号': 'Table', '桌号二维码': 'Table QR codes',
  '如 1-12 或 A1,A2': 'e.g. 1-12 or A1,A2', '桌号范围有误': 'Bad table range', '一次最多200张桌': 'At most 200 tables at once',
  '桌号最长16个字符': 'A table name has at most 16 characters',
  '顾客用手机扫码或打开链接即可点餐，无需小程序。': 'Customers scan the code or open the link on their phone to order; no mini-program needed.',
  '顾客扫桌上的码点餐，订单带桌号，无需地址和配送费。': 'Customers scan the code on their table; the order carries the table, with no address and no delivery fee.',
  '尚未设置应用网址，此链接是本机地址，顾客的手机打不开：请在 PocketBase 后台“设置 → Application URL”填写店铺的公网地址。':
    'No application URL is set and this link is this machine\'s own address, which customers\' phones cannot open: set the shop\'s public address in the PocketBase dashboard (Settings → Application URL).',
  '尚未设置应用网址，链接用的是打开本页的地址；可在 PocketBase 后台“设置 → Application URL”填写店铺的公网地址。':
    'No application URL is set, so the link uses the address this page was opened at; set the shop\'s public address in the PocketBase dashboard (Settings → Application URL).',
});

// The console's orders, alerts, kitchen view, keyboard, notifications and busy mode.
Object.assign(en, {
  '按餐量提供': 'As many as the food', '网页': 'Web',
  '小程序': 'Mini-program', '订单菜品': 'Items', '订单状态': 'Status',
  '用户名': 'Customer', '取消时间': 'Cancelled at', '送达时间': 'Delivered at',
  '预计送达时间': 'Expected by', '餐具数量': 'Tableware', '渠道': 'Channel',
  '支付时间': 'Paid at', '单价': 'Unit price', '小计': 'Subtotal',
  '菜品小计': 'Items', '处理完自动跳转下一条': 'Then open the next waiting order', '微信支付': 'WeChat Pay',
  '支付宝支付': 'Alipay', '货到付款/到店付款': 'Pay on delivery / at the counter', '货到付款': 'Collect payment', '未支付': 'Unpaid',
  '已支付': 'Paid', '退款': 'Refunded', '厨房': 'Kitchen',
  '出餐 · 派送': 'Ready · send out', '外卖': 'Takeout', '待出餐': 'To prepare',
  '暂无待出餐订单': 'Nothing to prepare', '知道了（全部）': 'Acknowledge all', 
  '启用通知': 'Notify me', '通知已开启': 'Notifying', '忙时自动接单并打印小票': 'Busy hours: accept paid orders at once and print their tickets', '忙时模式已开启：付款订单自动接单': 'Busy mode on: paid orders are accepted at once',
  '忙时模式已关闭': 'Busy mode off', '忙时模式：开': 'Busy mode: on', '忙时模式：关': 'Busy mode: off',
  '本机打印': 'Print here', '快捷键': 'Keyboard', '打开下一个待接单订单': 'Open the next order to confirm',
  '在列表中选择订单': 'Select an order in the list', '查看所选订单': 'Open the selected order', '知道了（第一条提醒）': 'Acknowledge the first alert',
  '查看第一条提醒的订单': "Open the first alert's order", '关闭对话框': 'Close the dialog', '快捷键帮助': 'This help',
  '没有待接单的订单': 'No order waits to be confirmed', '后台标签页或熄屏时也用系统通知提醒': 'Also alert with system notifications when this tab is in the background or the screen is dim',
});

let lang = localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';

export function t(s) { return lang === 'en' ? (en[s] ?? s) : s; }
export function currentLang() { return lang; }
export function setLang(l) { lang = l === 'en' ? 'en' : 'zh'; localStorage.setItem(LANG_KEY, lang); document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN'; }
setLang(lang);
