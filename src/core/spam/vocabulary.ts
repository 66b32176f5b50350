// The weighted spam vocabulary, in simplified script, lower case (the normaliser maps page text
// to the same form). Weight 3 = strong evidence alone, 2 = strong in company, 1 = only in
// context. Sources: ../shared/corpus/spam-vocabulary-dev.tsv (transcribed), the five seeds and
// the field guide (../shared/docs/spam-techniques.md), extended with the usual video-portal
// stuffing, lottery jargon and contact bait. Kept as space-separated strings so the content
// script stays small; the matcher builds one automaton from all of them.
//
// The list is deliberately broad on weight-1 "portal words" (在线 观看 高清 …): injected keyword
// stuffing is made of them even when the strong terms change, and detectors only act on
// structure (many short segments, link lists, hidden style, position) plus vocabulary.

export type SpamCategory = 'porn' | 'gamble' | 'fraud' | 'seo' | 'portal';

const PORN3 =
  '亚洲精品 欧美日韩 亚洲人成 一区二区 二区三区 无遮挡 丁香五月 天天色 熟妇 熟女 少妇 乱妇 乱伦 三级片 三级电影 一级片 一级电影 毛片 黄色视频 黄色大片 ' +
  '成人电影 成人影院 成人视频 成人网站 成人免费 性色 性生交 麻豆 99热 国产自拍 偷自拍 国偷自产 里番 波多野结衣 小泽玛利亚 苍井空 理论片 伦理片 ' +
  '福利视频 污污 女优 无码 有码 av女优 精品国产 国产精品 日韩av 中文字幕 人妻 偷拍 偷窥 爆乳 巨乳 嫩模 裸聊 一本道 加勒比 东京热 ' +
  '草榴 色中色 撸撸 妖精动漫 玉蒲团 情色 肉番 无删减 樱花动漫 蕾丝边 激情视频 婷婷视频 色情下载 国产无套 无套 自慰 ' +
  '骚逼 av在线 av免费 性视频 性爱 日韩欧美 欧美精品 精品视频 久久精品 久久综合 久久视频 免费毛片 爽片 黄片 黄网 色站 色色 撸一撸 久久爱 ' +
  '五月婷婷 婷婷五月 六月婷婷 开心激情 色婷婷 天天干 天天操 狠狠干 狠狠爱 狠狠躁 午夜福利 午夜影院 尿囗 乱码 ' +
  '偷自 ova 里番全彩 玉女心经 阿v 勉费视频 av少妇 黑人vs 宾馆在线';
const PORN2 =
  '永久免费 不卡 婷婷 狠狠 老妇 色情 你懂的 老司机 无广告 资源站 播放器 影音 高清视频 勉费 免费视频 在线视频 手机在线 午夜 ' +
  '强奸 日韩 美女 影院 mp4 激情 久久久 网址 淫 黑丝 丝袜 制服 诱惑 性感 番号 蜜芽 传媒 视频网站 下拉式';
const PORN1 =
  '久久 在线观看 免费观看 五月天 躁 撸 大片 蜜桃 自拍 视频 在线 观看 高清 免费 日本 韩国 欧洲 香港 字幕 合集 大全 完整版 手机版 资源 ' +
  '第一页 专区 下载 在线看 导航 最新 图片 网站 小说 直播 看片 欧美 亚洲 国产 动漫 精品 三区 二区 入口 影视 伦理 高潮 夜色 日日 夜夜 国色 扒开 偷窥 乱码 ' +
  // Words that glue a video-portal run together (高清老妇电影福利, 66精品综合久久…): weight 1, so they
  // only count beside real spam terms (the inline detector's dense runs).
  '电影 福利 综合 播放';
const GAMBLE3 =
  '博彩 时时彩 六合彩 bet365 开元棋牌 九游会 乐鱼体育 尊龙凯时 北京赛车 pk10 分分彩 极速赛车 电子游艺 一肖一码 白小姐 跑狗 马会传真 新澳 ' +
  '资料大全 精准资料 解答落实 足球投注 体育投注 在线赌场 期期准 四肖 百家乐 老虎机 真人娱乐 娱乐城 新葡京 葡京 威尼斯人 太阳城 皇冠体育 ' +
  '澳门赌场 澳门彩 香港六合 特码 平特 一肖 三中三 二中二 管家婆 跑狗图 心水 必中 开奖结果 开奖记录 码报 铁算盘 天天彩 彩金 首充 返水 ' +
  '注册送 下注 赔率 盘口 亚博 澳门新葡京 金沙娱乐 永利 银河娱乐 ag真人 棋牌游戏 捕鱼 赌球 赌钱 网赌 菠菜 牛牛 炸金花 斗地主赢钱 高手解 ' +
  '开码 今晚开 今期 挂牌 图库 自动提款 提款 最新36码 36码 大额无忧';
const GAMBLE2 = '娱乐平台 快三 龙虎斗 赌场 赌博 棋牌 投注 开奖 竞彩 庄家 官网直达 扫码下载 王中王';
// Lottery-ad glue (新版龙虎斗号码): only in company.
const GAMBLE1 = '彩票 精准 赛车 体育 娱乐 手机扫码 资料 官方网站 官网 登录 注册 预测 高手 澳门 四不像 号码 新版';
const FRAUD3 =
  '日赚 代孕 约炮 楼凤 援交 加v 薇信 v信 代开发票 办证 刻章 黑户 洗钱 私家侦探 窃听 枪支 迷药 迷幻 催情 春药 听话水 仿真枪 裸贷 上门服务 ' +
  '外围女 刷单 招嫖 嫖 包夜 同城约 学生妹 加微 微信号 加qq 联系qq 信用卡套现 网贷 秒到账 无抵押';
const FRAUD2 = '套现 高仿 跑分 加微信 代办 兼职 日结 小姐 外围 全套 出售 qq群';
// Sales/contact glue of bait ads (代孕一条龙同城套现价格, 薇信多少钱…靠谱): only in company.
const FRAUD1 = '一条龙 同城 价格 渠道 多少钱 靠谱 联系方式';
const SEO3 = '蜘蛛池 站群 蜘蛛池模板 主站蜘蛛池';

/** Gov phrases that only look like spam: a match inside one of these is dropped. */
export const ALLOW =
  '久久为功 撸起袖子 三级医院 三级甲等 三级综合医院 三级专科 三级片区 成人教育 成人高考 成人高等 成人继续教育 福利彩票 体育彩票 彩票公益金 彩票销售 ' +
  '澳门特别行政区 澳门回归 港澳 澳门大学 扫黄打非 打击赌博 打击色情 赌博违法 禁毒 蜜桃产业 蜜桃种植 丁香花 夜夜笙歌 开心激情燃烧 ' +
  '色情低俗 色情淫秽 淫秽色情 涉黄 非法彩票 网络赌博 跨境赌博 电信网络诈骗 反诈 打击 整治 查处 依法 精品课程 精品工程 精品旅游 精品线路 ' +
  '国产化 国产品牌 国产大飞机 国产芯片 亚洲文明 亚洲杯 亚洲开发银行 欧美国家 日韩两国 美女经济 在线观看直播 影视基地 官网公布 官方网站公布 ' +
  '注册资本 注册登录 登录注册 体育场 体育馆 体育局 体育总局 全民体育 娱乐设施 文化娱乐 免费开放 免费体检 资料来源 资料图 参考资料 ' +
  '预测预警 高手如云 无码化 人妻子 偷窥狂 资料大全集 卖淫嫖娼 嫖娼 打击代孕 非法代孕 医学伦理 科技伦理 伦理审查 学习高潮 日日夜夜 夜色美 国色天香 淫秽物品';

const TABLE: [string, SpamCategory, number][] = [
  [PORN3, 'porn', 3], [PORN2, 'porn', 2], [PORN1, 'portal', 1],
  [GAMBLE3, 'gamble', 3], [GAMBLE2, 'gamble', 2], [GAMBLE1, 'gamble', 1],
  [FRAUD3, 'fraud', 3], [FRAUD2, 'fraud', 2], [FRAUD1, 'fraud', 1],
  [SEO3, 'seo', 3],
];

export interface Term {
  term: string;
  category: SpamCategory;
  weight: number;
}

let cached: Term[] | null = null;

/** Every term once; when a term is listed twice the higher weight wins. */
export function spamTerms(): Term[] {
  if (cached) return cached;
  const byTerm = new Map<string, Term>();
  for (const [list, category, weight] of TABLE) {
    for (const term of list.split(' ')) {
      if (!term) continue;
      const old = byTerm.get(term);
      if (!old || old.weight < weight) byTerm.set(term, { term, category, weight });
    }
  }
  cached = [...byTerm.values()];
  return cached;
}

export function allowTerms(): string[] {
  return ALLOW.split(' ').filter(Boolean);
}
